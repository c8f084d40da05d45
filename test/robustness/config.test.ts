/**
 * Bad configuration: every mistake in .reportlintrc.json is named with its file, line and key —
 * by the CLI (exit status 2) and by the language server (diagnostics on the file) — and the
 * report is still checked with everything else; settings of the wrong type reach the user once,
 * naming the setting, and their defaults apply.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../../server/src/cli';
import { matchesFile } from '../../server/src/engine/config';
import { GAPPED } from '../lsp/support/samples';
import { TestClient, fileUri } from '../lsp/support/lsp-client';
import { tempDir } from './support/inputs';

interface BadConfig {
  name: string;
  text: string;
  /** Line and column (1-based) and message of the first problem, as the CLI prints them. */
  line: number;
  column: number;
  message: RegExp;
}

const CASES: BadConfig[] = [
  { name: 'invalid JSON', text: '{\n  "rules": {\n    "numbering-sequence": "error",\n  }\n}', line: 4, column: 3, message: /配置文件不是有效的 JSON/ },
  { name: 'an unknown rule id', text: '{\n  "rules": {\n    "numbering-sequnce": "error"\n  }\n}', line: 3, column: 5, message: /未知的规则「numbering-sequnce」 \(rules\.numbering-sequnce\)/ },
  { name: 'a wrong severity', text: '{\n  "rules": {\n    "numbering-sequence": "fatal"\n  }\n}', line: 3, column: 5, message: /「rules\.numbering-sequence」的级别「"fatal"」无效/ },
  { name: 'a severity of the wrong type', text: '{\n  "rules": {\n    "numbering-sequence": 2\n  }\n}', line: 3, column: 5, message: /的级别「2」无效/ },
  { name: 'rules that are not an object', text: '{\n  "rules": ["numbering-sequence"]\n}', line: 2, column: 3, message: /「rules」应为object/ },
  { name: 'a size limit that is not a number', text: '{\n  "maxDocumentSize": "1MB"\n}', line: 2, column: 3, message: /「maxDocumentSize」应为正整数/ },
  { name: 'a top level that is not an object', text: '["numbering-sequence"]', line: 1, column: 1, message: /配置文件的顶层应为 JSON 对象/ },
  { name: 'a hundred thousand nested arrays', text: `{\n  "ignore": ${'['.repeat(100_000)}${']'.repeat(100_000)}\n}`, line: 2, column: 14, message: /「ignore\[0\]」应为对象/ },
];

function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const status = main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env: {} });
  return { status, stdout, stderr };
}

