/**
 * The statistics rules on the five corpus reports, against EXPECTED.md: every statistics item under
 * "Must find" is reported at its line and severity, every "Must not flag" item stays below warning,
 * and nothing else is reported at warning or error.
 */
import { strict as assert } from 'node:assert';
import { lintText } from '../../server/src/engine/lint';
import { SEVERITY_RANK, type LintMessage } from '../../server/src/engine/rule';
import { parse } from '../../server/src/parser';
import { approximationConflict } from '../../server/src/rules/approximation-conflict';
import { changeMismatch } from '../../server/src/rules/change-mismatch';
import { partExceedsWhole } from '../../server/src/rules/part-exceeds-whole';
import { rateImpossible } from '../../server/src/rules/rate-impossible';
import { rateMismatch } from '../../server/src/rules/rate-mismatch';
import { rateRange } from '../../server/src/rules/rate-range';
import { sumMismatch } from '../../server/src/rules/sum-mismatch';
import { explainStatistics } from '../../server/src/rules/support/statistics';
import { CORPUS, readCorpus } from '../support/golden';

const STATISTICS = [rateMismatch, rateImpossible, rateRange, sumMismatch, partExceedsWhole, approximationConflict, changeMismatch];

const findings = new Map<string, LintMessage[]>();
function messages(report: string): LintMessage[] {
  let m = findings.get(report);
  if (!m) {
    m = lintText(readCorpus(report), { rules: STATISTICS }).messages;
    findings.set(report, m);
  }
  return m;
}
const loud = (report: string) => messages(report).filter((m) => SEVERITY_RANK[m.severity] >= SEVERITY_RANK.warning);
const show = (m: LintMessage) => `${m.line}:${m.column} ${m.ruleId} ${m.severity} ${m.message}`;

interface MustFind {
  report: string;
  line: number;
  rule: string;
  severity: string;
  what: string;
}

const MUST_FIND: MustFind[] = [
  { report: 'lianjiang-2020.txt', line: 33, rule: 'sum-mismatch', severity: 'warning', what: '22+32+243 = 297 ≠ 275 (32+243 = 275)' },
  { report: 'lianjiang-2020.txt', line: 148, rule: 'approximation-conflict', severity: 'warning', what: '近2.5万余册' },
];

/** [report, line, what] — correct statistics that must not be flagged at warning or error. */
const MUST_NOT_FLAG: Array<[string, number, string]> = [
  ['beibei-town-2019.txt', 25, '调处了348件，调解成功340件，成功率达97.7%'],
  ['beibei-town-2019.txt', 17, '行政处罚14件 … 检查后处罚9件'],
  ['liyang-2022.txt', 21, '纠错率5.9% = (4+2)/101; 实质性化解率46.5% = 47/101; 收到98件 ≥ 受理77件; 审结101 > 受理77 (hint at most); 出庭应诉率100%, 执行率100%'],
  ['liyang-2022.txt', 23, '9000余次, 11327件, 95%以上, 调解成功率达100%'],
  ['liyang-2022.txt', 25, '2007 = 396+683+928; 基本持平 (−1.3%); 73.4% of 109; 同比下降56% without a base'],
  ['lianjiang-2020.txt', 143, '117 = 51+34+32; 51 = 12+2+4+25+2+4+2; 尚有2件 not counted twice'],
  ['lianjiang-2020.txt', 138, '1399/1399 = 100%'],
  ['lianjiang-2020.txt', 8, '不低于80%'],
  ['lianjiang-2020.txt', 43, '不少于5个工作日, 不超过15个工作日'],
  ['lianjiang-2020.txt', 48, 'bounds without counts'],
  ['lianjiang-2020.txt', 131, '率达100%, 5%以下'],
  ['lianjiang-2020.txt', 73, '集体讨论率达到100%'],
  ['zaoyang-2023.txt', 15, '162 = 31+131'],
  ['zaoyang-2023.txt', 27, '46 … 其中未履行或部分履行3件 … 已履行2件，另1件'],
  ['zaoyang-2023.txt', 23, '558个村(社区) … 1200人'],
  ['luopu-2022.txt', 3, '20名 + 50名 = 70; 10名现场述法 + 60名书面述法 = 70'],
  ['luopu-2022.txt', 8, '343名参加考试, 336人取得资格'],
  ['luopu-2022.txt', 11, '6314人次, 8600余人, 6.5万余人次'],
];

describe('statistics rules on the corpus', () => {
  for (const f of MUST_FIND) {
    it(`finds ${f.report}:${f.line} ${f.rule} — ${f.what}`, () => {
      const hit = messages(f.report).find((m) => m.line === f.line && m.ruleId === f.rule);
      assert.ok(hit, `not found; messages were:\n${messages(f.report).map(show).join('\n')}`);
      assert.equal(hit.severity, f.severity);
      assert.ok(hit.computation, 'the finding carries its computation');
    });
  }

  for (const [report, line, what] of MUST_NOT_FLAG) {
    it(`leaves ${report}:${line} alone — ${what}`, () => {
      assert.deepEqual(loud(report).filter((m) => m.line === line).map(show), []);
    });
  }

  for (const report of CORPUS) {
    it(`reports nothing else at warning or error in ${report}`, () => {
      const expected = MUST_FIND.filter((f) => f.report === report).map((f) => `${f.line} ${f.rule}`).sort();
      assert.deepEqual(loud(report).map((m) => `${m.line} ${m.ruleId}`).sort(), expected, loud(report).map(show).join('\n'));
    });
  }

  it('offers at most a hint for 审结101件 above 受理77件 (carry-over)', () => {
    const at21 = messages('liyang-2022.txt').filter((m) => m.line === 21);
    assert.deepEqual(at21.map((m) => `${m.ruleId} ${m.severity}`), ['part-exceeds-whole hint']);
  });

  it('explains the corpus statistics for the hover', () => {
    const lines = (report: string) => explainStatistics(parse(readCorpus(report))).map((e) => `${e.position.start.line} ${e.verdict} ${e.text.zh}`);
    assert.ok(lines('beibei-town-2019.txt').includes('25 consistent 340/348 = 97.70%，与所写 97.7% 一致'));
    const liyang = lines('liyang-2022.txt');
    for (const text of [
      '21 consistent (4+2)/101 = 5.94%，与所写 5.9% 一致',
      '21 consistent 47/101 = 46.53%，与所写 46.5% 一致',
      '25 consistent 396件+683批+928件 = 2007，与 2007 一致',
      '25 consistent (2007−2033)/2033 = −1.28%，与「基本持平」相符',
      '25 consistent 以 109 为分母，80/109 = 73.39%，与所写 73.4% 相符',
    ]) assert.ok(liyang.includes(text), `${text}\nnot in:\n${liyang.join('\n')}`);
    const lianjiang = lines('lianjiang-2020.txt');
    for (const text of [
      '143 consistent 51+34+32 = 117，与 117 一致',
      '143 consistent 12+2+4+25+2+4+2 = 51，与 51 一致',
      '138 consistent 1399/1399 = 100.00%，与所写 100% 一致',
      '33 inconsistent 22+32+243 = 297，所写总数为 275；其中 32+243 = 275',
    ]) assert.ok(lianjiang.includes(text), `${text}\nnot in:\n${lianjiang.join('\n')}`);
    assert.ok(lines('zaoyang-2023.txt').includes('15 consistent 31+131 = 162，与 162 一致'));
    assert.ok(lines('luopu-2022.txt').includes('3 consistent 10+60 = 70，与 20+50 = 70 一致'));
  });
});
