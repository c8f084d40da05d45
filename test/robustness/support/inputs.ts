/**
 * Inputs nobody writes on purpose but every checker meets: pasted archives, lost line breaks,
 * thousands of markers, binary files renamed to .txt, broken encodings. Deterministic, so a
 * failure can be reproduced from the test alone.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { readCorpus } from '../../support/golden';

export const REPORT = readCorpus('lianjiang-2020.txt');

/** Whole reports one after another until the text has at least `chars` characters (a pasted archive). */
export function concatenated(chars: number): string {
  const parts: string[] = [];
  let length = 0;
  while (length < chars) {
    parts.push(REPORT);
    length += REPORT.length + 1;
  }
  return parts.join('\n');
}

/** A report whose line breaks were lost: one line of about `chars` characters. */
export function oneLine(chars: number): string {
  const flat = REPORT.replace(/\s*[\r\n]+\s*/g, '');
  return flat.repeat(Math.ceil(chars / flat.length)).slice(0, chars);
}

const DIGITS = '〇一二三四五六七八九';

/** Chinese numerals as markers are written: 一 … 十 … 十九, 二十 … 九十九. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/**
 * `count` lines numbered on all four levels (一、 （一） 1. （1）), each level counting up inside
 * its parent, with a gap (a skipped number) every `gapEvery` lines of level 4 when given.
 */
export function numberedLines(count: number, gapEvery?: number): string {
  const lines: string[] = ['某县2023年法治政府建设年度报告'];
  let first = 0;
  while (lines.length <= count) {
    first++;
    lines.push(`${chineseNumeral(((first - 1) % 99) + 1)}、第${first}部分工作情况`);
    for (let second = 1; second <= 9 && lines.length <= count; second++) {
      lines.push(`（${chineseNumeral(second)}）第${second}项措施`);
      for (let third = 1; third <= 10 && lines.length <= count; third++) {
        lines.push(`${third}. 落实第${third}项任务。`);
        for (let fourth = 1; fourth <= 10 && lines.length <= count; fourth++) {
          const skip = gapEvery && lines.length % gapEvery === 0 ? 1 : 0;
          lines.push(`（${fourth + skip}）办理行政复议案件${fourth * 3}件，审结${fourth * 2}件。`);
        }
      }
    }
  }
  return lines.join('\n');
}

/** Brackets nested `depth` deep, full-width and ASCII, closed and left open, on several lines. */
export function nestedBrackets(depth: number): string {
  return [
    '某县2023年法治政府建设年度报告',
    '一、' + '（'.repeat(depth) + '主要举措' + '）'.repeat(depth),
    '（一）' + '('.repeat(depth) + '办理案件40件' + ')'.repeat(depth),
    '1. ' + '【「《“'.repeat(depth / 4) + '未闭合的引号和书名号',
    '（1）' + '）'.repeat(depth) + '多余的右括号' + '（'.repeat(depth),
  ].join('\n');
}

/** A small deterministic generator (xorshift), so random inputs are the same on every run. */
export function randomBytes(length: number, seed = 0x2545f491): Buffer {
  const bytes = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}

/** A UTF-8 report with a few bytes that are not UTF-8: a stray 0xFF, and a character cut off at the end. */
export function brokenUtf8(): Buffer {
  const good = Buffer.from(REPORT, 'utf8');
  const middle = good.indexOf(Buffer.from('\n', 'utf8'), good.length >> 1) + 1;
  const cut = Buffer.from('报', 'utf8').subarray(0, 2);
  return Buffer.concat([good.subarray(0, middle), Buffer.from([0xff]), good.subarray(middle), cut]);
}

/** The report with NUL characters inside its lines (valid UTF-8: text with control characters in it). */
export const WITH_NULS = REPORT.split('\n').map((line, i) => (i % 3 === 1 ? `${line.slice(0, 4)}\u0000${line.slice(4)}\u0000` : line)).join('\n');

/** A short report written in traditional characters, as offices in some regions and older templates do. */
export const TRADITIONAL = [
  '某縣2023年法治政府建設年度報告',
  '2023年，某縣堅持以習近平法治思想為指導，現將法治政府建設工作情況報告如下。',
  '一、2023年推進法治政府建設的主要舉措和成效',
  '（一）加強行政執法監督。一是規範執法程序；二是開展執法檢查；四是落實“三項制度”。',
  '全年辦理行政複議案件40件，審結38件，審結率為96%。',
  '（三）深化政務公開',
  '二、存在的不足和原因',
  '三、黨政主要負責人履行推進法治建設第一責任人職責情況',
  '四、2024年推進法治政府建設的主要安排',
  '某縣人民政府',
  '2024年1月10日',
].join('\n');

/** A fresh folder with these files (text as UTF-8, buffers as they are). */
export function tempDir(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-robustness-'));
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

/** Milliseconds a function takes. */
export function timed(run: () => unknown): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}
