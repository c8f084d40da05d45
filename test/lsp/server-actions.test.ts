/** The bundled server over stdio: quick fixes, fix all, disable/ignore actions and the commands. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ApplyWorkspaceEditParams, CodeAction, Diagnostic, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver/node';
import { applyEdits } from '../../server/src/engine/fix';
import { lintText } from '../../server/src/engine/lint';
import { GAPPED, PARTIAL, REPORT } from './support/samples';
import { TestClient, applyTextEdits, fileUri } from './support/lsp-client';

function tempDir(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-actions-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/** The text edits of a workspace edit for one URI. */
function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextDocumentEdit['edits'] {
  const changes = (edit?.documentChanges ?? []).filter((c): c is TextDocumentEdit => 'textDocument' in c && c.textDocument.uri === uri);
  return changes.flatMap((c) => c.edits);
}

const newTexts = (edits: TextDocumentEdit['edits']) => edits.map((e) => ('newText' in e ? e.newText : ''));

describe('LSP server: code actions and commands', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = tempDir();
    client = new TestClient();
    await client.initialize({ workspaceFolders: [dir] });
  });
  after(() => client.stop());

  async function openWithGap(name: string, text = GAPPED, languageId = 'report'): Promise<{ uri: string; gap: Diagnostic }> {
    const uri = fileUri(path.join(dir, name));
    client.open(uri, text, languageId);
    const { diagnostics } = await client.nextDiagnostics(uri, 1);
    const gap = diagnostics.find((d) => d.code === 'numbering-sequence');
    assert.ok(gap, 'the gap is reported');
    return { uri, gap };
  }

  const actionsAt = (uri: string, diagnostic: Diagnostic, only?: string[]) =>
    client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], ...(only ? { only } : {}) } });

  it('offers the fix carried in the diagnostic as a quick fix', async () => {
    const { uri, gap } = await openWithGap('quickfix.txt');
    const actions = await actionsAt(uri, gap);
    const fix = actions.find((a) => a.kind === 'quickfix' && a.edit)!;
    assert.equal(fix.title, '重新编排本组序号（（一）—（二））');
    assert.equal(fix.isPreferred, true);
    const change = fix.edit!.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: 1 }, 'versioned: a stale fix is refused by the client');
    assert.equal(applyTextEdits(GAPPED, change.edits as never), REPORT);
  });

  it('does not offer a fix computed for an older version', async () => {
    const { uri, gap } = await openWithGap('stale.txt');
    const since = client.diagnostics.length;
    client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '　' }]);
    await client.nextDiagnostics(uri, 2, since);
    const actions = await actionsAt(uri, gap);
    assert.ok(!actions.some((a) => a.edit && a.kind === 'quickfix' && a.title.startsWith('重新编排')));
  });

  it('resolves a fix too large to travel in its diagnostic from the document', async () => {
    // A run of 25 items that starts at 2: renumbering it edits every marker.
    const lines = ['某县2023年法治政府建设年度报告', '一、主要举措和成效', ...Array.from({ length: 25 }, (_, i) => `${i + 2}、第${i + 1}项工作`), ''];
    const text = lines.join('\n');
    const uri = fileUri(path.join(dir, 'long-run.txt'));
    client.open(uri, text);
    const { diagnostics } = await client.nextDiagnostics(uri, 1);
    const start = diagnostics.find((d) => d.code === 'numbering-sequence')!;
    assert.ok(start, 'the run is reported');
    const data = start.data as { fix?: unknown; largeFix?: string };
    assert.equal(data.fix, undefined, 'the 25 edits are not repeated in the diagnostic');
    assert.match(data.largeFix!, /重新编排本组序号/);
    const [action] = (await actionsAt(uri, start)).filter((a) => a.title === data.largeFix);
    assert.equal(action!.edit, undefined);
    const resolved = await client.request<CodeAction>('codeAction/resolve', action);
    const fixed = applyTextEdits(text, editsFor(resolved.edit, uri) as never);
    assert.deepEqual(fixed.split('\n').slice(2, 5), ['1、第1项工作', '2、第2项工作', '3、第3项工作']);
    assert.ok(fixed.includes('\n25、第25项工作\n'));
  });

  it('fixes everything with source.fixAll.reportLint, resolved lazily', async () => {
    const text = GAPPED.replace('2、加强信用监管', '3、加强信用监管');
    const { uri, gap } = await openWithGap('fixall.txt', text);
    const actions = await actionsAt(uri, gap, ['source.fixAll']);
    assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.reportLint']);
    assert.equal(actions[0]!.edit, undefined, 'the edit is computed on resolve');
    const resolved = await client.request<CodeAction>('codeAction/resolve', actions[0]);
    const fixed = applyTextEdits(text, editsFor(resolved.edit, uri) as never);
    assert.equal(fixed, REPORT);
    assert.deepEqual(lintText(fixed).messages.filter((m) => m.fix), [], 'nothing fixable is left');
  });

  it('offers nothing for fix all when nothing is fixable', async () => {
    const uri = fileUri(path.join(dir, 'clean.txt'));
    client.open(uri, REPORT);
    await client.nextDiagnostics(uri, 1);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(actions, []);
  });

  it('records "ignore this finding" in .reportlintrc.json by its text, and the finding goes away', async () => {
    const { uri, gap } = await openWithGap('ignored.txt');
    const actions = await actionsAt(uri, gap);
    const ignore = actions.find((a) => a.command?.command === 'reportLint.ignoreFinding')!;
    assert.equal(ignore.title, '忽略此处的「numbering-sequence」问题（记入 .reportlintrc.json）');
    const config = path.join(dir, '.reportlintrc.json');
    // Play the editor: write the file the edit creates, then report the change.
    client.onApplyEdit = (params) => {
      fs.writeFileSync(config, newTexts(editsFor(params.edit, fileUri(config))).join(''));
      return { applied: true };
    };
    const result = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: ignore.command!.command, arguments: ignore.command!.arguments });
    assert.deepEqual(result, { applied: true });
    const edit = client.applied[client.applied.length - 1]!.edit;
    assert.deepEqual(edit.documentChanges![0], { kind: 'create', uri: fileUri(config), options: { ignoreIfExists: true } });
    const written = JSON.parse(fs.readFileSync(config, 'utf8'));
    assert.equal(written.ignore.length, 1);
    const entry = written.ignore[0];
    assert.deepEqual([entry.rule, entry.file], ['numbering-sequence', 'ignored.txt']);
    assert.ok(entry.text.includes('（三）') && GAPPED.indexOf(entry.text) === GAPPED.lastIndexOf(entry.text), 'the flagged marker with unique context');
    assert.equal(fs.readFileSync(config, 'utf8'), JSON.stringify(written, null, 2) + '\n', 'pretty-printed');

    const since = client.diagnostics.length;
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(config), type: 1 }] });
    const after = await client.diagnosticsWhere(uri, (d) => !d.some((x) => x.code === 'numbering-sequence'), since);
    assert.ok(after);

    // The entry matches by text: an edit elsewhere keeps it working; another file with the same gap is still reported.
    client.change(uri, 2, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '第二稿。' }]);
    assert.ok(!(await client.nextDiagnostics(uri, 2, since)).diagnostics.some((d) => d.code === 'numbering-sequence'));
    const other = fileUri(path.join(dir, 'other.txt'));
    client.open(other, GAPPED);
    assert.ok((await client.nextDiagnostics(other, 1)).diagnostics.some((d) => d.code === 'numbering-sequence'));
    fs.rmSync(config);
    client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(config), type: 3 }] });
  });

  it('disables a rule for one plain-text document with an override, and for the workspace', async () => {
    const own = tempDir({ '.reportlintrc.json': '{\n    "locale": "zh"\n}\n' });
    const local = new TestClient();
    try {
      await local.initialize({ workspaceFolders: [own] });
      const uri = fileUri(path.join(own, 'plain.txt'));
      local.open(uri, GAPPED);
      const gap = (await local.nextDiagnostics(uri, 1)).diagnostics.find((d) => d.code === 'numbering-sequence')!;
      const actions = await local.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: gap.range, context: { diagnostics: [gap] } });
      const byTitle = (title: string) => actions.find((a) => a.title === title)!.command!;
      const config = fileUri(path.join(own, '.reportlintrc.json'));

      const forDocument = byTitle('在本文档中停用规则「numbering-sequence」');
      await local.request('workspace/executeCommand', { command: forDocument.command, arguments: forDocument.arguments });
      const docEdit = local.applied[0]!.edit;
      const [replace] = editsFor(docEdit, config);
      assert.deepEqual((docEdit.documentChanges![0] as TextDocumentEdit).textDocument, { uri: config, version: null });
      assert.deepEqual(replace!.range, { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } }, 'the whole existing file');
      assert.equal(
        'newText' in replace! ? replace.newText : '',
        '{\n    "locale": "zh",\n    "overrides": [\n        {\n            "files": [\n                "plain.txt"\n            ],\n            "rules": {\n                "numbering-sequence": "off"\n            }\n        }\n    ]\n}\n',
        'keeps the file’s four-space indentation',
      );

      const forWorkspace = byTitle('在工作区停用规则「numbering-sequence」');
      await local.request('workspace/executeCommand', { command: forWorkspace.command, arguments: forWorkspace.arguments });
      const wsEdit = local.applied[1]!.edit;
      assert.deepEqual(JSON.parse(newTexts(editsFor(wsEdit, config)).join('')), { locale: 'zh', rules: { 'numbering-sequence': 'off' } });
    } finally {
      await local.stop();
    }
  });

  it('disables a rule for a Markdown document with a comment at the top', async () => {
    const markdown = `---\ntitle: 草稿\n---\n${GAPPED}`;
    const { uri, gap } = await openWithGap('draft.md', markdown, 'markdown');
    const actions = await actionsAt(uri, gap);
    const disable = actions.find((a) => a.title === '在本文档中停用规则「numbering-sequence」')!;
    const edited = applyTextEdits(markdown, editsFor(disable.edit, uri) as never);
    assert.ok(edited.startsWith('---\ntitle: 草稿\n---\n<!-- report-lint-disable numbering-sequence -->\n'), edited.slice(0, 80));
    const since = client.diagnostics.length;
    client.change(uri, 2, [{ text: edited }]);
    assert.ok(!(await client.nextDiagnostics(uri, 2, since)).diagnostics.some((d) => d.code === 'numbering-sequence'));
  });

  it('renumbers a document through reportLint.renumber', async () => {
    const text = GAPPED.replace('2、加强信用监管', '3、加强信用监管');
    const { uri } = await openWithGap('renumber.txt', text);
    const count = client.applied.length;
    client.onApplyEdit = () => ({ applied: true });
    const result = await client.request<{ applied: boolean; fixes: number }>('workspace/executeCommand', { command: 'reportLint.renumber', arguments: [uri] });
    assert.deepEqual(result, { applied: true, fixes: 2 });
    const params: ApplyWorkspaceEditParams = client.applied[count]!;
    assert.equal(applyTextEdits(text, editsFor(params.edit, uri) as never), REPORT);
  });

  it('renumbers only inside the selection', async () => {
    const text = GAPPED.replace('2、加强信用监管', '3、加强信用监管');
    const { uri } = await openWithGap('renumber-range.txt', text);
    const count = client.applied.length;
    const lines = text.split('\n');
    const line = lines.indexOf('3、加强信用监管');
    const range = { start: { line, character: 0 }, end: { line, character: 2 } };
    await client.request('workspace/executeCommand', { command: 'reportLint.renumber', arguments: [uri, range] });
    const fixed = applyTextEdits(text, editsFor(client.applied[count]!.edit, uri) as never);
    assert.equal(fixed, GAPPED, 'the （三） outside the selection stays');
  });

  it('inserts a missing part through reportLint.insertSection', async () => {
    const uri = fileUri(path.join(dir, 'insert.txt'));
    client.open(uri, PARTIAL);
    await client.nextDiagnostics(uri, 1);
    const count = client.applied.length;
    const result = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: 'reportLint.insertSection', arguments: [uri, 'plans'] });
    assert.deepEqual(result, { applied: true });
    const inserted = applyTextEdits(PARTIAL, editsFor(client.applied[count]!.edit, uri) as never);
    assert.match(inserted, /\n二、2024年推进法治政府建设的主要安排\n（待补充：2024年推进法治政府建设的主要安排。）/);
    // Where the required-section rule has a fix for the part, the command applies exactly that fix.
    const ruleFix = lintText(PARTIAL).messages.find((m) => m.ruleId === 'required-section' && m.messageId === 'missingShortcomings')?.fix;
    assert.ok(ruleFix, 'required-section offers a fix for the first missing part');
    const before = client.applied.length;
    await client.request('workspace/executeCommand', { command: 'reportLint.insertSection', arguments: [uri, 'shortcomings'] });
    assert.equal(applyTextEdits(PARTIAL, editsFor(client.applied[before]!.edit, uri) as never), applyEdits(PARTIAL, ruleFix.edits));
    const present = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: 'reportLint.insertSection', arguments: [uri, 'measures'] });
    assert.deepEqual(present, { applied: false }, 'a part that is there is not inserted again');
  });
});
