/**
 * Counts no report reaches but a pasted archive does: a paragraph of 100 000 enumeration items,
 * a file with more findings than a function call takes arguments, a run whose renumbering fix
 * has an edit per marker. Each once crashed (RangeError from a spread) or made output grow with
 * the square of the run.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../server/src/cli';
import { buildOutline } from '../../server/src/engine/outline';
import type { ReportMessage } from '../../server/src/reporters';
import { formatStylish } from '../../server/src/reporters';
import { parse } from '../../server/src/parser';

function runCli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const status = main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env: {} });
  return { status, stdout, stderr };
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-counts-'));

describe('large counts', () => {
  it('outlines a paragraph of 130 000 enumeration items', () => {
    const ordinals = '一二三四五六七八九';
    let items = '';
    for (let i = 0; i < 130_000; i++) items += `${ordinals[i % 9]}是乙；`;
    const outline = buildOutline(parse(`一、甲\n${items}\n`, 'text'));
    assert.equal(outline[0]!.children.length, 130_000);
  });

  it('formats 200 000 findings of one file', () => {
    const messages: ReportMessage[] = Array.from({ length: 200_000 }, (_, i) => ({
      ruleId: 'numbering-sequence', messageId: 'duplicate', severity: 'warning', line: i + 1, column: 1, endLine: i + 1, endColumn: 3, message: '重复', offset: i, endOffset: i + 1,
    }));
    const out = formatStylish([{ file: 'a.txt', messages }], 'zh', false);
    assert.match(out, /共 200000 个问题/);
  });

  it('lists a long shared renumbering fix once in JSON output', () => {
    const dir = tempDir();
    // 300 level-1 items all numbered 一、: 299 findings, one fix renumbering 299 markers.
    fs.writeFileSync(path.join(dir, 'a.txt'), '一、甲。\n'.repeat(300));
    const r = runCli(['--format', 'json', 'a.txt'], dir);
    const messages = JSON.parse(r.stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'numbering-sequence');
    assert.equal(messages.length, 299);
    const withFix = messages.filter((m: { fix?: unknown }) => m.fix);
    assert.equal(withFix.length, 1, 'the shared fix is listed with the first finding only');
    assert.equal(withFix[0].fix.edits.length, 299);
    assert.ok(r.stdout.length < 400_000, `output of ${r.stdout.length} characters`);
  });

  it('keeps short shared fixes with every finding', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), '一、甲。\n一、乙。\n一、丙。\n');
    const r = runCli(['--format', 'json', 'a.txt'], dir);
    const messages = JSON.parse(r.stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'numbering-sequence');
    assert.equal(messages.length, 2);
    assert.ok(messages.every((m: { fix?: unknown }) => m.fix));
  });

  it('does not say "no problems" when the only file could not be checked', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.txt'), Buffer.from([0x00, 0xff, 0x00, 0xfe, 0x00, 0x00, 0x81, 0x00]));
    const r = runCli(['a.txt'], dir);
    assert.equal(r.status, 2);
    assert.doesNotMatch(r.stdout, /^未发现问题/m);
    assert.match(r.stdout, /1 个文件未能检查/);
  });
});
