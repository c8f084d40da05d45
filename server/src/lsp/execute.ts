/**
 * workspace/executeCommand and codeAction/resolve: the server-side halves of the commands and of
 * the code actions whose edits are computed late. Arguments come from the client as JSON and are
 * checked before use.
 */
import { LSPErrorCodes, ResponseError, type CodeAction, type ExecuteCommandParams, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Locale } from '../engine/rule';
import { RULE_IDS } from '../rules';
import { isFixAllData, isLargeFixData } from './code-actions';
import { insertSectionEdits, isReportPartId, missingPartDiagnostic, numberingRuleIds } from './commands';
import { ConfigEditError, disableRuleEdit, ignoreFindingEdit, type TargetContext } from './config-targets';
import { diagnosticData } from './diagnostics';
import { factsOf } from './facts';
import { t } from './i18n';
import { invalid, isRange, objectArgument, uriArgument } from './params';
import { COMMANDS } from './protocol';
import { documentEdit, freeze, type Session } from './session';
import type { OffsetEdit } from './text';
import { uriToPath } from './workspace';

export async function executeCommand(session: Session, params: ExecuteCommandParams): Promise<unknown> {
  const args: unknown[] = Array.isArray(params.arguments) ? params.arguments : [];
  switch (params.command) {
    case COMMANDS.renumber:
      return renumber(session, uriArgument(args[0]), args[1]);
    case COMMANDS.insertSection:
      return insertSection(session, uriArgument(args[0]), args[1]);
    case COMMANDS.disableRule: {
      const arg = objectArgument(args[0], 'the argument');
      const uri = uriArgument(arg.uri);
      const ruleId = knownRule(arg.ruleId);
      const scope = arg.scope;
      if (scope !== 'document' && scope !== 'workspace') throw invalid('expected scope to be "document" or "workspace"');
      return applyConfigEdit(session, uri, (report, context) => disableRuleEdit(report, ruleId, scope, context), await session.localeOf(uri));
    }
    case COMMANDS.ignoreFinding: {
      const arg = objectArgument(args[0], 'the argument');
      const uri = uriArgument(arg.uri);
      const ruleId = knownRule(arg.ruleId);
      if (!isRange(arg.range)) throw invalid('expected range to be an LSP range');
      const doc = openDocument(session, uri);
      // The text and offsets are taken now: the range is the one the editor shows for this version.
      const text = doc.getText();
      const start = doc.offsetAt(arg.range.start);
      const end = doc.offsetAt(arg.range.end);
      return applyConfigEdit(session, uri, (report, context) => ignoreFindingEdit(report, ruleId, text, start, end, context), await session.localeOf(uri));
    }
    default:
      throw invalid(`unknown command ${JSON.stringify(params.command)}`);
  }
}

function knownRule(value: unknown): string {
  if (typeof value !== 'string' || !RULE_IDS.has(value)) throw invalid(`unknown rule ${JSON.stringify(value)}`);
  return value;
}

function openDocument(session: Session, uri: string) {
  const doc = session.documents.get(uri);
  if (!doc) throw invalid(t('notOpen', 'en', { uri }));
  return doc;
}

async function renumber(session: Session, uri: string, rangeArg: unknown): Promise<{ applied: boolean; fixes: number }> {
  const doc = openDocument(session, uri);
  if (rangeArg !== undefined && rangeArg !== null && !isRange(rangeArg)) throw invalid('expected the second argument to be a range');
  const range = isRange(rangeArg) ? { start: doc.offsetAt(rangeArg.start), end: doc.offsetAt(rangeArg.end) } : undefined;
  const { edit, applied } = await session.fixEdit(uri, numberingRuleIds(), range);
  if (!edit) return { applied: false, fixes: 0 };
  return { applied: (await session.connection.workspace.applyEdit({ label: 'report-lint: renumber', edit })).applied, fixes: applied };
}

async function insertSection(session: Session, uri: string, partId: unknown): Promise<{ applied: boolean }> {
  if (!isReportPartId(partId)) throw invalid('expected the second argument to be one of measures, shortcomings, leaderDuty, plans');
  const report = await session.reportOf(uri);
  const doc = session.documents.get(uri);
  const facts = report && factsOf(report);
  if (!report || !doc || !facts) return { applied: false };
  const frozen = freeze(doc);
  let edits: OffsetEdit[] | undefined;
  const reported = facts.parts[partId] ? undefined : missingPartDiagnostic(partId, report.diagnostics);
  const data = reported && diagnosticData(reported);
  if (reported && data?.largeFix !== undefined && doc.version === report.version) {
    edits = await session.runner.messageFix({
      kind: 'messageFix', text: frozen.getText(), ...report.options, ruleId: data.ruleId, messageId: data.messageId,
      start: frozen.offsetAt(reported.range.start), end: frozen.offsetAt(reported.range.end),
    });
  }
  edits ??= insertSectionEdits(partId, facts, report.diagnostics, frozen.getText(), report.options.locale);
  if (!edits) return { applied: false };
  return { applied: (await session.connection.workspace.applyEdit({ label: 'report-lint: insert section', edit: documentEdit(frozen, edits) })).applied };
}

async function applyConfigEdit(
  session: Session,
  uri: string,
  build: (report: string, context: TargetContext) => WorkspaceEdit,
  locale: Locale,
): Promise<{ applied: boolean }> {
  const report = uriToPath(uri);
  if (!report) throw invalid(t('noFolder', locale, { uri }));
  let edit: WorkspaceEdit;
  try {
    edit = build(report, { folders: session.folders, openFile: (file) => session.openFile(file) });
  } catch (error) {
    if (!(error instanceof ConfigEditError)) throw error;
    void session.connection.window.showErrorMessage(t('configInvalid', locale, { file: error.file }));
    throw new ResponseError(LSPErrorCodes.RequestFailed, error.message);
  }
  if (!edit.documentChanges?.length) return { applied: true }; // recorded already
  return { applied: (await session.connection.workspace.applyEdit({ label: 'report-lint', edit })).applied };
}

/** Fills in the edit of an action returned without one: fix all, or a fix too large to travel in its diagnostic. */
export async function resolveCodeAction(session: Session, action: CodeAction): Promise<CodeAction> {
  if (action.edit) return action;
  if (isFixAllData(action.data)) {
    const { edit } = await session.fixEdit(action.data.uri);
    return { ...action, edit: edit ?? { documentChanges: [] } };
  }
  if (isLargeFixData(action.data)) {
    const { uri, version, ruleId, messageId, range } = action.data;
    const report = session.documents.get(uri)?.version === version ? await session.reportOf(uri) : undefined;
    const doc = session.documents.get(uri);
    if (!doc || !report || doc.version !== version) return action; // the text moved on: the next analysis offers a fresh fix
    const frozen = freeze(doc);
    const edits = await session.runner.messageFix({
      kind: 'messageFix', text: frozen.getText(), ...report.options, ruleId, messageId, start: frozen.offsetAt(range.start), end: frozen.offsetAt(range.end),
    });
    return edits ? { ...action, edit: documentEdit(frozen, edits) } : action;
  }
  return action;
}
