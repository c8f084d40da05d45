/**
 * EXPECTED.md on the five corpus reports, for the numbering and text-hygiene rules: every
 * must-find item is reported (rule id + line), and nothing else is reported at warning or error —
 * which covers the must-not-flag items (numbers that are not markers, the level skip 一、 → 1.,
 * the consistent ASCII brackets, the enumerations of zaoyang and lianjiang, “（此件公开发布）”).
 */
import { strict as assert } from 'node:assert';
import { lintText } from '../../server/src/engine/lint';
import type { LintMessage } from '../../server/src/engine/rule';
import { duplicateParagraph } from '../../server/src/rules/duplicate-paragraph';
import { enumerationSequence } from '../../server/src/rules/enumeration-sequence';
import { numberingHierarchy } from '../../server/src/rules/numbering-hierarchy';
import { numberingStyle } from '../../server/src/rules/numbering-style';
import { pageResidue } from '../../server/src/rules/page-residue';
import { CORPUS, itFixesCorpusCleanly, readCorpus } from '../support/golden';

const RULES = [numberingHierarchy, numberingStyle, enumerationSequence, duplicateParagraph, pageResidue];
const lint = (text: string) => lintText(text, { rules: RULES }).messages;
const loud = (messages: LintMessage[]) => messages.filter((m) => m.severity === 'warning' || m.severity === 'error');
/** rule@line, or rule@line-endLine for a finding over several lines. */
const at = (m: LintMessage) => `${m.ruleId}@${m.line}${m.endLine !== m.line ? `-${m.endLine}` : ''}`;

/** Everything the five rules say at warning or error, per report: EXPECTED.md's must-find items and nothing more. */
const EXPECTED: Record<string, string[]> = {
  'beibei-town-2019.txt': [
    'numbering-style@14', // 4.坚持集体讨论决定 among 1、 2、 3、
    'numbering-style@32', // 1、 then 2. 3.
    'numbering-style@33',
  ],
  'lianjiang-2020.txt': [
    'numbering-style@6', // 3.全面推行… among 1、 2、 4、 5、
    'numbering-hierarchy@22', // （一）（二）（三） inside item 2、 of （四）
    'duplicate-paragraph@75', // lines 71–72 repeated at 75–76
    'duplicate-paragraph@76',
    'page-residue@180', // 扫一扫在手机上查看当前页面
  ],
  'liyang-2022.txt': ['page-residue@1-5'], // 移动端应用 / 政务微信 / 政务微博 / 智能问答 / 登录个人中心
  'luopu-2022.txt': [],
  'zaoyang-2023.txt': [
    'page-residue@1', // 当前所在位置:首页 > …
    'page-residue@5', // 日期 / 来源 / 字体 / 打印
    'page-residue@42-44', // 我要写信 / 关闭 / 返回顶部
  ],
};

describe('corpus: numbering and text hygiene (EXPECTED.md)', () => {
  it('covers every corpus report', () => assert.deepEqual(Object.keys(EXPECTED).sort(), [...CORPUS].sort()));

  for (const name of CORPUS) {
    it(`${name}: the must-find items, and nothing else at warning or error`, () => {
      assert.deepEqual(loud(lint(readCorpus(name))).map(at), EXPECTED[name]);
    });
  }

  it('lianjiang-2020: the inline （一）（二）（三） point at their enclosing 2、; the copies at the originals', () => {
    const messages = lint(readCorpus('lianjiang-2020.txt'));
    const hierarchy = messages.find((m) => m.ruleId === 'numbering-hierarchy')!;
    assert.equal(hierarchy.severity, 'warning');
    assert.deepEqual(hierarchy.related?.map((r) => r.line), [21]);
    const copies = messages.filter((m) => m.ruleId === 'duplicate-paragraph');
    assert.deepEqual(copies.map((m) => [m.line, m.related?.map((r) => r.line)]), [[75, [71]], [76, [72]]]);
  });

  it('liyang-2022: （此件公开发布） after the date is part of the document', () => {
    const text = readCorpus('liyang-2022.txt');
    assert.match(text.split('\n')[39]!, /此件公开发布/);
    assert.ok(!lint(text).some((m) => m.line === 40));
  });

  it('luopu-2022: 三、 with 1.–4. (a level skipped in order) and its numbers are quiet', () => {
    const text = readCorpus('luopu-2022.txt');
    assert.match(text, /1\.5个工作日/);
    assert.match(text, /6\.5万余人次/);
    assert.deepEqual(lint(text), []);
  });

  it('the corpus’s consistent ASCII brackets are quiet by default and reported under preferStandard only', () => {
    for (const name of CORPUS) assert.ok(!lint(readCorpus(name)).some((m) => /Brackets|halfBracket/.test(m.messageId)), name);
  });

  itFixesCorpusCleanly(lint);
});
