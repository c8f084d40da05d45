/**
 * The reviewer commands in a real VS Code: "Open Word Draft as Report" and "Check All Reports in
 * Workspace". Every wait is on VS Code's own events (diagnostics changed), never a fixed sleep.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { REPORT_BLOCKS, buildDocx } from '../../support/docx';

const EXTENSION_ID = 'report-lint.report-lint';
const TIMEOUT = 45_000;

function folder(): string {
  const first = vscode.workspace.workspaceFolders?.[0];
  assert.ok(first, 'the tests run with a workspace folder open');
  return first.uri.fsPath;
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code));
const fromRule = (rule: string) => (d: readonly vscode.Diagnostic[]) => d.some((x) => codeOf(x) === rule);

/** Resolves with the diagnostics of a URI once `accept` holds, checking on every change. */
function diagnosticsWhen(uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean, what: string): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!accept(current)) return;
      cleanup();
      resolve(current);
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const codes = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line + 1}:${codeOf(d)}`);
      reject(new Error(`timed out waiting for ${what} on ${uri.toString()}; diagnostics now: ${codes.join(', ') || 'none'}`));
    }, TIMEOUT);
    const cleanup = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

/** Each finding once: the workspace check must step aside while the server reports an open file. */
const noDuplicates = (d: readonly vscode.Diagnostic[]) => new Set(d.map((x) => `${x.range.start.line}:${x.range.start.character}:${codeOf(x)}:${x.message}`)).size === d.length;

describe('reviewer commands in VS Code', function () {
  this.timeout(TIMEOUT * 3);
  let docx: vscode.Uri;

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const file = path.join(folder(), '某县2023年法治政府建设年度报告.docx');
    fs.writeFileSync(file, await buildDocx(REPORT_BLOCKS));
    docx = vscode.Uri.file(file);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens a Word draft as a read-only report with its findings, and offers no fixes for it', async () => {
    await vscode.commands.executeCommand('reportLint.openWordDraft', docx);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is open');
    const document = editor.document;
    assert.equal(document.uri.scheme, 'report-docx');
    assert.equal(document.languageId, 'report');
    assert.match(document.getText(), /^一、2023年推进法治政府建设的主要举措和成效$/m, 'automatic numbering is written out');
    const diagnostics = await diagnosticsWhen(document.uri, fromRule('rate-mismatch'), 'rate-mismatch on the Word draft');
    const rate = diagnostics.find((d) => codeOf(d) === 'rate-mismatch')!;
    assert.equal(rate.range.start.line, 5);
    assert.equal(rate.severity, vscode.DiagnosticSeverity.Error);

    // Fixes are made in Word: none is offered on the draft, whose text is only a view of the .docx.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, rate.range);
    assert.deepEqual(actions.filter((a) => a.edit || a.command?.command?.startsWith('reportLint')), []);
  });

  it('checks every report in the workspace, including files not open and Word drafts', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const tally = await vscode.commands.executeCommand<{ reports: number; errors: number; warnings: number; unreadable: number }>('reportLint.checkWorkspace');
    assert.ok(tally, 'the command reports what it checked');
    assert.ok(tally.reports >= 7, `reports checked: ${JSON.stringify(tally)}`);
    assert.ok(tally.errors >= 1, 'the Word draft’s rate error is counted');

    // Never opened in these tests: its findings come from the workspace check.
    const liyang = vscode.Uri.file(path.join(folder(), 'liyang-2022.report.txt'));
    await diagnosticsWhen(liyang, fromRule('page-residue'), 'page-residue on a report that is not open');
    await diagnosticsWhen(docx.with({ scheme: 'report-docx' }), fromRule('rate-mismatch'), 'rate-mismatch on the closed Word draft');
    assert.deepEqual(vscode.languages.getDiagnostics(vscode.Uri.file(path.join(folder(), 'shopping-list.txt'))), [], 'a note is not a report');

    // Opened, the file is the server's: its findings are listed once, not twice.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(liyang));
    await diagnosticsWhen(liyang, (d) => fromRule('page-residue')(d) && noDuplicates(d), 'the open report’s findings, each once');
  });

  it('keeps the findings of files not open current as they are created, changed and deleted on disk', async () => {
    const file = path.join(folder(), 'new.report.txt');
    const uri = vscode.Uri.file(file);
    fs.writeFileSync(file, '某县2023年法治政府建设年度报告\n一、主要举措\n（一）强化领导\n（三）健全制度\n');
    await diagnosticsWhen(uri, fromRule('numbering-sequence'), 'the new file’s numbering gap');
    fs.writeFileSync(file, '某县2023年法治政府建设年度报告\n一、主要举措\n（一）强化领导\n（二）健全制度\n');
    await diagnosticsWhen(uri, (d) => !fromRule('numbering-sequence')(d), 'the gap to go once fixed on disk');
    fs.rmSync(file);
    await diagnosticsWhen(uri, (d) => d.length === 0, 'nothing left for a deleted file');
  });
});
