/**
 * Changes to .reportlintrc.json and to a Markdown report that the "disable" and "ignore" code
 * actions make. Pure: text in, text (or one edit) out; the server sends the result through
 * workspace/applyEdit. The configuration is rewritten as pretty-printed JSON keeping its key order
 * and indentation, because people read and review it.
 */
import type { Range, WorkspaceEdit } from 'vscode-languageserver';
import type { IgnoreEntry } from '../engine/config';
import type { OffsetEdit } from './text';

export type ConfigChange =
  | { kind: 'ruleOff'; ruleId: string }
  | { kind: 'fileRuleOff'; ruleId: string; file: string }
  | { kind: 'ignore'; entry: IgnoreEntry };

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The configuration text after the change, or undefined when the current text cannot be edited
 * safely (not a JSON object, or the key to change holds a value of the wrong type: the user's
 * file is never overwritten with a guess). `text` undefined means the file does not exist yet.
 */
export function applyConfigChange(text: string | undefined, change: ConfigChange): string | undefined {
  let config: JsonObject = {};
  if (text !== undefined && text.trim()) {
    try {
      const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
      if (!isObject(parsed)) return undefined;
      config = parsed;
    } catch {
      return undefined;
    }
  }
  switch (change.kind) {
    case 'ruleOff': {
      if (config.rules === undefined) config.rules = {};
      if (!isObject(config.rules)) return undefined;
      config.rules[change.ruleId] = 'off';
      break;
    }
    case 'fileRuleOff': {
      if (config.overrides === undefined) config.overrides = [];
      if (!Array.isArray(config.overrides)) return undefined;
      // Reuse an override that names exactly this file, so disabling a second rule adds one line.
      const existing = config.overrides.find(
        (o): o is JsonObject & { rules: JsonObject } =>
          isObject(o) && isObject(o.rules) && (o.files === change.file || (Array.isArray(o.files) && o.files.length === 1 && o.files[0] === change.file)),
      );
      if (existing) existing.rules[change.ruleId] = 'off';
      else config.overrides.push({ files: [change.file], rules: { [change.ruleId]: 'off' } });
      break;
    }
    case 'ignore': {
      if (config.ignore === undefined) config.ignore = [];
      if (!Array.isArray(config.ignore)) return undefined;
      const { rule, file, text: snippet } = change.entry;
      const duplicate = config.ignore.some((e) => isObject(e) && e.rule === rule && e.file === file && e.text === snippet);
      if (!duplicate) config.ignore.push({ rule, ...(file !== undefined ? { file } : {}), text: snippet });
      break;
    }
  }
  return JSON.stringify(config, null, indentationOf(text)) + '\n';
}

/** The indentation the file already uses (two spaces for a new file). */
function indentationOf(text: string | undefined): string | number {
  const indent = text && /\n([ \t]+)\S/.exec(text);
  return indent ? indent[1]! : 2;
}

const CONTEXT_STEP = 6;
const CONTEXT_MAX = 48;

/**
 * The text an "ignore" entry records for a finding at text[start, end): the flagged text plus
 * just enough of its line on each side to occur only once in the report, so that the entry keeps
 * matching this place (and no other) while the rest of the report is edited.
 */
export function findingContext(text: string, start: number, end: number): string {
  let lineStart = Math.max(text.lastIndexOf('\n', start - 1), text.lastIndexOf('\r', start - 1)) + 1;
  let lineEnd = end;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  if (lineEnd === lineStart) {
    // A finding on an empty line (say, a missing part): let its context reach the neighbouring lines.
    lineStart = 0;
    lineEnd = text.length;
  }
  let snippet = text.slice(start, end);
  for (let pad = start === end ? CONTEXT_STEP : 0; pad <= CONTEXT_MAX; pad += CONTEXT_STEP) {
    let from = Math.max(lineStart, start - pad);
    let to = Math.min(lineEnd, end + pad);
    if (from > 0 && isLow(text.charCodeAt(from))) from--;
    if (to < text.length && isLow(text.charCodeAt(to))) to++;
    snippet = text.slice(from, to);
    const unique = snippet.length > 0 && text.indexOf(snippet) === from && text.indexOf(snippet, from + 1) < 0;
    if (unique || (from === lineStart && to === lineEnd)) break;
  }
  return snippet;
}

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

const DISABLE_AT_TOP = /^<!--\s*report-lint-disable\b([^>]*?)-->/;
const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * The edit that disables a rule for one Markdown document: the rule id added to the
 * `<!-- report-lint-disable … -->` comment at the top (after any front matter), or a new comment.
 */
export function markdownDisableEdit(text: string, ruleId: string): OffsetEdit | undefined {
  const top = FRONT_MATTER.exec(text)?.[0].length ?? 0;
  const existing = DISABLE_AT_TOP.exec(text.slice(top));
  if (existing) {
    const ids = existing[1]!.trim().split(/[\s,]+/).filter(Boolean);
    if (ids.length === 0 || ids.includes(ruleId)) return undefined; // already disabled
    const at = top + existing[0].length - '-->'.length;
    const space = /\s$/.test(existing[0].slice(0, -3)) ? '' : ' ';
    return { start: at, end: at, text: `${space}${ruleId} ` };
  }
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  return { start: top, end: top, text: `<!-- report-lint-disable ${ruleId} -->${eol}` };
}

/** A configuration file as the server finds it: its text if it exists, and its version if it is open. */
export interface ConfigTarget {
  uri: string;
  text?: string;
  /** Version of the open editor buffer; null when the file is not open. */
  version: number | null;
}

/**
 * The workspace edit writing new configuration text: a full replacement of an existing file
 * (versioned when it is open, so a concurrent edit makes the client refuse it rather than merge
 * wrongly), or creating the file first when it does not exist yet.
 */
export function configFileEdit(target: ConfigTarget, newText: string): WorkspaceEdit {
  if (target.text === undefined) {
    return {
      documentChanges: [
        { kind: 'create', uri: target.uri, options: { ignoreIfExists: true } },
        { textDocument: { uri: target.uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText }] },
      ],
    };
  }
  return { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits: [{ range: wholeRange(target.text), newText }] }] };
}

function wholeRange(text: string): Range {
  const lines = text.split(/\r\n|\r|\n/);
  return { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]!.length } };
}
