/**
 * The server's own protocol: command ids, the checklist request and the shape of
 * `diagnostic.data`. Types and strings only (type imports are erased), so the VS Code client can
 * import this file without pulling the server into its bundle.
 */
import type { Computation, MessageFix } from '../engine/rule';
import type { ReportPartId } from '../rules/support/report-parts';

/** Code action kind of "fix all": a child of source.fixAll, so `editor.codeActionsOnSave` can name it. */
export const FIX_ALL_KIND = 'source.fixAll.reportLint';

export const COMMANDS = {
  /** args: [uri: string, range?: Range] — apply the numbering rules' fixes to the document or the selection. */
  renumber: 'reportLint.renumber',
  /** args: [uri: string, partId: ReportPartId] — insert a missing required part. */
  insertSection: 'reportLint.insertSection',
  /** args: [{ uri, ruleId, scope: 'document' | 'workspace' }] — turn a rule off in .reportlintrc.json. */
  disableRule: 'reportLint.disableRule',
  /** args: [{ uri, ruleId, range }] — record one finding as accepted in .reportlintrc.json. */
  ignoreFinding: 'reportLint.ignoreFinding',
} as const;

export interface DisableRuleArgs {
  uri: string;
  ruleId: string;
  scope: 'document' | 'workspace';
}

export interface IgnoreFindingArgs {
  uri: string;
  ruleId: string;
  range: LspRange;
}

/**
 * Sent by the client's checklist view when it opens and when the active report or its diagnostics
 * change. Answered with a ChecklistResult, or null when the document is not a report the server
 * checks (an ordinary text file, or reportLint.enable is false).
 */
export const CHECKLIST_METHOD = 'reportLint/checklist';

export interface ChecklistParams {
  uri: string;
}

export interface ChecklistItem {
  id: ReportPartId;
  label: string;
  present: boolean;
  range?: LspRange;
}

export interface ChecklistResult {
  items: ChecklistItem[];
  counts: Array<{ ruleId: string; count: number }>;
  totals: { error: number; warning: number; information: number; hint: number };
}

/**
 * initializationOptions.workspaceTrusted: false when the editor's workspace is not trusted (VS Code
 * Restricted Mode). The server then takes only the rule severities from .reportlintrc.json files.
 * Absent means trusted, for clients that have no notion of trust.
 */
export const WORKSPACE_TRUSTED_OPTION = 'workspaceTrusted';

/** Notification (no params) sent by the client when the user trusts the workspace: configuration applies in full from then on. */
export const WORKSPACE_TRUSTED_METHOD = 'reportLint/workspaceTrusted';

/** What travels in diagnostic.data, so a code action needs no server state. */
export interface DiagnosticData {
  ruleId: string;
  messageId: string;
  /** Document version the diagnostic (and its fix's edits) belongs to. */
  version: number;
  /** The fix, when it is small enough to travel with every diagnostic that shares it. */
  fix?: MessageFix;
  /**
   * Title of a fix too large to embed (renumbering a long run repeats every edit in every
   * diagnostic of the run): the server recomputes it from the document in codeAction/resolve.
   */
  largeFix?: string;
  computation?: Computation;
}

/** Structurally the LSP Range, declared here to keep this file free of imports the client would bundle. */
export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
