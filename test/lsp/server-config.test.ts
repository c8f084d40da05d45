/** The bundled server over stdio: settings, locale, .reportlintrc.json, malformed requests, huge documents. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fork } from 'node:child_process';
import {
  ErrorCodes, IPCMessageReader, IPCMessageWriter, createProtocolConnection, type CodeAction, type Diagnostic, type DocumentSymbol, type Hover,
  type InitializeResult, type PublishDiagnosticsParams, type ResponseError, type TextDocumentEdit,
} from 'vscode-languageserver/node';
import { readCorpus } from '../support/golden';
import { GAPPED, REPORT } from './support/samples';
import { PUSH_CAPABILITIES, SERVER, TestClient, applyTextEdits, fileUri } from './support/lsp-client';

function tempDir(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-config-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const text = (diagnostic: Diagnostic | undefined) => (typeof diagnostic?.message === 'string' ? diagnostic.message : diagnostic?.message.value ?? '');

async function rejection(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as ResponseError<unknown>;
  }
  assert.fail('the request should have failed');
}

describe('LSP server: configuration and robustness', () => {
  it('turns a rule off when the reportLint settings change', async () => {
    let rules: Record<string, string> = {};
    const client = new TestClient({ settings: () => ({ rules }) });
    try {
      await client.initialize();
      const uri = fileUri(path.join(tempDir(), 'a.txt'));
      client.open(uri, GAPPED);
      assert.ok((await client.nextDiagnostics(uri, 1)).diagnostics.some((d) => d.code === 'numbering-sequence'));
      rules = { 'numbering-sequence': 'off' };
      const since = client.diagnostics.length;
      client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const after = await client.nextDiagnostics(uri, 1, since);
      assert.ok(!after.diagnostics.some((d) => d.code === 'numbering-sequence'));
    } finally {
      await client.stop();
    }
  });

  it('switches the message language with reportLint.locale, and follows the client’s language on auto', async () => {
    let locale = 'auto';
    const client = new TestClient({ settings: () => ({ locale }) });
    try {
      await client.initialize({ locale: 'en-us' });
      const uri = fileUri(path.join(tempDir(), 'a.txt'));
      client.open(uri, GAPPED);
      const english = (await client.nextDiagnostics(uri, 1)).diagnostics.find((d) => d.code === 'numbering-sequence')!;
      assert.match(text(english), /^Numbering skips: after “（一）” expected “（二）”, found “（三）”/);
      locale = 'zh';
      const since = client.diagnostics.length;
      client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const chinese = (await client.nextDiagnostics(uri, 1, since)).diagnostics.find((d) => d.code === 'numbering-sequence')!;
      assert.match(text(chinese), /^序号不连续：「（一）」之后应为「（二）」，此处为「（三）」/);
    } finally {
      await client.stop();
    }
  });

  it('logs settings of the wrong type and uses the defaults', async () => {
    const client = new TestClient({ settings: () => ({ enable: 'yes', rules: { 'numbering-sequence': 'loud' } }) });
    try {
      await client.initialize();
      const uri = fileUri(path.join(tempDir(), 'a.txt'));
      client.open(uri, GAPPED);
      assert.ok((await client.nextDiagnostics(uri, 1)).diagnostics.some((d) => d.code === 'numbering-sequence'), 'still enabled');
      await client.nextLog(/reportLint\.enable: expected true or false, got "yes"/);
      await client.nextLog(/reportLint\.rules\.numbering-sequence: .*loud/);
    } finally {
      await client.stop();
    }
  });

  it('reports an invalid .reportlintrc.json on the file itself, and re-checks when it is fixed', async () => {
    const bad = '{\n  "rules": {\n    "numbering-sequence": "loud"\n  },\n  "ignore": [{ "rule": "no-such-rule", "text": "x" }]\n}\n';
    const dir = tempDir({ '.reportlintrc.json': bad });
    const config = path.join(dir, '.reportlintrc.json');
    const client = new TestClient();
    try {
      await client.initialize({ workspaceFolders: [dir] });
      const uri = fileUri(path.join(dir, 'a.txt'));
      client.open(uri, GAPPED);
      const problems = await client.nextDiagnostics(fileUri(config));
      assert.deepEqual(
        problems.diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity]),
        [[2, 4, 24, 1], [4, 23, 37, 1]], // the key "numbering-sequence", the value "no-such-rule"
      );
      assert.match(text(problems.diagnostics[0]), /「rules\.numbering-sequence」的级别「"loud"」无效.*\(rules\.numbering-sequence\)/);
      assert.match(text(problems.diagnostics[1]), /未知的规则「no-such-rule」 \(ignore\[0\]\.rule\)/);
      assert.ok((await client.nextDiagnostics(uri, 1)).diagnostics.some((d) => d.code === 'numbering-sequence'), 'the valid rest still applies');

      // The file opened and fixed in the editor (unsaved) applies at once.
      const since = client.diagnostics.length;
      client.open(fileUri(config), '{ "rules": { "numbering-sequence": "off" } }', 'json');
      await client.diagnosticsWhere(fileUri(config), (d) => d.length === 0, since);
      await client.diagnosticsWhere(uri, (d) => !d.some((x) => x.code === 'numbering-sequence'), since);
    } finally {
      await client.stop();
    }
  });

  it('reports nothing with reportLint.enable false, while the outline keeps working', async () => {
    const client = new TestClient({ settings: () => ({ enable: false }) });
    try {
      await client.initialize();
      const uri = fileUri(path.join(tempDir(), 'a.txt'));
      client.open(uri, GAPPED);
      assert.deepEqual((await client.nextDiagnostics(uri, 1)).diagnostics, []);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(symbols.length, 4);
      assert.equal(await client.request('reportLint/checklist', { uri }), null, 'the checklist view shows nothing');
    } finally {
      await client.stop();
    }
  });

  it('computes code action edits at once for clients that cannot resolve them', async () => {
    const capabilities = { ...PUSH_CAPABILITIES, textDocument: { ...PUSH_CAPABILITIES.textDocument, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } } } };
    const client = new TestClient();
    try {
      await client.initialize({ capabilities });
      const uri = fileUri(path.join(tempDir(), 'a.txt'));
      client.open(uri, GAPPED);
      await client.nextDiagnostics(uri, 1);
      const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } });
      assert.equal(fixAll!.kind, 'source.fixAll.reportLint');
      const edits = (fixAll!.edit!.documentChanges![0] as TextDocumentEdit).edits;
      assert.equal(applyTextEdits(GAPPED, edits as never), REPORT);
    } finally {
      await client.stop();
    }
  });

  it('speaks LSP over node IPC too', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
    try {
      const init = await connection.sendRequest<InitializeResult>('initialize', { processId: null, rootUri: null, capabilities: {} });
      assert.equal(init.serverInfo?.name, 'report-lint');
      connection.sendNotification('initialized', {});
      const uri = fileUri(path.join(tempDir(), 'ipc.txt'));
      connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'report', version: 1, text: GAPPED } });
      const { diagnostics } = await published;
      assert.ok(diagnostics.some((d) => d.code === 'numbering-sequence'));
      await connection.sendRequest('shutdown');
      connection.sendNotification('exit');
    } finally {
      connection.dispose();
      if (child.exitCode === null) child.kill();
    }
  });

  it('answers malformed requests with errors and keeps serving', async () => {
    const client = new TestClient();
    try {
      await client.initialize();
      const uri = fileUri(path.join(tempDir(), 'a.txt'));
      client.open(uri, REPORT);
      await client.nextDiagnostics(uri, 1);

      const badParams = await rejection(client.request('textDocument/hover', { textDocument: { uri }, position: { line: -1 } }));
      assert.equal(badParams.code, ErrorCodes.InvalidParams);
      const noDocument = await rejection(client.request('textDocument/documentSymbol', {}));
      assert.equal(noDocument.code, ErrorCodes.InvalidParams);
      const unopened = await rejection(client.request('textDocument/documentSymbol', { textDocument: { uri: 'file:///nowhere/unopened.txt' } }));
      assert.equal(unopened.code, ErrorCodes.InvalidParams);
      assert.match(unopened.message, /not open/);
      const unknownMethod = await rejection(client.request('reportLint/noSuchRequest', {}));
      assert.equal(unknownMethod.code, ErrorCodes.MethodNotFound);
      const unknownCommand = await rejection(client.request('workspace/executeCommand', { command: 'reportLint.noSuchCommand', arguments: [] }));
      assert.equal(unknownCommand.code, ErrorCodes.InvalidParams);
      const badCommand = await rejection(client.request('workspace/executeCommand', { command: 'reportLint.insertSection', arguments: [uri, 'appendix'] }));
      assert.equal(badCommand.code, ErrorCodes.InvalidParams);
      const badRule = await rejection(client.request('workspace/executeCommand', { command: 'reportLint.disableRule', arguments: [{ uri, ruleId: 'nope', scope: 'workspace' }] }));
      assert.equal(badRule.code, ErrorCodes.InvalidParams);
      const badChecklist = await rejection(client.request('reportLint/checklist', { uri: 42 }));
      assert.equal(badChecklist.code, ErrorCodes.InvalidParams);
      // A notification with nonsense must not take the server down either.
      client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///nowhere/x.txt', version: 2 }, contentChanges: [{ text: 'x' }] });
      client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: 'nonsense' });

      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.equal(symbols.length, 4, 'still answering');
      assert.equal(client.child.exitCode, null);
    } finally {
      await client.stop();
    }
  });

  it('analyses a huge document off the main thread: other documents are answered meanwhile', async function () {
    this.timeout(60_000);
    const client = new TestClient();
    try {
      await client.initialize();
      const dir = tempDir();
      const small = fileUri(path.join(dir, 'small.txt'));
      client.open(small, REPORT);
      await client.nextDiagnostics(small, 1);

      let huge = '';
      while (huge.length < 1_000_000) huge += readCorpus('lianjiang-2020.txt') + '\n';
      huge += GAPPED;
      const big = fileUri(path.join(dir, 'huge.txt'));
      const order: string[] = [];
      const since = client.diagnostics.length;
      client.open(big, huge);
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: small }, position: { line: 3, character: 1 } });
      order.push('small hover');
      assert.ok(hover);
      // A new version while the first is still being analysed: the old analysis is dropped, never published.
      client.change(big, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '　' }]);
      const published = await client.nextDiagnostics(big, 2, since).then((p) => (order.push('huge diagnostics'), p));
      assert.deepEqual(order, ['small hover', 'huge diagnostics']);
      assert.deepEqual(client.diagnostics.slice(since).filter((p) => p.uri === big).map((p) => p.version), [2]);
      assert.ok(published.diagnostics.some((d) => d.code === 'numbering-sequence'), 'the worker’s findings arrive');
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: big } });
      assert.ok(symbols.length > 20, 'the outline comes back from the worker too');
    } finally {
      await client.stop();
    }
  });
});
