/**
 * Input nobody writes on purpose but every checker meets — a pasted archive, lost line breaks,
 * thousands of markers or brackets, a binary file renamed to .txt, broken encodings — through the
 * API, the CLI (a process per file) and the language server over stdio. Nothing may crash, hang or
 * lose the user's text. Time and memory are compared between two sizes of one input (linear, never
 * quadratic), never against a clock.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver/node';
import { DEFAULT_MAX_DOCUMENT_SIZE } from '../../server/src/engine/config';
import { decodeReport } from '../../server/src/engine/decode';
import { largeDocumentCheck } from '../../server/src/engine/large-document';
import { lintText } from '../../server/src/engine/lint';
import { buildOutline } from '../../server/src/engine/outline';
import type { LintMessage } from '../../server/src/engine/rule';
import { REPORT as SMALL_REPORT } from '../lsp/support/samples';
import { ROOT, TestClient, fileUri } from '../lsp/support/lsp-client';
import {
  TRADITIONAL, WITH_NULS, brokenUtf8, concatenated, nestedBrackets, numberedLines, oneLine, randomBytes, tempDir, timed,
} from './support/inputs';

const CLI = path.join(ROOT, 'out/cli.cjs');
const PEAK_RSS = path.join(__dirname, 'peak-rss.cjs');

/** What the front ends do: the full check up to the size limit, the structure rules above it. */
function check(text: string) {
  const large = text.length > DEFAULT_MAX_DOCUMENT_SIZE ? largeDocumentCheck() : undefined;
  return lintText(text, large ? { rules: large.rules } : {});
}

/** Every finding lies inside the text, in order, with a message; no rule failed. */
function assertSound(text: string, result: { messages: LintMessage[]; failures: unknown[] }): void {
  assert.deepEqual(result.failures, []);
  let previous = 0;
  for (const m of result.messages) {
    assert.ok(m.offset >= previous && m.offset <= m.endOffset && m.endOffset <= text.length, `${m.ruleId} at ${m.offset}–${m.endOffset}`);
    assert.ok(m.line >= 1 && m.column >= 1 && (m.endLine > m.line || (m.endLine === m.line && m.endColumn >= m.column)), `${m.ruleId} at ${m.line}:${m.column}`);
    assert.ok(typeof m.message === 'string' && m.message.length > 0 && !/\{\w+\}/.test(m.message), m.message);
    previous = m.offset;
  }
}

/** Ten times the input may take at most ~30 times as long: linear with noise passes, quadratic (×100) fails. */
function assertLinearTime(name: string, small: string, large: string, run: (text: string) => unknown): void {
  run(small); // compiled before it is measured
  const tSmall = Math.min(timed(() => run(small)), timed(() => run(small)));
  const tLarge = timed(() => run(large));
  const ratio = large.length / small.length;
  assert.ok(tLarge < Math.max(3 * ratio * tSmall, 500), `${name}: ${small.length} chars ${tSmall.toFixed(0)} ms, ${large.length} chars ${tLarge.toFixed(0)} ms`);
}

