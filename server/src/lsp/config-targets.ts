/**
 * Which .reportlintrc.json a "disable" or "ignore" action writes to, and the workspace edit that
 * does it. The nearest file upward from the report is the one that applies to it, so entries go
 * there; without one, a new file is created at the root of the report's workspace folder (or next
 * to the report outside any folder).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { CONFIG_FILE_NAME, configRelativePath, findConfigFile } from '../engine/config';
import { applyConfigChange, configFileEdit, findingContext, type ConfigChange, type ConfigTarget } from './config-edits';
import { folderOf, pathToUri } from './workspace';

export interface TargetContext {
  folders: readonly string[];
  /** Text and version of a file open in the editor, else undefined. */
  openFile(file: string): { text: string; version: number } | undefined;
}

function target(file: string, context: TargetContext): ConfigTarget {
  const open = context.openFile(file);
  if (open) return { uri: pathToUri(file), text: open.text, version: open.version };
  let text: string | undefined;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    text = undefined; // does not exist yet
  }
  return { uri: pathToUri(file), text, version: null };
}

const rootConfig = (report: string, context: TargetContext) => path.join(folderOf(report, context.folders) ?? path.dirname(report), CONFIG_FILE_NAME);

/** The file that applies to the report (the nearest upward), or where a new one goes. */
function nearestConfig(report: string, context: TargetContext): string {
  return findConfigFile(path.dirname(report)) ?? rootConfig(report, context);
}

export class ConfigEditError extends Error {
  constructor(readonly file: string) {
    super(`${file} is not a JSON object that can be edited`);
  }
}

function edit(files: string[], change: (file: string) => ConfigChange, context: TargetContext): WorkspaceEdit {
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  for (const file of new Set(files)) {
    const current = target(file, context);
    const text = applyConfigChange(current.text, change(file));
    if (text === undefined) throw new ConfigEditError(file);
    if (text === current.text) continue;
    documentChanges.push(...configFileEdit(current, text).documentChanges!);
  }
  return { documentChanges };
}

/**
 * "Disable for this document" (plain text: an `overrides` entry naming the file) or "for the
 * workspace" (the rule off in the workspace folder's file, and in the report's nearest file when
 * that is another one, since only the nearest file applies).
 */
export function disableRuleEdit(report: string, ruleId: string, scope: 'document' | 'workspace', context: TargetContext): WorkspaceEdit {
  if (scope === 'document') {
    const file = nearestConfig(report, context);
    return edit([file], () => ({ kind: 'fileRuleOff', ruleId, file: configRelativePath({ baseDir: path.dirname(file) }, report) }), context);
  }
  return edit([rootConfig(report, context), nearestConfig(report, context)], () => ({ kind: 'ruleOff', ruleId }), context);
}

/** "Ignore this finding": an `ignore` entry with the flagged text and enough context to be unique. */
export function ignoreFindingEdit(report: string, ruleId: string, text: string, start: number, end: number, context: TargetContext): WorkspaceEdit {
  const file = nearestConfig(report, context);
  const entry = { rule: ruleId, file: configRelativePath({ baseDir: path.dirname(file) }, report), text: findingContext(text, start, end) };
  return edit([file], () => ({ kind: 'ignore', entry }), context);
}
