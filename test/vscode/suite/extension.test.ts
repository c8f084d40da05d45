/**
 * The extension in a real VS Code: every test waits on VS Code's own events (diagnostics changed,
 * document changed), never on fixed sleeps.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as vscode from 'vscode';

const EXTENSION_ID = 'report-lint.report-lint';
const TIMEOUT = 45_000;

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with a workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

/** Resolves with the document's diagnostics once `accept` holds, checking on every change event. */
function diagnosticsWhen(uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const current = vscode.languages.getDiagnostics(uri);
      if (!accept(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const codes = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line + 1}:${codeOf(d)}`);
      reject(new Error(`timed out waiting for ${what} on ${uri.path}; diagnostics now: ${codes.join(', ') || 'none'}`));
    }, TIMEOUT);
    const cleanup = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

const fromRule = (rule: string) => (d: readonly vscode.Diagnostic[]) => d.some((x) => codeOf(x) === rule);

/** Resolves when the document's text satisfies `accept`, checking on every change. */
function textWhen(document: vscode.TextDocument, accept: (text: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    if (accept(document.getText())) return resolve(document.getText());
    const subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === document && accept(document.getText())) {
        subscription.dispose();
        clearTimeout(timer);
        resolve(document.getText());
      }
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`timed out waiting for the text of ${document.uri.path}; it is now:\n${document.getText()}`));
    }, TIMEOUT);
  });
}

describe('report-lint in VS Code', function () {
  this.timeout(TIMEOUT * 2);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('activates for a report file and starts the language server', async () => {
    const editor = await open('luopu-2022.report.txt');
    assert.equal(editor.document.languageId, 'report');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    const api = (await extension.activate()) as { client: { isRunning(): boolean }; activationMs: number };
    assert.ok(extension.isActive);
    assert.ok(api.activationMs > 0 && api.activationMs < TIMEOUT, `activation took ${api.activationMs} ms`);
    // npm run bench reads the figure from here.
    if (process.env.REPORT_LINT_ACTIVATION_FILE) fs.writeFileSync(process.env.REPORT_LINT_ACTIVATION_FILE, JSON.stringify({ activationMs: api.activationMs }));
    await diagnosticsWhen(editor.document.uri, fromRule('report-title'), 'report-title');
    assert.ok(api.client.isRunning(), 'the language client is running');
  });

  it('shows the expected diagnostics on a corpus report', async () => {
    const editor = await open('lianjiang-2020.report.txt');
    const diagnostics = await diagnosticsWhen(editor.document.uri, (d) => fromRule('duplicate-paragraph')(d) && fromRule('page-residue')(d), 'duplicate-paragraph and page-residue');
    const at = (rule: string) => diagnostics.filter((d) => codeOf(d) === rule).map((d) => d.range.start.line + 1);
    assert.ok(at('duplicate-paragraph').includes(75), `duplicate-paragraph at ${at('duplicate-paragraph')}`);
    assert.ok(at('page-residue').includes(180), `page-residue at ${at('page-residue')}`);
    assert.ok(at('numbering-style').includes(6), `numbering-style at ${at('numbering-style')}`);
    assert.ok(at('sum-mismatch').includes(33), `sum-mismatch at ${at('sum-mismatch')}`);
    const residue = diagnostics.find((d) => codeOf(d) === 'page-residue')!;
    assert.equal(residue.source, 'report-lint');
    assert.match(residue.message, /[\u4e00-\u9fff]/, 'messages are in Chinese by default');
    assert.ok(typeof residue.code === 'object' && residue.code.target.path.endsWith('page-residue.md'), 'the code links to the rule page');
  });

  it('applies a quick fix through the code action provider', async () => {
    const editor = await open('gap.report.txt');
    const [gap] = (await diagnosticsWhen(editor.document.uri, fromRule('numbering-sequence'), 'numbering-sequence')).filter((d) => codeOf(d) === 'numbering-sequence');
    // Resolve every action, so edits a provider fills in lazily are present.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, gap!.range, vscode.CodeActionKind.QuickFix.value, 100);
    const fix = actions.find((a) => a.isPreferred && a.edit);
    assert.ok(fix, `a quick fix is offered; actions: ${JSON.stringify(actions.map((a) => ({ title: a.title, edit: !!a.edit, preferred: a.isPreferred, diagnostics: a.diagnostics?.length })))}`);
    assert.match(fix.title, /Renumber|重新编排/);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    const text = await textWhen(editor.document, (t) => t.includes('（二）健全制度'));
    assert.equal(text, '某县2023年法治政府建设年度报告\n一、主要举措\n（一）强化领导\n（二）健全制度\n');
    await diagnosticsWhen(editor.document.uri, (d) => !fromRule('numbering-sequence')(d), 'the numbering finding to go');
  });

  it('gives the report outline as document symbols', async () => {
    const editor = await open('lianjiang-2020.report.txt');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    assert.deepEqual(symbols.map((s) => s.name.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、']);
    const first = symbols[0]!;
    assert.equal(first.children.filter((c) => /^[(（]/.test(c.name)).length, 7, 'the first section holds （一）–（七）');
    assert.equal(first.range.start.line, 1);
  });

  it('inserts the report skeleton from a snippet', async () => {
    const editor = await open('empty.report.txt');
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'report', name: '报告全文框架 · Report skeleton' });
    const text = await textWhen(editor.document, (t) => t.length > 0);
    assert.match(text, /法治政府建设年度报告/);
    for (const heading of ['主要举措和成效', '不足', '第一责任人', '安排']) assert.ok(text.includes(heading), `skeleton has ${heading}`);
    await vscode.commands.executeCommand('undo');
  });

  it('turns a rule off when the settings change', async () => {
    const editor = await open('gap.report.txt');
    const config = vscode.workspace.getConfiguration('reportLint');
    const edit = new vscode.WorkspaceEdit();
    const lastLine = editor.document.lineAt(editor.document.lineCount - 1);
    edit.insert(editor.document.uri, lastLine.range.end, '（五）加强监督\n');
    await vscode.workspace.applyEdit(edit);
    await diagnosticsWhen(editor.document.uri, fromRule('numbering-sequence'), 'numbering-sequence before the change');
    try {
      await config.update('rules', { 'numbering-sequence': 'off' }, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhen(editor.document.uri, (d) => !fromRule('numbering-sequence')(d), 'numbering-sequence to be turned off');
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsWhen(editor.document.uri, fromRule('numbering-sequence'), 'numbering-sequence back on');
  });

  it('detects and checks a report saved as a plain .txt file, and leaves other text alone', async () => {
    const editor = await open('连江县2020年法治政府建设年度报告.txt');
    assert.equal(editor.document.languageId, 'plaintext');
    await diagnosticsWhen(editor.document.uri, fromRule('duplicate-paragraph'), 'duplicate-paragraph on the plain .txt report');
    const note = await open('shopping-list.txt');
    // The report above proves the server answers plain text; the note must stay without findings
    // once the server has seen it (it publishes an empty set for documents it does not check).
    await diagnosticsWhen(note.document.uri, (d) => d.length === 0, 'no findings on a note');
    assert.deepEqual(vscode.languages.getDiagnostics(note.document.uri), []);
  });
});