describe('bad configuration', () => {
  describe('CLI', () => {
    for (const c of CASES) {
      it(`${c.name}: file:line:column and the key, exit status 2, and the report checked with the rest`, () => {
        const dir = tempDir({ '.reportlintrc.json': c.text, 'a.txt': GAPPED });
        const r = cli(['--format', 'json', 'a.txt'], dir);
        assert.equal(r.status, 2);
        assert.match(r.stderr.split('\n')[0]!, new RegExp(`^report-lint: \\.reportlintrc\\.json:${c.line}:${c.column}: `));
        assert.match(r.stderr, c.message);
        assert.doesNotMatch(r.stderr, /\bat .*:\d+:\d+\)?$/m, 'no stack trace');
        assert.ok(JSON.parse(r.stdout)[0].messages.some((m: { ruleId: string }) => m.ruleId === 'numbering-sequence'), 'still checked');
      });
    }

    it('a .reportlintrc.json that cannot be read (a folder of that name)', () => {
      const dir = tempDir({ 'a.txt': GAPPED });
      fs.mkdirSync(path.join(dir, '.reportlintrc.json'));
      const r = cli(['a.txt'], dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /\.reportlintrc\.json:1:1: 无法读取配置文件：EISDIR/);
      assert.match(r.stdout, /numbering-sequence/);
    });

    it('glob patterns that would take a backtracking matcher exponential time are matched at once', () => {
      const deep = 'a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z/report.txt';
      assert.equal(matchesFile('**/'.repeat(40) + 'nothing.txt', deep), false);
      assert.equal(matchesFile('*a'.repeat(30) + '*b', 'a'.repeat(60)), false);
      assert.equal(matchesFile('**/'.repeat(40) + 'report.txt', deep), true);
      const dir = tempDir({ '.reportlintrc.json': JSON.stringify({ overrides: [{ files: ['**/'.repeat(40) + 'x/*.txt'], rules: { 'numbering-sequence': 'off' } }] }) });
      fs.mkdirSync(path.join(dir, path.dirname(deep)), { recursive: true });
      fs.writeFileSync(path.join(dir, deep), GAPPED);
      assert.match(cli([deep], dir).stdout, /numbering-sequence/);
    });
  });

  describe('language server', function () {
    this.timeout(60_000);
    let client: TestClient;
    before(async () => {
      client = new TestClient();
      await client.initialize();
    });
    after(() => client.stop());

    for (const c of CASES) {
      it(`${c.name}: a diagnostic on the file at its line, and the report checked with the rest`, async () => {
        const dir = tempDir({ '.reportlintrc.json': c.text });
        const report = fileUri(path.join(dir, 'a.txt'));
        client.open(report, GAPPED);
        const [problem] = (await client.nextDiagnostics(fileUri(path.join(dir, '.reportlintrc.json')))).diagnostics;
        assert.deepEqual([problem!.range.start.line, problem!.range.start.character, problem!.severity], [c.line - 1, c.column - 1, 1]);
        assert.match(String(problem!.message), c.message);
        assert.ok((await client.nextDiagnostics(report, 1)).diagnostics.some((d) => d.code === 'numbering-sequence'), 'still checked');
        client.close(report);
      });
    }
  });

  describe('VS Code settings of the wrong type', function () {
    this.timeout(60_000);

    it('reach the user once per distinct problem, naming the setting; the log has them; the defaults apply', async () => {
      const client = new TestClient({
        settings: () => ({ enable: 'yes', locale: 42, maxDocumentSize: '1MB', rules: { 'numbering-sequence': 'fatal', 'no-such-rule': 'off' } }),
      });
      try {
        await client.initialize();
        const dir = tempDir();
        for (const name of ['a.txt', 'b.txt', 'c.txt']) {
          const uri = fileUri(path.join(dir, name));
          client.open(uri, GAPPED);
          const { diagnostics } = await client.nextDiagnostics(uri, 1);
          assert.ok(diagnostics.some((d) => d.code === 'numbering-sequence' && d.severity === 2), 'enabled, default severity');
          assert.match(String(diagnostics.find((d) => d.code === 'numbering-sequence')!.message), /^序号不连续/, 'default locale');
        }
        for (let i = 0; i < 2; i++) {
          const since = client.diagnostics.length;
          client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
          await client.nextDiagnostics(fileUri(path.join(dir, 'c.txt')), 1, since);
        }
        const shown = client.shown.map((m) => [m.type, m.message]);
        assert.deepEqual(shown, [
          [2, 'report-lint：设置「reportLint.enable」的值无效：应为 true 或 false，实际为 "yes"；使用 true。'],
          [2, 'report-lint：设置「reportLint.locale」的值无效：应为 "auto"、"zh" 或 "en"，实际为 42；使用 "auto"。'],
          [2, 'report-lint：设置「reportLint.maxDocumentSize」的值无效：应为正整数（字符数），实际为 "1MB"；使用 1000000。'],
          [2, 'report-lint：设置「reportLint.rules.numbering-sequence」的值无效：「rules.numbering-sequence」的级别「"fatal"」无效，应为 off、hint、info、warning 或 error 之一；已忽略。'],
          [2, 'report-lint：设置「reportLint.rules.no-such-rule」的值无效：未知的规则「no-such-rule」；已忽略。'],
        ]);
        await client.nextLog(/^reportLint\.maxDocumentSize: expected a positive whole number of characters, got "1MB"; using 1000000$/);
      } finally {
        await client.stop();
      }
    });
  });
});
