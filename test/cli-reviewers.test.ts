/**
 * The CLI for reviewers and CI: Word drafts, SARIF, --max-warnings, --output and the summary of a
 * folder of reports. The HTML page is checked in a browser in summary-html.test.ts.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { main } from '../server/src/cli';
import { RULES } from '../server/src/rules';
import { REPORT_BLOCKS, buildDocx } from './support/docx';
import { CORPUS_DIR } from './support/golden';

const root = path.resolve(__dirname, '..');

async function run(args: string[], cwd = root) {
  let stdout = '';
  let stderr = '';
  const status = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env: {} });
  return { status, stdout, stderr };
}

function tempDir(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-reviewers-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

let draft: Buffer;
before(async () => {
  draft = await buildDocx(REPORT_BLOCKS);
});

describe('CLI: Word drafts', () => {
  it('checks a .docx and places findings by paragraph number and excerpt (JSON keeps line and column in the extracted text)', async () => {
    const dir = tempDir({ '报告.docx': draft });
    const r = await run(['--format', 'json', '报告.docx'], dir);
    assert.equal(r.status, 1, r.stderr);
    const [entry] = JSON.parse(r.stdout);
    assert.equal(entry.file, '报告.docx');
    const rate = entry.messages.find((m: { ruleId: string }) => m.ruleId === 'rate-mismatch');
    assert.ok(rate, r.stdout);
    assert.deepEqual(
      { paragraph: rate.paragraph, excerpt: rate.excerpt, line: rate.line, severity: rate.severity },
      { paragraph: 6, excerpt: '…考试通过108人，通过率为95%。', line: 6, severity: 'error' },
    );
    assert.match(rate.message, /108\/120 = 90\.00%/);
    assert.equal(rate.offset, undefined, 'offsets stay internal');
  });

  it('prints ¶N and the quoted excerpt in the stylish output', async () => {
    const dir = tempDir({ '报告.docx': draft });
    const r = await run(['报告.docx'], dir);
    assert.match(r.stdout, /¶6\s+错误\s+「…考试通过108人，通过率为95%。」 「通过率」与所列数字不符：108\/120 = 90\.00%，所写为 95%\s+rate-mismatch/);
    const english = await run(['--locale', 'en', '报告.docx'], dir);
    assert.match(english.stdout, /¶6\s+error\s+“…考试通过108人，通过率为95%。” “通过率” does not match the counts: 108\/120 = 90\.00%/);
  });

  it('finds .docx in folders, skipping the lock files Word leaves beside open documents', async () => {
    const dir = tempDir({ 'reports/a.docx': draft, 'reports/~$a.docx': Buffer.from([0x01, 0x02]), 'reports/b.txt': '一、甲\n三、乙\n' });
    const r = await run(['--format', 'json', 'reports'], dir);
    assert.equal(r.stderr, '');
    assert.deepEqual(JSON.parse(r.stdout).map((e: { file: string }) => e.file), [path.join('reports', 'a.docx'), path.join('reports', 'b.txt')]);
  });

  it('names a broken .docx and why, exits 2, and still checks the other files', async () => {
    const dir = tempDir({ 'broken.docx': '这不是 Word 文档', 'old.docx': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'a.txt': '一、甲\n三、乙\n' });
    const r = await run(['--format', 'json', 'broken.docx', 'old.docx', 'missing.docx', 'a.txt'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /broken\.docx: 不是有效的 Word 文档（\.docx）/);
    assert.match(r.stderr, /old\.docx: 这是 Word 97–2003 格式（\.doc）或受密码保护的文档.*另存为/);
    assert.match(r.stderr, /missing\.docx: no such file/);
    const out = JSON.parse(r.stdout);
    assert.equal(out.find((e: { file: string }) => e.file === 'broken.docx').error.length > 0, true);
    assert.equal(out.find((e: { file: string }) => e.file === 'a.txt').messages[0].ruleId, 'numbering-sequence');
  });

  it('never writes a .docx with --fix, and says so', async () => {
    const dir = tempDir({ '报告.docx': draft });
    const r = await run(['--fix', '报告.docx'], dir);
    assert.deepEqual(fs.readFileSync(path.join(dir, '报告.docx')), draft);
    assert.match(r.stderr, /报告\.docx: Word 文档不会被改动/);
    assert.match(r.stdout, /rate-mismatch/);
  });

  it('prints the outline of a .docx from its automatic numbering', async () => {
    const dir = tempDir({ '报告.docx': draft });
    const r = await run(['--outline', '--format', 'json', '报告.docx'], dir);
    const [{ outline }] = JSON.parse(r.stdout);
    assert.deepEqual(outline.map((i: { marker: string }) => i.marker), ['一、', '二、', '三、']);
    assert.deepEqual(outline[0].children.map((i: { marker: string }) => i.marker), ['（一）', '（二）']);
  });
});

describe('CLI: SARIF', () => {
  // The SARIF 2.1.0 schema as shipped by @microsoft/jest-sarif (the 2.1.0 release, rtm.5; later
  // errata changed only GUID and language patterns). It is draft-04, hence ajv-draft-04.
  // strict: false because strict mode audits how a schema is written, not what it accepts;
  // unicodeRegExp: false because rtm.5's run.language pattern has a stray "]" that the u flag rejects.
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const compiled = ajv.compile(schema);
  // A plain boolean: ajv's type guard would narrow the checked log to `unknown` for the rest of the test.
  const validate = (log: unknown): boolean => compiled(log);
  const errors = () => ajv.errorsText(compiled.errors, { separator: '\n' });

  it('validates against the SARIF 2.1.0 schema, with rules, levels, locations, fixes and Word paragraphs', async () => {
    const dir = tempDir({ '年度报告.docx': draft, 'b.txt': '某县2023年法治政府建设年度报告\n一、甲\n三、乙\n' });
    const r = await run(['--format', 'sarif', '.'], dir);
    const log = JSON.parse(r.stdout);
    assert.ok(validate(log), errors());

    // The validator does catch what the schema forbids.
    assert.equal(validate({ ...log, version: '2.0.0' }), false);
    assert.equal(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ...log.runs[0].results[0], level: 'hint' }] }] }), false);

    const [sarifRun] = log.runs;
    assert.equal(log.version, '2.1.0');
    assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
    assert.equal(sarifRun.tool.driver.name, 'report-lint');
    assert.deepEqual(sarifRun.tool.driver.rules.map((rule: { id: string }) => rule.id), RULES.map((rule) => rule.meta.id));
    const rateRule = sarifRun.tool.driver.rules.find((rule: { id: string }) => rule.id === 'rate-mismatch');
    assert.equal(rateRule.defaultConfiguration.level, 'error');
    assert.match(rateRule.helpUri, /^file:\/\/.*\/docs\/rules\/rate-mismatch\.md$/);
    assert.match(rateRule.help.markdown, /\(docs\/rules\/rate-mismatch\.md\)/);
    assert.equal(sarifRun.tool.driver.rules.find((rule: { id: string }) => rule.id === 'report-title').defaultConfiguration.level, 'note', 'hint → note');

    const gap = sarifRun.results.find((res: { ruleId: string }) => res.ruleId === 'numbering-sequence');
    assert.equal(gap.level, 'warning');
    assert.deepEqual(gap.locations[0].physicalLocation.artifactLocation, { uri: 'b.txt', uriBaseId: '%SRCROOT%', index: 0 });
    assert.deepEqual(gap.locations[0].physicalLocation.region, { startLine: 3, startColumn: 1, endLine: 3, endColumn: 3 });
    assert.deepEqual(gap.fixes[0].artifactChanges[0].replacements, [{ deletedRegion: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 3 }, insertedContent: { text: '二、' } }]);
    assert.equal(sarifRun.tool.driver.rules[gap.ruleIndex].id, 'numbering-sequence');

    const rate = sarifRun.results.find((res: { ruleId: string }) => res.ruleId === 'rate-mismatch');
    assert.equal(rate.locations[0].physicalLocation.artifactLocation.uri, encodeURIComponent('年度报告.docx'));
    assert.deepEqual(rate.properties, { paragraph: 6, excerpt: '…考试通过108人，通过率为95%。' });
    assert.equal(rate.fixes, undefined, 'no fixes for a Word document, which is never written');
    assert.ok(sarifRun.results.some((res: { level: string }) => res.level === 'note'), 'hints are notes');
    assert.equal(sarifRun.invocations[0].executionSuccessful, true);
    assert.equal(sarifRun.originalUriBaseIds['%SRCROOT%'].uri, new URL(`file://${dir}/`).href);
  });

  it('reports unreadable inputs as tool notifications, still valid', async () => {
    const dir = tempDir({ 'broken.docx': 'x', 'b.txt': '一、甲\n三、乙\n' });
    const r = await run(['--format', 'sarif', 'broken.docx', 'b.txt'], dir);
    assert.equal(r.status, 2);
    const log = JSON.parse(r.stdout);
    assert.ok(validate(log), errors());
    const [invocation] = log.runs[0].invocations;
    assert.equal(invocation.executionSuccessful, false);
    assert.match(invocation.toolExecutionNotifications[0].message.text, /broken\.docx: 不是有效的 Word 文档/);
    assert.equal(log.runs[0].results.length, 1);
  });
});

describe('CLI: --max-warnings and --output', () => {
  const files = { 'a.txt': '一、甲\n三、乙\n（一）丙\n（三）丁\n' };

  it('exits 1 when warnings exceed the limit, and 0 when they do not', async () => {
    const dir = tempDir(files);
    const over = await run(['--max-warnings', '1', 'a.txt'], dir);
    assert.equal(over.status, 1);
    assert.match(over.stderr, /警告数量（2）超过了 --max-warnings 允许的 1 个/);
    assert.equal((await run(['--max-warnings', '2', 'a.txt'], dir)).status, 0);
    assert.equal((await run(['--max-warnings=-1', 'a.txt'], dir)).status, 0, '-1: no limit');
    assert.match((await run(['--locale', 'en', '--max-warnings=0', 'a.txt'], dir)).stderr, /2 warnings, more than the 0 that --max-warnings allows/);
  });

  it('refuses a limit that is not a whole number', async () => {
    for (const value of ['abc', '1.5', '-2']) {
      const r = await run([`--max-warnings=${value}`, 'a.txt'], tempDir(files));
      assert.equal(r.status, 2, value);
      assert.match(r.stderr, /--max-warnings must be a whole number/);
    }
  });

  it('writes the output to a file with --output, and nothing to standard output', async () => {
    const dir = tempDir(files);
    const ok = await run(['--format', 'json', '--output', 'result.json', 'a.txt'], dir);
    assert.equal(ok.stdout, '');
    assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'result.json'), 'utf8'))[0].messages.length, 2);
    const unwritable = await run(['--output', path.join(dir, 'no/such/folder/x.txt'), 'a.txt'], dir);
    assert.equal(unwritable.status, 2);
    assert.match(unwritable.stderr, /cannot write output/);
  });
});

describe('CLI: summary for reviewers', () => {
  interface Row {
    file: string;
    place: string | null;
    year: number | null;
    parts: Record<string, boolean> | null;
    counts: Record<string, number>;
    worst: Array<{ severity: string; ruleId: string; line: number; message: string }>;
    error?: string;
  }

  it('gives one JSON row per corpus report: place, year, the four required items, counts and the worst findings', async () => {
    const r = await run(['--summary', '--format', 'json', CORPUS_DIR]);
    const rows: Row[] = JSON.parse(r.stdout);
    const byName = new Map(rows.map((row) => [path.basename(row.file), row]));
    const all = { measures: true, shortcomings: true, leaderDuty: true, plans: true };
    const expected: Record<string, [string, number, Record<string, boolean>]> = {
      'beibei-town-2019.txt': ['柳荫镇', 2019, all],
      'lianjiang-2020.txt': ['连江县', 2020, all],
      'liyang-2022.txt': ['溧阳市', 2022, all],
      'luopu-2022.txt': ['洛浦县', 2022, all],
      'zaoyang-2023.txt': ['枣阳市', 2023, { ...all, leaderDuty: false }],
    };
    assert.deepEqual([...byName.keys()].sort(), Object.keys(expected).sort());
    for (const [name, [place, year, parts]] of Object.entries(expected)) {
      const row = byName.get(name)!;
      assert.deepEqual({ place: row.place, year: row.year, parts: row.parts }, { place, year, parts }, name);
      assert.deepEqual(Object.keys(row.counts), ['error', 'warning', 'info', 'hint']);
      const rank = { error: 3, warning: 2, info: 1, hint: 0 } as Record<string, number>;
      assert.ok(row.worst.length <= 3);
      for (let i = 1; i < row.worst.length; i++) assert.ok(rank[row.worst[i - 1]!.severity]! >= rank[row.worst[i]!.severity]!, `${name}: worst first`);
      const total = Object.values(row.counts).reduce((a, b) => a + b, 0);
      assert.equal(row.worst.length, Math.min(3, total), name);
    }
    const zaoyang = byName.get('zaoyang-2023.txt')!;
    assert.ok(zaoyang.worst.some((m) => m.ruleId === 'required-section' && m.line === 29), 'the missing leader-duty item is among the worst findings');
  });

  it('prints the summary as a table, ✓ and ✗ per required item, with the worst findings under each report', async () => {
    const r = await run(['--summary', CORPUS_DIR]);
    const lines = r.stdout.split('\n');
    assert.match(lines[0]!, /^报告\s+地方\s+年度\s+举措成效\s+不足原因\s+第一责任人\s+下年安排\s+错误\s+警告\s+信息\s+提示$/);
    const row = (name: string) => lines.find((l) => l.includes(name))!;
    assert.match(row('zaoyang-2023.txt'), /枣阳市\s+2023\s+✓\s+✓\s+✗\s+✓/);
    assert.match(row('lianjiang-2020.txt'), /连江县\s+2020\s+✓\s+✓\s+✓\s+✓/);
    assert.match(row('luopu-2022.txt'), /洛浦县\s+2022/);
    const zaoyang = lines.indexOf(row('zaoyang-2023.txt'));
    assert.match(lines.slice(zaoyang + 1, zaoyang + 4).join('\n'), /警告\s+29:1\s+「第一责任人」职责只出现在下一年度安排中.*required-section/);
    assert.match(r.stdout, /共 5 份报告：4 份四项必备内容齐全，1 份有缺项；/);
    const english = await run(['--summary', '--locale', 'en', CORPUS_DIR]);
    assert.match(english.stdout, /^Report\s+Place\s+Year\s+Measures\s+Shortcomings\s+Leaders’ duty\s+Plans\s+error\s+warning\s+info\s+hint\n/);
    assert.match(english.stdout, /5 reports: 4 with all four required items, 1 missing some;/);
  });

  it('includes Word drafts and unreadable files in the summary', async () => {
    const dir = tempDir({ '某县.docx': draft, 'broken.docx': 'x' });
    const r = await run(['--summary', '--format', 'json', '.'], dir);
    assert.equal(r.status, 2);
    const rows: Row[] = JSON.parse(r.stdout);
    const broken = rows.find((row) => row.file === 'broken.docx')!;
    assert.equal(broken.parts, null);
    assert.match(broken.error!, /不是有效的 Word 文档/);
    const word = rows.find((row) => row.file === '某县.docx')!;
    assert.deepEqual({ place: word.place, year: word.year }, { place: '某县', year: 2023 });
    assert.deepEqual(word.parts, { measures: true, shortcomings: true, leaderDuty: true, plans: true });
    assert.equal(word.worst[0]!.ruleId, 'rate-mismatch');
    assert.equal((word.worst[0] as unknown as { paragraph: number }).paragraph, 6);
  });

  it('refuses combinations that make no sense', async () => {
    const sarif = await run(['--summary', '--format', 'sarif', CORPUS_DIR]);
    assert.equal(sarif.status, 2);
    assert.match(sarif.stderr, /--summary prints a table \(stylish\), json or html, not sarif/);
    const outline = await run(['--outline', '--format', 'html', CORPUS_DIR]);
    assert.equal(outline.status, 2);
    assert.match(outline.stderr, /--outline/);
    assert.match((await run(['--format', 'xml', 'a.txt'])).stderr, /stylish, json, sarif or html/);
  });
});
