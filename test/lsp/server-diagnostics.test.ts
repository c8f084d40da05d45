/** The bundled server over stdio: push and pull diagnostics, versions, close, auto-detection. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, DocumentDiagnosticReport, InitializeResult } from 'vscode-languageserver/node';
import { lintText } from '../../server/src/engine/lint';
import { readCorpus } from '../support/golden';
import { GAPPED, REPORT } from './support/samples';
import { PULL_CAPABILITIES, TestClient, fileUri } from './support/lsp-client';

const SEVERITY = { error: 1, warning: 2, info: 3, hint: 4 } as const;

/** What the engine reports for a text, in the shape the diagnostics must have. */
function expected(text: string, locale: 'zh' | 'en' = 'zh') {
  return lintText(text, { locale }).messages.map((m) => ({
    range: { start: { line: m.line - 1, character: m.column - 1 }, end: { line: m.endLine - 1, character: m.endColumn - 1 } },
    code: m.ruleId,
    severity: SEVERITY[m.severity],
    message: m.message,
  }));
}

const shape = (diagnostics: Diagnostic[]) => diagnostics.map(({ range, code, severity, message }) => ({ range, code, severity, message }));

// Reports live in a fresh folder so that no .reportlintrc.json above them changes the result.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-lsp-'));
const uriOf = (name: string) => fileUri(path.join(dir, name));

