/**
 * Failures stay where they happen: a rule that throws costs its own findings only and is reported
 * once per document; a document closed in the middle of its analysis, or a request cancelled
 * while it waits, leaves no stale diagnostics behind.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { CancellationTokenSource, ErrorCodes, LSPErrorCodes, type Diagnostic, type DocumentDiagnosticReport, type DocumentSymbol, type ResponseError } from 'vscode-languageserver/node';
import { lintText } from '../../server/src/engine/lint';
import type { Rule } from '../../server/src/engine/rule';
import { analyze, type AnalyzeJob } from '../../server/src/lsp/analysis';
import { Checker, type CheckerHost, type Snapshot } from '../../server/src/lsp/checker';
import type { Runner } from '../../server/src/lsp/runner';
import { RULES } from '../../server/src/rules';
import { GAPPED, REPORT } from '../lsp/support/samples';
import { PULL_CAPABILITIES, TestClient, fileUri } from '../lsp/support/lsp-client';
import { concatenated, tempDir } from './support/inputs';

/** A rule with a bug: it throws on every document. Only code can add it to a run. */
const broken: Rule = {
  meta: { id: 'broken-rule', description: { zh: '出错的规则', en: 'A rule that fails' }, defaultSeverity: 'warning', fixable: false, messages: {} },
  check() {
    throw new TypeError("Cannot read properties of undefined (reading 'marker')");
  },
};

const job = (uri: string, version: number, text: string): AnalyzeJob => ({
  kind: 'analyze', uri, version, generation: 0, text, format: 'text', locale: 'en', config: { rules: {} },
  lint: true, docsDir: '/docs', eagerFacts: false, maxDiagnostics: 1000,
});

