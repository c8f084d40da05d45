/**
 * Code actions from diagnostics alone: every fix travels in diagnostic.data, so a quick fix is
 * built from the request without looking anything up. "Fix all" is returned unresolved (its edit
 * needs several lint passes) and filled in by codeAction/resolve, as is a quick fix too large to
 * embed (found again from the document, so still no server state); "disable" and "ignore" run a
 * command, because they edit .reportlintrc.json, which must be read when the user picks them.
 */
import { pointAt } from '../parser/positions';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { Locale } from '../engine/rule';
import { markdownDisableEdit } from './config-edits';
import type { DocumentFormat } from './detect';
import { diagnosticData, toRange } from './diagnostics';
import { t } from './i18n';
import { isRange } from './params';
import { COMMANDS, FIX_ALL_KIND, type DisableRuleArgs, type IgnoreFindingArgs } from './protocol';

export interface CodeActionInput {
  uri: string;
  version: number;
  format: DocumentFormat;
  text: string;
  /** context.diagnostics of the request (the client's, possibly with other sources' diagnostics). */
  diagnostics: Diagnostic[];
  /** context.only of the request. */
  only?: string[];
  locale: Locale;
  /** Whether the document's last analysis has anything fixable (fix all is offered only then). */
  fixable: boolean;
  /** file: documents can have .reportlintrc.json entries; untitled ones cannot. */
  hasFile: boolean;
  /**
   * False in an untrusted workspace, where .reportlintrc.json's overrides and ignore entries do not
   * apply: the actions that would write them are not offered. Absent: trusted.
   */
  trusted?: boolean;
}

/** Data of the unresolved fix-all action, sent back in codeAction/resolve. */
export interface FixAllData {
  fixAll: true;
  uri: string;
  version: number;
}

export function isFixAllData(data: unknown): data is FixAllData {
  const d = data as Partial<FixAllData> | undefined;
  return typeof d === 'object' && d !== null && d.fixAll === true && typeof d.uri === 'string' && typeof d.version === 'number';
}

/** Data of an unresolved quick fix whose edits were too many to embed in its diagnostic. */
export interface LargeFixData {
  largeFix: true;
  uri: string;
  version: number;
  ruleId: string;
  messageId: string;
  range: Range;
}

export function isLargeFixData(data: unknown): data is LargeFixData {
  const d = data as Partial<LargeFixData> | undefined;
  return (
    typeof d === 'object' && d !== null && d.largeFix === true && typeof d.uri === 'string' && typeof d.version === 'number' &&
    typeof d.ruleId === 'string' && typeof d.messageId === 'string' && isRange(d.range)
  );
}

/** Whether an action of `kind` is wanted by a request's `only` list (a kind matches itself and its parents). */
export function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const actions: CodeAction[] = [];
  const { uri, version, locale } = input;
  if (wanted(CodeActionKind.QuickFix, input.only)) {
    const fixes = new Map<string, CodeAction>();
    const disabled = new Set<string>();
    for (const diagnostic of input.diagnostics) {
      const data = diagnosticData(diagnostic);
      if (!data) continue;
      // A fix computed for another version would edit the wrong text; the next analysis brings a fresh one.
      if (data.fix && data.version === version) {
        const edits: TextEdit[] = data.fix.edits.map((e) => ({ range: toRange(e), newText: e.text }));
        const key = JSON.stringify(edits);
        const existing = fixes.get(key);
        if (existing) existing.diagnostics!.push(diagnostic);
        else {
          const action: CodeAction = {
            title: data.fix.description ?? t('fixGeneric', locale, { message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value }),
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: true,
            edit: { documentChanges: [{ textDocument: { uri, version }, edits }] },
          };
          fixes.set(key, action);
        }
      }
      if (data.largeFix !== undefined && data.version === version) {
        const key = `${data.ruleId}\n${data.largeFix}`;
        const existing = fixes.get(key);
        if (existing) existing.diagnostics!.push(diagnostic);
        else {
          const lazy: LargeFixData = { largeFix: true, uri, version, ruleId: data.ruleId, messageId: data.messageId, range: diagnostic.range };
          fixes.set(key, { title: data.largeFix, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, data: lazy });
        }
      }
      if (input.hasFile && input.trusted !== false) {
        const args: IgnoreFindingArgs = { uri, ruleId: data.ruleId, range: diagnostic.range };
        actions.push({
          title: t('ignoreFinding', locale, { ruleId: data.ruleId }),
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: t('ignoreFinding', locale, { ruleId: data.ruleId }), command: COMMANDS.ignoreFinding, arguments: [args] },
        });
      }
      if (!disabled.has(data.ruleId)) {
        disabled.add(data.ruleId);
        actions.push(...disableActions(input, data.ruleId, diagnostic));
      }
    }
    actions.unshift(...fixes.values());
  }
  if (input.fixable && wanted(FIX_ALL_KIND, input.only)) {
    const data: FixAllData = { fixAll: true, uri, version };
    actions.push({ title: t('fixAll', locale), kind: FIX_ALL_KIND, data });
  }
  return actions;
}

function disableActions(input: CodeActionInput, ruleId: string, diagnostic: Diagnostic): CodeAction[] {
  const { uri, version, locale } = input;
  const actions: CodeAction[] = [];
  const forDocument = t('disableForDocument', locale, { ruleId });
  if (input.format === 'markdown') {
    // Markdown carries its own switch, <!-- report-lint-disable id -->, which the parser honours.
    const edit = markdownDisableEdit(input.text, ruleId);
    if (edit) {
      const at = positionAt(input.text, edit.start);
      actions.push({
        title: forDocument,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { documentChanges: [{ textDocument: { uri, version }, edits: [{ range: { start: at, end: at }, newText: edit.text }] }] },
      });
    }
  } else if (input.hasFile && input.trusted !== false) {
    const args: DisableRuleArgs = { uri, ruleId, scope: 'document' };
    actions.push({ title: forDocument, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: forDocument, command: COMMANDS.disableRule, arguments: [args] } });
  }
  if (input.hasFile) {
    const title = t('disableForWorkspace', locale, { ruleId });
    const args: DisableRuleArgs = { uri, ruleId, scope: 'workspace' };
    actions.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title, command: COMMANDS.disableRule, arguments: [args] } });
  }
  return actions;
}

function positionAt(text: string, offset: number): { line: number; character: number } {
  const { line, column } = pointAt(text, offset);
  return { line: line - 1, character: column - 1 };
}