describe('LSP server: diagnostics', () => {
  describe('push model', () => {
    let client: TestClient;
    let init: InitializeResult;
    before(async () => {
      client = new TestClient();
      init = await client.initialize();
    });
    after(() => client.stop());

    it('announces its capabilities', () => {
      const caps = init.capabilities;
      assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
      assert.ok(caps.documentSymbolProvider && caps.foldingRangeProvider && caps.hoverProvider);
      assert.deepEqual(caps.completionProvider?.triggerCharacters, ['（', '(']);
      assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.reportLint'], resolveProvider: true });
      assert.deepEqual(caps.executeCommandProvider?.commands.sort(), ['reportLint.disableRule', 'reportLint.ignoreFinding', 'reportLint.insertSection', 'reportLint.renumber']);
      assert.equal(caps.diagnosticProvider, undefined, 'a push client gets no pull diagnostics');
      assert.equal(init.serverInfo?.name, 'report-lint');
    });

    it('publishes the engine’s findings for a corpus report on open', async () => {
      const text = readCorpus('lianjiang-2020.txt');
      const uri = uriOf('lianjiang-2020.txt');
      client.open(uri, text);
      const published = await client.nextDiagnostics(uri, 1);
      assert.ok(published.diagnostics.length > 0, 'the corpus report has findings');
      assert.deepEqual(shape(published.diagnostics), expected(text));
    });

    it('gives each diagnostic its rule id, a link to the rule page, related places and the data for fixes', async () => {
      const uri = uriOf('gapped.txt');
      client.open(uri, GAPPED);
      const { diagnostics } = await client.nextDiagnostics(uri, 1);
      const gap = diagnostics.find((d) => d.code === 'numbering-sequence')!;
      assert.ok(gap, 'the gap is reported');
      assert.equal(gap.source, 'report-lint');
      assert.deepEqual(gap.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 3 } });
      const doc = fileURLToPath(gap.codeDescription!.href);
      assert.ok(doc.endsWith(path.join('docs', 'rules', 'numbering-sequence.md')), doc);
      assert.ok(fs.existsSync(doc), 'the linked page exists next to the bundle');
      assert.deepEqual(gap.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]), [[uri, 3]]);
      const data = gap.data as { ruleId: string; messageId: string; version: number; fix: { edits: Array<{ text: string }> } };
      assert.deepEqual([data.ruleId, data.messageId, data.version], ['numbering-sequence', 'gap', 1]);
      assert.deepEqual(data.fix.edits.map((e) => e.text), ['（二）']);
      client.close(uri);
    });

    it('counts lines the editor’s way in CRLF documents', async () => {
      const uri = uriOf('crlf.txt');
      const text = GAPPED.replace(/\n/g, '\r\n');
      client.open(uri, text);
      const gap = (await client.nextDiagnostics(uri, 1)).diagnostics.find((d) => d.code === 'numbering-sequence')!;
      assert.deepEqual(gap.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 3 } });
      const related = gap.relatedInformation![0]!.location.range;
      assert.deepEqual(related, { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } });
      client.close(uri);
    });

    it('re-checks after an incremental change, and publishes only the latest version', async () => {
      const uri = uriOf('edited.txt');
      client.open(uri, REPORT);
      assert.deepEqual((await client.nextDiagnostics(uri, 1)).diagnostics.filter((d) => d.code === 'numbering-sequence'), []);
      const since = client.diagnostics.length;
      // Line 5 is 「（二）深化政务公开」: turn （二） into （三）, then type several more changes without waiting.
      client.change(uri, 2, [{ range: { start: { line: 5, character: 1 }, end: { line: 5, character: 2 } }, text: '三' }]);
      for (let v = 3; v <= 6; v++) client.change(uri, v, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: v % 2 ? '　' : '' }]);
      const last = await client.nextDiagnostics(uri, 6, since);
      assert.deepEqual(shape(last.diagnostics), expected(GAPPED));
      const versions = client.diagnostics.slice(since).filter((p) => p.uri === uri).map((p) => p.version!);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'never an older version after a newer one');
      assert.ok(versions.every((v) => v >= 2));
    });

    it('clears diagnostics when a document closes', async () => {
      const uri = uriOf('closing.txt');
      client.open(uri, GAPPED);
      assert.ok((await client.nextDiagnostics(uri, 1)).diagnostics.length > 0);
      const since = client.diagnostics.length;
      client.close(uri);
      const cleared = await client.nextDiagnostics(uri, undefined, since);
      assert.deepEqual(cleared.diagnostics, []);
    });

    it('checks plain text and Markdown only when they look like a report', async () => {
      const report = uriOf('draft.txt');
      const note = uriOf('note.txt');
      const markdown = uriOf('draft.md');
      client.open(report, GAPPED, 'plaintext');
      client.open(note, '一、买菜\n三、做饭\n', 'plaintext');
      client.open(markdown, `# ${GAPPED}`, 'markdown');
      assert.ok((await client.nextDiagnostics(report, 1)).diagnostics.some((d) => d.code === 'numbering-sequence'));
      assert.deepEqual((await client.nextDiagnostics(note, 1)).diagnostics, []);
      assert.ok((await client.nextDiagnostics(markdown, 1)).diagnostics.some((d) => d.code === 'numbering-sequence'));
    });

    it('leaves plain text alone when reportLint.autoDetect is false', async () => {
      const quiet = new TestClient({ settings: () => ({ autoDetect: false }) });
      try {
        await quiet.initialize();
        const uri = uriOf('not-detected.txt');
        quiet.open(uri, GAPPED, 'plaintext');
        assert.deepEqual((await quiet.nextDiagnostics(uri, 1)).diagnostics, []);
        const report = uriOf('always.txt');
        quiet.open(report, GAPPED, 'report');
        assert.ok((await quiet.nextDiagnostics(report, 1)).diagnostics.length > 0, 'the report language is always checked');
      } finally {
        await quiet.stop();
      }
    });
  });

  describe('pull model', () => {
    let client: TestClient;
    let init: InitializeResult;
    before(async () => {
      client = new TestClient();
      init = await client.initialize({ capabilities: PULL_CAPABILITIES });
    });
    after(() => client.stop());

    it('registers a diagnostic provider instead of pushing', () => {
      assert.deepEqual(init.capabilities.diagnosticProvider, { identifier: 'report-lint', interFileDependencies: false, workspaceDiagnostics: false });
    });

    it('answers textDocument/diagnostic with full and unchanged reports, and never pushes', async () => {
      const uri = uriOf('pulled.txt');
      client.open(uri, GAPPED);
      const first = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
      assert.equal(first.kind, 'full');
      assert.deepEqual(shape(first.kind === 'full' ? first.items : []), expected(GAPPED));
      const again = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
      assert.deepEqual(again, { kind: 'unchanged', resultId: first.resultId });

      client.change(uri, 2, [{ range: { start: { line: 5, character: 1 }, end: { line: 5, character: 2 } }, text: '二' }]);
      const fixed = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
      assert.equal(fixed.kind, 'full');
      assert.deepEqual(shape(fixed.kind === 'full' ? fixed.items : []), expected(REPORT));
      assert.notEqual(fixed.resultId, first.resultId);
      assert.deepEqual(client.diagnostics.filter((p) => p.uri === uri), []);
    });

    it('asks the client to pull again when the configuration changes', async () => {
      const refreshed = client.nextRefresh();
      client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await refreshed;
      assert.ok(client.refreshes >= 1);
    });
  });
});
