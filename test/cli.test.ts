import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../server/src/cli';
import { CORPUS, CORPUS_DIR } from './support/golden';

const root = path.resolve(__dirname, '..');

function run(args: string[], cwd = root, env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const status = main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env });
  return { status, stdout, stderr };
}

function tempDir(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('CLI', () => {
  it('prints JSON findings per file with 1-based positions', () => {
    const dir = tempDir({ 'a.txt': '一、甲\n（一）乙\n（三）丙\n' });
    const r = run(['--format', 'json', 'a.txt'], dir);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.equal(out[0].file, 'a.txt');
    const m = out[0].messages[0];
    assert.deepEqual(
      { ruleId: m.ruleId, severity: m.severity, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn },
      { ruleId: 'numbering-sequence', severity: 'warning', line: 3, column: 1, endLine: 3, endColumn: 4 },
    );
    assert.match(m.message, /「（一）」之后应为「（二）」，此处为「（三）」/);
    assert.equal(m.offset, undefined, 'offsets stay internal');
  });

  it('prints messages in English on request', () => {
    const dir = tempDir({ 'a.txt': '一、甲\n三、乙\n' });
    const r = run(['--locale', 'en', 'a.txt'], dir);
    assert.match(r.stdout, /Numbering skips: after “一、” expected “二、”, found “三、”/);
    assert.match(r.stdout, /1 problem \(0 errors, 1 warnings/);
  });

  it('exits 1 when a finding is an error (severity from .reportlintrc.json found upward)', () => {
    const dir = tempDir({ '.reportlintrc.json': '{"rules": {"numbering-sequence": "error"}}', 'sub/a.txt': '一、甲\n三、乙\n' });
    const r = run(['sub'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /错误/);
  });

  it('turns a rule off from --config', () => {
    const dir = tempDir({ 'cfg.json': '{"rules": {"numbering-sequence": "off"}}', 'a.txt': '一、甲\n三、乙\n' });
    const r = run(['--config', 'cfg.json', '--format', 'json', 'a.txt'], dir);
    assert.deepEqual(JSON.parse(r.stdout)[0].messages, []);
  });

  it('reports an invalid configuration with file, line and key, and still checks with the rest', () => {
    const dir = tempDir({ '.reportlintrc.json': '{\n  "rules": {\n    "numbering-sequence": "loud",\n    "no-such-rule": "off"\n  }\n}', 'a.txt': '一、甲\n三、乙\n' });
    const r = run(['--format', 'json', 'a.txt'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.reportlintrc\.json:3:5: .*loud.*\(rules\.numbering-sequence\)/);
    assert.match(r.stderr, /\.reportlintrc\.json:4:5: .*no-such-rule/);
    assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/, 'no stack trace');
    assert.equal(JSON.parse(r.stdout)[0].messages.length, 1, 'defaults apply to the invalid entry');
  });

  it('reports a configuration that is not JSON with its line', () => {
    const dir = tempDir({ '.reportlintrc.json': '{\n  "rules": {,\n}', 'a.txt': '一、甲\n' });
    const r = run(['a.txt'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.reportlintrc\.json:2:\d+: 配置文件不是有效的 JSON/);
  });

  it('exits 2 on unreadable input but still checks the other files', () => {
    const dir = tempDir({ 'a.txt': '一、甲\n三、乙\n' });
    const r = run(['--format', 'json', 'missing.txt', 'a.txt'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /missing\.txt: no such file/);
    assert.equal(JSON.parse(r.stdout)[0].messages.length, 1);
  });

  it('exits 2 on bad usage', () => {
    assert.equal(run(['--format', 'xml', 'a.txt']).status, 2);
    assert.equal(run(['--locale', 'fr', 'a.txt']).status, 2);
    assert.equal(run([]).status, 2);
    assert.equal(run(['--no-such-flag', 'a.txt']).status, 2);
  });

  it('--fix renumbers and writes the file back, keeping BOM and CRLF', () => {
    const dir = tempDir({ 'a.txt': Buffer.from('\ufeff一、甲\r\n三、乙\r\n', 'utf8') });
    const r = run(['--fix', 'a.txt'], dir);
    assert.equal(r.status, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'a.txt'), 'utf8'), '\ufeff一、甲\r\n二、乙\r\n');
    assert.match(r.stdout, /未发现问题/);
  });

  it('reads GB18030 drafts', () => {
    // "一、甲\n三、乙\n" in GB18030.
    const gbk = Buffer.from([0xd2, 0xbb, 0xa1, 0xa2, 0xbc, 0xd7, 0x0a, 0xc8, 0xfd, 0xa1, 0xa2, 0xd2, 0xd2, 0x0a]);
    const dir = tempDir({ 'a.txt': gbk });
    const r = run(['--format', 'json', 'a.txt'], dir);
    assert.equal(JSON.parse(r.stdout)[0].messages[0].ruleId, 'numbering-sequence');
  });

  it('prints the outline as JSON', () => {
    const r = run(['--outline', '--format', 'json', path.join(CORPUS_DIR, 'luopu-2022.txt')]);
    const [entry] = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(entry.outline[0]), ['marker', 'level', 'title', 'line', 'children']);
    assert.equal(entry.outline[0].marker, '一、');
    assert.equal(entry.outline[0].children.length, 9);
  });

  it('checks every corpus report without error', () => {
    const r = run(['--format', 'json', CORPUS_DIR]);
    assert.notEqual(r.status, 2, r.stderr);
    assert.equal(JSON.parse(r.stdout).length, CORPUS.length);
  });

  it('runs as the built executable', () => {
    const cli = path.join(root, 'out/cli.cjs');
    assert.ok(fs.existsSync(cli), 'run npm run build first');
    const r = spawnSync(process.execPath, [cli, '--format', 'json', path.join(root, 'examples')], { encoding: 'utf8' });
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.ok(JSON.parse(r.stdout)[0].messages.length > 0);
  });
});
