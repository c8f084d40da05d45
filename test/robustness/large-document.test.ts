/**
 * Documents above the size limit (maxDocumentSize): which rules still run, the notice that says
 * so, and the three places the limit is set — the reportLint.maxDocumentSize setting,
 * `maxDocumentSize` in .reportlintrc.json and the CLI's --max-document-size.
 */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { CodeAction, Diagnostic, Hover, TextDocumentEdit } from 'vscode-languageserver/node';
import { lint } from '../../server/src/api';
import { main } from '../../server/src/cli';
import { DEFAULT_MAX_DOCUMENT_SIZE, parseConfig } from '../../server/src/engine/config';
import { largeDocumentCheck, MAX_FINDINGS_PER_RULE } from '../../server/src/engine/large-document';
import { lintText } from '../../server/src/engine/lint';
import { LARGE_DOCUMENT_RULE_IDS, LARGE_DOCUMENT_RULES, RULES, RULE_IDS } from '../../server/src/rules';
import { GAPPED, REPORT } from '../lsp/support/samples';
import { TestClient, applyTextEdits, fileUri } from '../lsp/support/lsp-client';
import { tempDir } from './support/inputs';

function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const status = main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env: {} });
  return { status, stdout, stderr };
}

const text = (d: Diagnostic | undefined) => String(d?.message ?? '');

