/**
 * Commands on the active report. The server does the editing (workspace/executeCommand); these
 * wrappers supply the document and selection, which a Command Palette invocation cannot.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { COMMANDS as SERVER_COMMANDS, FIX_ALL_KIND } from '../../server/src/lsp/protocol';
import { COMMANDS, PART_IDS, SKELETON_SNIPPET, type PartId } from './names';
import { partLabel } from './checklist-view';
import type { ReportState } from './report-state';

export function registerCommands(client: LanguageClient, state: ReportState): vscode.Disposable[] {
  const asUri = (document: vscode.TextDocument) => client.code2ProtocolConverter.asUri(document.uri);
  return [
    vscode.commands.registerCommand(COMMANDS.renumber, async () => {
      const editor = activeReportEditor(state);
      if (!editor) return;
      // With a selection, only the markers inside it are renumbered.
      const range = editor.selection.isEmpty ? [] : [client.code2ProtocolConverter.asRange(editor.selection)];
      await executeOnServer(client, SERVER_COMMANDS.renumber, [asUri(editor.document), ...range]);
    }),

    // From the checklist view: (part, uri). From the Command Palette: no arguments, so ask.
    vscode.commands.registerCommand(COMMANDS.insertSection, async (part?: PartId, uri?: vscode.Uri) => {
      const document = uri ? await vscode.workspace.openTextDocument(uri) : activeReportEditor(state)?.document;
      if (!document) return;
      const chosen = part ?? (await pickPart(state, document));
      if (!chosen) return;
      await vscode.window.showTextDocument(document);
      await executeOnServer(client, SERVER_COMMANDS.insertSection, [asUri(document), chosen]);
    }),

    vscode.commands.registerCommand(COMMANDS.fixAll, () =>
      vscode.commands.executeCommand('editor.action.sourceAction', { kind: FIX_ALL_KIND, apply: 'first' }),
    ),

    vscode.commands.registerCommand(COMMANDS.newReport, async () => {
      const document = await vscode.workspace.openTextDocument({ language: 'report' });
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'report', name: SKELETON_SNIPPET });
    }),

    vscode.commands.registerCommand(COMMANDS.restartServer, () => client.restart()),
  ];
}

function activeReportEditor(state: ReportState): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && state.isChecked(editor.document)) return editor;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a report draft first.'));
  return undefined;
}

async function executeOnServer(client: LanguageClient, command: string, args: unknown[]): Promise<void> {
  try {
    await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Report Lint could not run {0}: {1}', command, reason));
  }
}

async function pickPart(state: ReportState, document: vscode.TextDocument): Promise<PartId | undefined> {
  const checklist = state.document === document ? state.checklist : undefined;
  const picks = PART_IDS.map((id) => {
    const item = checklist?.items.find((candidate) => candidate.id === id);
    const description = item === undefined ? undefined : item.present ? vscode.l10n.t('present') : vscode.l10n.t('missing');
    return { id, label: partLabel(id), description, detail: item?.label, missing: item?.present === false };
  });
  // Missing parts first: they are what the user most likely came for.
  picks.sort((a, b) => Number(b.missing) - Number(a.missing));
  const pick = await vscode.window.showQuickPick(picks, { placeHolder: vscode.l10n.t('Which required part should be inserted?') });
  return pick?.id;
}