describe('failure isolation', () => {
  describe('a rule that throws', () => {
    it('is one failure naming the rule, and every other rule still reports (lintText)', () => {
      const { messages, failures } = lintText(GAPPED, { locale: 'en', rules: [broken, ...RULES] });
      assert.deepEqual(failures, [{ ruleId: 'broken-rule', message: "Rule “broken-rule” failed: Cannot read properties of undefined (reading 'marker')" }]);
      assert.deepEqual(messages, lintText(GAPPED, { locale: 'en' }).messages, 'the same findings as without it');
    });

    it('is logged once per document with the document’s URI, shown to the user once, and each version is still published (Checker)', async () => {
      const documents = new Map<string, Snapshot>();
      const logs: string[] = [];
      const warnings: string[] = [];
      const published: Array<{ uri: string; version?: number; diagnostics: Diagnostic[] }> = [];
      const host: CheckerHost = {
        prepare: async (snapshot) => job(snapshot.uri, snapshot.version, snapshot.text),
        publish: (uri, version, diagnostics) => published.push({ uri, ...(version !== undefined ? { version } : {}), diagnostics }),
        document: (uri) => documents.get(uri),
        log: (message) => logs.push(message),
        warn: (message) => warnings.push(message),
      };
      // The runner analyses on the spot, with the failing rule first in line.
      const runner = { analyze: (j: AnalyzeJob) => Promise.resolve(analyze(j, [broken, ...RULES]).result), cancel: () => {} } as unknown as Runner;
      const checker = new Checker(host, runner, 'push', { debounceMs: 0, immediateBelowMs: 50 });
      const versions = [GAPPED, REPORT, GAPPED];
      for (const uri of ['file:///a.txt', 'file:///b.txt']) {
        for (const [i, text] of versions.entries()) {
          const snapshot = { uri, languageId: 'report', version: i + 1, text };
          documents.set(uri, snapshot);
          await checker.analysis(snapshot);
        }
      }
      assert.deepEqual(logs, [
        "report-lint: file:///a.txt: Rule “broken-rule” failed: Cannot read properties of undefined (reading 'marker')",
        "report-lint: file:///b.txt: Rule “broken-rule” failed: Cannot read properties of undefined (reading 'marker')",
      ]);
      assert.deepEqual(warnings, ['report-lint: rule “broken-rule” failed, so its findings are missing; the other rules still ran. See the Report Lint output'], 'the user is told once');
      assert.equal(published.length, 6, 'every version of both documents');
      assert.ok(published[0]!.diagnostics.some((d) => d.code === 'numbering-sequence'), 'the other rules’ findings');
      assert.ok(!published[1]!.diagnostics.some((d) => d.code === 'numbering-sequence'));
    });
  });

  describe('over stdio', function () {
    this.timeout(90_000);

    it('a document closed while a worker analyses it: its last publication is empty, and nothing follows it', async () => {
      const client = new TestClient({ waitMs: 60_000 });
      try {
        await client.initialize();
        const dir = tempDir();
        const closing = fileUri(path.join(dir, 'closing.txt'));
        const small = fileUri(path.join(dir, 'small.txt'));
        client.open(small, REPORT);
        await client.nextDiagnostics(small, 1);

        client.open(closing, concatenated(2_000_000) + '\n' + GAPPED);
        // Ask for its outline: that starts the analysis now; then close it while the analysis runs.
        const outline = client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: closing } }).then(
          () => 'answered',
          (error: ResponseError<unknown>) => error.code,
        );
        await client.request('textDocument/documentSymbol', { textDocument: { uri: small } }); // the server has taken the request in
        const sinceClose = client.diagnostics.length;
        client.close(closing);
        assert.ok([ErrorCodes.InvalidParams, LSPErrorCodes.ContentModified].includes((await outline) as number), `outline request: ${await outline}`);

        // Another huge document goes through the same worker queue after the closed one's job: once its
        // diagnostics are in, anything the closed document's analysis could still publish would be too.
        const next = fileUri(path.join(dir, 'next.txt'));
        client.open(next, concatenated(1_000_000));
        await client.nextDiagnostics(next, 1);
        const afterClose = client.diagnostics.slice(sinceClose).filter((p) => p.uri === closing);
        assert.deepEqual(afterClose.map((p) => p.diagnostics), [[]], 'one empty publication: the close');
        assert.equal(client.child.exitCode, null);
      } finally {
        await client.stop();
      }
    });

    it('a cancelled pull leaves nothing stale: the next pull has the current version’s findings', async () => {
      const client = new TestClient({ waitMs: 60_000 });
      try {
        // Every finding is sent, so the one at the end is not among those cut off.
        await client.initialize({ capabilities: PULL_CAPABILITIES, initializationOptions: { maxDiagnostics: 100_000 } });
        const uri = fileUri(path.join(tempDir(), 'pulled.txt'));
        const big = concatenated(600_000) + '\n' + REPORT;
        client.open(uri, big);
        const source = new CancellationTokenSource();
        const cancelled = client.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } }, source.token).then(
          () => 'answered',
          (error: ResponseError<unknown>) => error.code,
        );
        source.cancel();
        // Break the numbering at the end while the cancelled pull is pending: （二） → （三） in the last report.
        const lines = big.split('\n');
        const line = lines.lastIndexOf('（二）深化政务公开');
        client.change(uri, 2, [{ range: { start: { line, character: 1 }, end: { line, character: 2 } }, text: '三' }]);
        assert.ok(['answered', LSPErrorCodes.RequestCancelled, LSPErrorCodes.ServerCancelled].includes(await cancelled as string | number), String(await cancelled));

        const report = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
        assert.equal(report.kind, 'full');
        const gaps = (report.kind === 'full' ? report.items : []).filter((d) => d.code === 'numbering-sequence' && d.range.start.line === line);
        assert.equal(gaps.length, 1, 'the finding of version 2');
        assert.deepEqual(client.diagnostics.filter((p) => p.uri === uri), [], 'a pull client gets nothing pushed');
      } finally {
        await client.stop();
      }
    });
  });
});