describe('documents above the size limit', () => {
  describe('the rules that still run', () => {
    it('are the report-part and numbering rules of the registry, and nothing that reads every sentence', () => {
      assert.deepEqual(
        [...LARGE_DOCUMENT_RULE_IDS].sort(),
        [
          'enumeration-sequence', 'numbering-hierarchy', 'numbering-sequence', 'numbering-style',
          'report-date', 'report-signature', 'report-title', 'report-year', 'required-section',
        ],
      );
      for (const id of LARGE_DOCUMENT_RULE_IDS) assert.ok(RULE_IDS.has(id), `${id} is a registered rule`);
      assert.deepEqual(LARGE_DOCUMENT_RULES.map((r) => r.meta.id), RULES.map((r) => r.meta.id).filter((id) => LARGE_DOCUMENT_RULE_IDS.has(id)), 'in registry order');
      const skipped = RULES.map((r) => r.meta.id).filter((id) => !LARGE_DOCUMENT_RULE_IDS.has(id));
      for (const id of ['rate-mismatch', 'sum-mismatch', 'duplicate-paragraph', 'page-residue', 'punctuation', 'word-usage', 'number-usage']) assert.ok(skipped.includes(id), id);
    });

    it('report at most MAX_FINDINGS_PER_RULE findings each, and say which rules reached it', () => {
      const text = '某县2023年法治政府建设年度报告\n' + '一、甲\n'.repeat(MAX_FINDINGS_PER_RULE + 50);
      const check = largeDocumentCheck();
      const { messages, failures } = lintText(text, { rules: check.rules });
      assert.deepEqual(failures, []);
      assert.equal(messages.filter((m) => m.ruleId === 'numbering-sequence').length, MAX_FINDINGS_PER_RULE);
      assert.deepEqual(check.capped, ['numbering-sequence']);
      assert.deepEqual(largeDocumentCheck().capped, [], 'each check counts afresh');
    });
  });

  describe('.reportlintrc.json "maxDocumentSize"', () => {
    it('takes a positive whole number of characters; anything else is a problem with its line and key', () => {
      assert.equal(parseConfig('{"maxDocumentSize": 2000000}', RULE_IDS).config.maxDocumentSize, 2_000_000);
      for (const bad of ['0', '-1', '1.5', '"2MB"', 'null', 'true', '1e400']) {
        const { config, problems } = parseConfig(`{\n  "rules": {},\n  "maxDocumentSize": ${bad}\n}`, RULE_IDS);
        assert.equal(config.maxDocumentSize, undefined, bad);
        assert.deepEqual(problems.map((p) => [p.key, p.line, p.column]), [['maxDocumentSize', 3, 3]], bad);
        assert.match(problems[0]!.message.zh, /「maxDocumentSize」应为正整数（字符数）/);
        assert.match(problems[0]!.message.en, /“maxDocumentSize” must be a positive whole number of characters/);
      }
    });
  });

  describe('CLI', () => {
    it('--max-document-size: the notice names the file, the limit and the flag; the status is the findings’ alone', () => {
      const wrongRate = REPORT.replace('审结率95%', '审结率96%');
      const dir = tempDir({ 'a.txt': wrongRate });
      const r = run(['--format', 'json', '--max-document-size', '100', 'a.txt'], dir);
      assert.equal(r.status, 0, 'a notice is not an error');
      assert.match(r.stderr, new RegExp(`^report-lint: a\\.txt: 文件有 ${wrongRate.length} 个字符，超过了 100 个字符的上限，只检查了报告结构和序号：统计数字、重复段落、网页残留和写作规范的检查已跳过；用更大的 --max-document-size 可提高上限\\n$`));
      const full = run(['--format', 'json', 'a.txt'], dir);
      assert.equal(full.stderr, '');
      const reduced = JSON.parse(r.stdout)[0].messages as Array<{ ruleId: string }>;
      assert.ok(reduced.every((m) => LARGE_DOCUMENT_RULE_IDS.has(m.ruleId)));
      assert.equal(full.status, 1, 'the full check finds the wrong rate, an error');
      assert.ok(JSON.parse(full.stdout)[0].messages.some((m: { ruleId: string }) => m.ruleId === 'rate-mismatch'));
    });

    it('--max-document-size must be a whole number of 1 or more', () => {
      for (const bad of ['0', '-3', '1.5', 'big', '']) {
        const r = run(['--max-document-size', bad, 'a.txt'], tempDir());
        assert.equal(r.status, 2, bad);
        assert.match(r.stderr, /--max-document-size/);
      }
    });

    it('maxDocumentSize from .reportlintrc.json (named in the notice); the flag wins over it; English on request', () => {
      const dir = tempDir({ '.reportlintrc.json': '{ "maxDocumentSize": 50 }', 'a.txt': GAPPED });
      const r = run(['--locale', 'en', 'a.txt'], dir);
      assert.match(r.stderr, /a\.txt: \d+ characters, more than the limit of 50, so only the structure and numbering were checked.*; maxDocumentSize in \.reportlintrc\.json, or --max-document-size, raises the limit/);
      assert.match(r.stdout, /numbering-sequence/, 'numbering is still checked');
      assert.equal(run(['--max-document-size', '1000000', 'a.txt'], dir).stderr, '');
    });

    it('lists a renumbering fix once, with the first finding it resolves, instead of once per finding', () => {
      const lines = ['某县2023年法治政府建设年度报告', ...Array.from({ length: 60 }, () => '一、甲')];
      const r = run(['--format', 'json', '--max-document-size', '10', 'a.txt'], tempDir({ 'a.txt': lines.join('\n') }));
      const messages = (JSON.parse(r.stdout)[0].messages as Array<{ ruleId: string; fix?: { edits: unknown[] } }>).filter((m) => m.ruleId === 'numbering-sequence');
      assert.equal(messages.length, 59);
      assert.deepEqual(messages.map((m) => m.fix?.edits.length ?? 0), [59, ...Array(58).fill(0)]);
    });

    it('--fix above the limit applies the structure rules’ fixes', () => {
      const dir = tempDir({ 'a.txt': '一、甲\n三、乙\n' });
      const r = run(['--fix', '--max-document-size', '3', 'a.txt'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(require('node:fs').readFileSync(path.join(dir, 'a.txt'), 'utf8'), '一、甲\n二、乙\n');
    });
  });

  describe('language server', () => {
    it('reportLint.maxDocumentSize: an information notice at the start, in the user’s language, naming the setting', async () => {
      const client = new TestClient({ settings: () => ({ maxDocumentSize: 100 }) });
      try {
        await client.initialize({ locale: 'en' });
        const uri = fileUri(path.join(tempDir(), 'a.txt'));
        client.open(uri, GAPPED);
        const [notice, ...findings] = (await client.nextDiagnostics(uri, 1)).diagnostics;
        assert.deepEqual([notice!.severity, notice!.range], [3, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]);
        assert.equal(
          text(notice),
          `This document has ${GAPPED.length} characters, more than the limit of 100, so only its structure and numbering were checked to keep the editor responsive: the statistics, duplicate-paragraph, page-residue and writing-standard rules were skipped. The setting reportLint.maxDocumentSize raises the limit`,
        );
        assert.ok(findings.some((d) => d.code === 'numbering-sequence'));
        assert.ok(findings.every((d) => LARGE_DOCUMENT_RULE_IDS.has(String(d.code))));

        // Outline and hovers on markers work; rates are not worked out.
        const rate = REPORT.split('\n').findIndex((line) => line.includes('审结率95%'));
        const rateHover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: rate, character: 20 } });
        assert.equal(rateHover, null);
        const markerHover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 1 } });
        assert.ok(markerHover);

        // Fix all still renumbers.
        const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        const [fixAll] = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } });
        const resolved = await client.request<CodeAction>('codeAction/resolve', fixAll);
        assert.equal(applyTextEdits(GAPPED, (resolved.edit!.documentChanges![0] as TextDocumentEdit).edits as never), REPORT);
      } finally {
        await client.stop();
      }
    });

    it('a document at or under the limit gets no notice; .reportlintrc.json’s limit is named by its path', async () => {
      const dir = tempDir({ '.reportlintrc.json': `{ "maxDocumentSize": ${REPORT.length} }` });
      const client = new TestClient();
      try {
        await client.initialize({ workspaceFolders: [dir] });
        const at = fileUri(path.join(dir, 'at.txt'));
        client.open(at, REPORT);
        assert.ok(!(await client.nextDiagnostics(at, 1)).diagnostics.some((d) => d.severity === 3 && /上限/.test(text(d))));
        const over = fileUri(path.join(dir, 'over.txt'));
        client.open(over, REPORT + '。');
        const [notice] = (await client.nextDiagnostics(over, 1)).diagnostics;
        assert.match(text(notice), new RegExp(`超过了 ${REPORT.length} 个字符的上限.*${path.join(dir, '.reportlintrc.json').replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')} 中的 maxDocumentSize 可提高上限$`));
      } finally {
        await client.stop();
      }
    });

    it('the default limit is a million characters', () => {
      assert.equal(DEFAULT_MAX_DOCUMENT_SIZE, 1_000_000);
    });
  });
});

describe('Node API: size limit', () => {
  it('checks every rule unless asked for a limit, and only the structure rules above it', () => {
    // A duplicate paragraph (skipped above the limit) and a numbering gap (still checked).
    const paragraph = '全年共办理行政复议案件一百零一件，依法纠正违法或者不当行政行为六件，切实保护了群众的合法权益。';
    const text = `一、甲\n${paragraph}\n三、乙\n${paragraph}\n`;
    const all = lint(text);
    assert.ok(all.some((m) => m.ruleId === 'duplicate-paragraph'));
    const limited = lint(text, { maxDocumentSize: 10 });
    assert.ok(limited.some((m) => m.ruleId === 'numbering-sequence'));
    assert.ok(limited.every((m) => LARGE_DOCUMENT_RULE_IDS.has(m.ruleId)), limited.map((m) => m.ruleId).join(', '));
    assert.deepEqual(lint(text, { maxDocumentSize: text.length }), all);
  });
});