describe('hostile input', function () {
  this.timeout(120_000);

  describe('through the API', () => {
    it('an empty or blank document', () => {
      for (const text of ['', '\n\n\n', '\u3000 \t\r\n']) {
        const result = check(text);
        assertSound(text, result);
        assert.deepEqual(buildOutline(result.tree), []);
      }
    });

    it('100 000 numbered lines on four levels: the outline holds them all, the gaps are found', () => {
      const text = numberedLines(100_000, 997);
      assert.ok(text.length > DEFAULT_MAX_DOCUMENT_SIZE, 'checked above the size limit');
      const result = check(text);
      assertSound(text, result);
      assert.equal(result.tree.data.index.sections.length, 100_000);
      assert.ok(result.messages.some((m) => m.ruleId === 'numbering-sequence'), 'a gap on level 4 is reported');
      assert.equal(buildOutline(result.tree).length, result.tree.data.index.sections.filter((s) => s.level === 1).length);
    });

    it('brackets nested thousands deep, closed, unclosed and unmatched', () => {
      const text = nestedBrackets(5000);
      assertSound(text, check(text));
    });

    it('one line of a million characters (a report that lost its line breaks)', () => {
      const text = oneLine(DEFAULT_MAX_DOCUMENT_SIZE);
      const result = check(text);
      assertSound(text, result);
      assert.equal(result.tree.data.lineStarts.length, 1);
    });

    it('NUL and other control characters inside the text', () => {
      const text = WITH_NULS + '\u0001\u0007\u001b[0m\ufeff\ufffe';
      const result = check(text);
      assertSound(text, result);
      assert.ok(buildOutline(result.tree).length > 0, 'the structure is still read');
    });

    it('traditional characters: numbering and enumerations are checked as in simplified ones', () => {
      const result = check(TRADITIONAL);
      assertSound(TRADITIONAL, result);
      const found = new Set(result.messages.map((m) => m.ruleId));
      assert.ok(found.has('numbering-sequence'), '（一） → （三）');
      assert.ok(found.has('enumeration-sequence'), '二是 → 四是');
    });

    it('random bytes read as text', () => {
      const text = decodeReport(randomBytes(200_000)).text;
      assertSound(text, check(text));
    });

    it('time grows linearly with the input: brackets, one long line, numbered lines, a pasted archive above the limit', () => {
      assertLinearTime('nested brackets', nestedBrackets(1500), nestedBrackets(15_000), check);
      assertLinearTime('one line', oneLine(60_000), oneLine(600_000), check);
      assertLinearTime('numbered lines', numberedLines(2_000, 97), numberedLines(20_000, 97), check);
      const structure = (text: string) => lintText(text, { rules: largeDocumentCheck().rules });
      assertLinearTime('archive, structure rules', concatenated(250_000), concatenated(2_500_000), structure);
    });
  });

  describe('through the CLI', () => {
    const files = {
      'empty.txt': '',
      'line.txt': oneLine(1_000_000),
      'numbered.txt': numberedLines(100_000, 997),
      'brackets.txt': nestedBrackets(5000),
      'nul.txt': WITH_NULS,
      'traditional.txt': TRADITIONAL,
      'broken.txt': brokenUtf8(),
      'binary.txt': randomBytes(2_000_000),
    };
    let dir: string;
    before(() => {
      dir = tempDir(files);
    });

    /** The CLI as a user runs it, with its peak memory. */
    function cli(args: string[]) {
      const r = spawnSync(process.execPath, ['--require', PEAK_RSS, CLI, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
      const peak = /\npeak-rss-kb=(\d+)\n$/.exec(r.stderr);
      assert.ok(peak, r.stderr);
      return { status: r.status, stdout: r.stdout, stderr: r.stderr.slice(0, peak.index), peakKb: Number(peak[1]) };
    }

    it('an empty file, one line of a million characters, 100 000 numbered lines, nested brackets, NUL characters, traditional characters', () => {
      const names = ['empty.txt', 'line.txt', 'numbered.txt', 'brackets.txt', 'nul.txt', 'traditional.txt'];
      const r = cli(['--format', 'json', ...names]);
      assert.ok(r.status === 0 || r.status === 1, `status ${r.status}: ${r.stderr}`);
      const results = JSON.parse(r.stdout) as Array<{ file: string; messages: LintMessage[]; error?: string }>;
      assert.deepEqual(results.map((x) => [x.file, x.error]), names.map((name) => [name, undefined]));
      assert.ok(results.find((x) => x.file === 'traditional.txt')!.messages.some((m) => m.ruleId === 'numbering-sequence'));
      // Only the 100 000 lines are above the size limit.
      assert.deepEqual(r.stderr.match(/^report-lint: \S+: 文件有/gm), ['report-lint: numbered.txt: 文件有']);
      assert.doesNotMatch(r.stderr, /\bat .*\.(?:c?js|ts):\d+/, 'no stack trace');
    });

    it('a binary file is refused with its name and the place of the first NUL byte, and the others are still checked', () => {
      const firstNul = (files['binary.txt'] as Buffer).indexOf(0);
      const r = cli(['--format', 'json', 'binary.txt', 'traditional.txt']);
      assert.equal(r.status, 2);
      assert.match(r.stderr, new RegExp(`binary\\.txt: not a text file \\(byte ${firstNul + 1} is NUL\\).*不是文本文件`));
      const results = JSON.parse(r.stdout) as Array<{ file: string; messages: unknown[] }>;
      assert.deepEqual(results.map((x) => x.file), ['binary.txt', 'traditional.txt']);
      assert.ok(results[1]!.messages.length > 0);
    });

    it('bytes that are not UTF-8 are named by line and column; --fix then leaves the file as it was', () => {
      const r = cli(['broken.txt']);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const line = brokenUtf8().subarray(0, brokenUtf8().indexOf(0xff)).toString('utf8').split('\n').length;
      assert.match(r.stderr, new RegExp(`broken\\.txt: 文件中有 2 处字节不是有效的 UTF-8 编码（第一处在第 ${line} 行第 1 列）`));
      const before = fs.readFileSync(path.join(dir, 'broken.txt'));
      const fixed = cli(['--fix', '--locale', 'en', 'broken.txt']);
      assert.equal(fixed.status, 2, 'a fix that cannot be written is an error');
      assert.match(fixed.stderr, /broken\.txt: fixes not written: the file has bytes that are not valid UTF-8/);
      assert.deepEqual(fs.readFileSync(path.join(dir, 'broken.txt')), before, 'the draft is untouched');
    });

    it('a 10 MB file gets the structure check with a notice naming the file; memory grows linearly', () => {
      const big = concatenated(3_500_000); // 10 MB of UTF-8
      fs.writeFileSync(path.join(dir, 'big.txt'), big);
      fs.writeFileSync(path.join(dir, 'small.txt'), big.slice(0, big.length / 8));
      const r = cli(['--format', 'json', 'big.txt']);
      assert.ok(Buffer.byteLength(big) >= 10_000_000);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      assert.match(r.stderr, /^report-lint: big\.txt: 文件有 3,5\d\d,\d\d\d 个字符，超过了 1,000,000 个字符的上限，只检查了报告结构和序号.*--max-document-size/m);
      const [result] = JSON.parse(r.stdout) as Array<{ messages: LintMessage[] }>;
      assert.ok(result!.messages.some((m) => m.ruleId === 'numbering-sequence'), 'the numbering of the pasted reports is checked');
      assert.ok(!result!.messages.some((m) => m.ruleId === 'rate-mismatch' || m.ruleId === 'punctuation'), 'statistics and writing rules are skipped');

      // The same cheaper check on an eighth of the text, for the memory it costs; the empty file for the process itself.
      const small = cli(['--format', 'json', '--max-document-size', '1000', 'small.txt']);
      const empty = cli(['empty.txt']);
      const grown = (r.peakKb - empty.peakKb) / Math.max(small.peakKb - empty.peakKb, 4096);
      assert.ok(grown < 24, `peak RSS: empty ${empty.peakKb} KB, 1/8 ${small.peakKb} KB, 10 MB ${r.peakKb} KB`);
    });
  });

  describe('through the language server', () => {
    let client: TestClient;
    let folder: string;
    before(async () => {
      client = new TestClient({ waitMs: 90_000 });
      await client.initialize();
      folder = tempDir();
    });
    after(() => client.stop());

    it('a 10 MB document: other requests are answered meanwhile, the size notice comes first, outline and hovers work', async () => {
      const small = fileUri(path.join(folder, 'small.txt'));
      client.open(small, SMALL_REPORT);
      await client.nextDiagnostics(small, 1);

      const text = concatenated(3_500_000);
      const big = fileUri(path.join(folder, 'big.txt'));
      const order: string[] = [];
      client.open(big, text);
      const published = client.nextDiagnostics(big, 1).then((p) => (order.push('big diagnostics'), p));
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: small } });
      order.push('small symbols');
      assert.equal(symbols.length, 4);
      const { diagnostics } = await published;
      assert.deepEqual(order, ['small symbols', 'big diagnostics']);

      const [notice, ...findings] = diagnostics as [Diagnostic, ...Diagnostic[]];
      assert.equal(notice.severity, 3);
      assert.deepEqual(notice.range.start, { line: 0, character: 0 });
      assert.match(String(notice.message), /^本文档有 3,5\d\d,\d\d\d 个字符，超过了 1,000,000 个字符的上限.*统计数字、重复段落、网页残留和写作规范的检查已跳过.*设置 reportLint\.maxDocumentSize 可提高上限$/);
      assert.ok(findings.some((d) => d.code === 'numbering-sequence'));
      assert.ok(!findings.some((d) => d.code === 'rate-mismatch'));

      const outline = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: big } });
      assert.ok(outline.length > 100, 'every pasted report’s parts are in the outline');
      const marker = outline[0]!.selectionRange.start;
      const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: big }, position: marker });
      assert.ok(hover, 'a marker’s place in the outline');
      client.close(big);
    });

    it('“Check All Reports in Workspace” refuses a binary file and names the place of broken bytes', async () => {
      const dir = tempDir({ 'binary.txt': randomBytes(100_000), 'broken.report.txt': brokenUtf8() });
      const binary = await client.request<{ diagnostics: unknown[]; problem?: string }>('reportLint/checkFile', { uri: fileUri(path.join(dir, 'binary.txt')) });
      assert.deepEqual(binary, { diagnostics: [], problem: `不是文本文件（第 ${randomBytes(100_000).indexOf(0) + 1} 个字节是空字符 NUL），未检查；Word 文档请保存为 .docx，或另存为纯文本` });
      const broken = await client.request<{ diagnostics: unknown[]; warnings?: string[] }>('reportLint/checkFile', { uri: fileUri(path.join(dir, 'broken.report.txt')) });
      assert.ok(broken.diagnostics.length > 0, 'checked');
      assert.match(broken.warnings?.[0] ?? '', /^文件中有 2 处字节不是有效的 UTF-8 编码（第一处在第 \d+ 行第 1 列），已显示为 �$/);
    });

    it('random, NUL-laden, traditional and bracket-heavy documents are checked without a crash', async () => {
      const documents: Record<string, string> = {
        'random.txt': decodeReport(randomBytes(300_000)).text,
        'nul.txt': WITH_NULS,
        'traditional.txt': TRADITIONAL,
        'brackets.txt': nestedBrackets(5000),
        'empty.txt': '',
      };
      for (const [name, text] of Object.entries(documents)) client.open(fileUri(path.join(folder, name)), text);
      for (const name of Object.keys(documents)) {
        const { diagnostics } = await client.nextDiagnostics(fileUri(path.join(folder, name)), 1);
        for (const d of diagnostics) assert.ok(d.range.start.line >= 0 && d.range.end.line >= d.range.start.line, name);
      }
      const traditional = (await client.nextDiagnostics(fileUri(path.join(folder, 'traditional.txt')), 1)).diagnostics;
      assert.ok(traditional.some((d) => d.code === 'numbering-sequence'));
      assert.equal(client.child.exitCode, null, 'still running');
      assert.doesNotMatch(client.serverStderr, /Error|exception/i);
    });
  });
});
