/**
 * The report parts and metadata rules on the five corpus reports: every must-find item of
 * EXPECTED.md that these rules own is found (rule, line, severity), nothing they report on a
 * must-not-flag item reaches warning or error, and the parts are where EXPECTED.md says.
 */
import { strict as assert } from 'node:assert';
import { lintText } from '../../server/src/engine/lint';
import type { LintMessage } from '../../server/src/engine/rule';
import { parse } from '../../server/src/parser';
import { reportDate } from '../../server/src/rules/report-date';
import { reportSignature } from '../../server/src/rules/report-signature';
import { reportTitle } from '../../server/src/rules/report-title';
import { reportYear } from '../../server/src/rules/report-year';
import { requiredSection } from '../../server/src/rules/required-section';
import { findReportParts, type ReportPartId } from '../../server/src/rules/support/report-parts';
import { readCorpus } from '../support/golden';

const RULES = [requiredSection, reportYear, reportDate, reportTitle, reportSignature];

const findings = (name: string): LintMessage[] => lintText(readCorpus(name), { rules: RULES }).messages;
const loud = (messages: LintMessage[]) =>
  messages.filter((m) => m.severity === 'warning' || m.severity === 'error').map((m) => `${m.line} ${m.ruleId}/${m.messageId} ${m.message}`);

function assertFound(messages: LintMessage[], rule: string, line: number, severity: LintMessage['severity'], messageId?: string): LintMessage {
  const found = messages.find((m) => m.ruleId === rule && m.line === line && (!messageId || m.messageId === messageId));
  assert.ok(found, `expected ${rule}${messageId ? '/' + messageId : ''} at line ${line}; got:\n${messages.map((m) => `  ${m.line} ${m.ruleId}/${m.messageId}`).join('\n')}`);
  assert.equal(found.severity, severity, `${rule} at line ${line}`);
  return found;
}

/** Part id → [line, unnumbered] as findReportParts sees it. */
function partLines(name: string): Partial<Record<ReportPartId, [number, boolean]>> {
  const { parts } = findReportParts(parse(readCorpus(name)));
  const out: Partial<Record<ReportPartId, [number, boolean]>> = {};
  for (const [id, part] of Object.entries(parts)) out[id as ReportPartId] = [part!.position.start.line, part!.unnumbered];
  return out;
}

describe('corpus: report parts and metadata', () => {
  describe('luopu-2022', () => {
    const messages = findings('luopu-2022.txt');
    it('finds the missing title (hint)', () => assertFound(messages, 'report-title', 1, 'hint', 'missingTitle'));
    it('finds the missing organ and date, at the end of the text (hint)', () => assertFound(messages, 'report-signature', 19, 'hint', 'missingSignature'));
    it('item 3 is line 3; report year 2022 and plans 2023 agree: nothing at warning or error', () => {
      assert.deepEqual(loud(messages), []);
      assert.deepEqual(partLines('luopu-2022.txt'), { measures: [2, false], shortcomings: [12, false], leaderDuty: [3, false], plans: [15, false] });
      const { reportYear, plansYear } = findReportParts(parse(readCorpus('luopu-2022.txt')));
      assert.deepEqual([reportYear, plansYear], [2022, 2023]);
    });
  });

  describe('liyang-2022', () => {
    const messages = findings('liyang-2022.txt');
    it('all four items present, two of them unnumbered (lines 30, 31): no missing-section warning', () => {
      assert.deepEqual(loud(messages), []);
      assert.deepEqual(partLines('liyang-2022.txt'), { measures: [7, false], shortcomings: [30, true], leaderDuty: [9, false], plans: [31, true] });
    });
    it('the unnumbered shortcomings and plans among 一、–六、 are worth a hint', () => {
      assertFound(messages, 'required-section', 30, 'hint', 'unnumberedShortcomings');
      assertFound(messages, 'required-section', 31, 'hint', 'unnumberedPlans');
    });
    it('dated 2023年1月10日 for 2022, plans about 2023: fine', () => {
      assert.deepEqual(messages.filter((m) => m.ruleId === 'report-date' || m.ruleId === 'report-year'), []);
      const { reportYear, plansYear } = findReportParts(parse(readCorpus('liyang-2022.txt')));
      assert.deepEqual([reportYear, plansYear], [2022, 2023]);
    });
  });

  describe('beibei-town-2019', () => {
    const messages = findings('beibei-town-2019.txt');
    it('finds the missing title and the missing organ and date (hints)', () => {
      assertFound(messages, 'report-title', 1, 'hint', 'missingTitle');
      assertFound(messages, 'report-signature', 45, 'hint', 'missingSignature');
    });
    it('item 3 inside （八） at line 32; 2019 report with 2020 plans: nothing at warning or error', () => {
      assert.deepEqual(loud(messages), []);
      assert.deepEqual(partLines('beibei-town-2019.txt'), { measures: [2, false], shortcomings: [34, false], leaderDuty: [32, false], plans: [40, false] });
      const { reportYear, plansYear } = findReportParts(parse(readCorpus('beibei-town-2019.txt')));
      assert.deepEqual([reportYear, plansYear], [2019, 2020]);
    });
  });

  describe('zaoyang-2023', () => {
    const messages = findings('zaoyang-2023.txt');
    it('item 3 missing: 第一责任人 only in 七、下一步打算 (line 35) — warning, pointing at line 35', () => {
      const m = assertFound(messages, 'required-section', 29, 'warning', 'leaderDutyOnlyPlanned');
      assert.deepEqual(m.related?.map((r) => r.line), [35]);
      assert.ok(m.fix, 'offers to insert the part');
      assert.equal(partLines('zaoyang-2023.txt').leaderDuty, undefined);
    });
    it('the only warning is that one; dated 2024年2月22日 for 2023 is fine; the title is complete', () => {
      assert.deepEqual(loud(messages).map((m) => m.split(' ').slice(0, 2).join(' ')), ['29 required-section/leaderDutyOnlyPlanned']);
      assert.deepEqual(messages.filter((m) => ['report-date', 'report-year', 'report-title', 'report-signature'].includes(m.ruleId)), []);
    });
  });

  describe('lianjiang-2020', () => {
    const messages = findings('lianjiang-2020.txt');
    it('finds the closing date 2020年12月15日 inside the reported year (hint)', () => {
      const m = assertFound(messages, 'report-date', 179, 'hint', 'closingWithinYear');
      assert.match(m.message, /2020年12月15日/);
    });
    it('item 3 at line 169, plans about 2021: nothing at warning or error', () => {
      assert.deepEqual(loud(messages), []);
      assert.deepEqual(partLines('lianjiang-2020.txt'), { measures: [2, false], shortcomings: [171, false], leaderDuty: [169, false], plans: [174, false] });
      const { reportYear, plansYear } = findReportParts(parse(readCorpus('lianjiang-2020.txt')));
      assert.deepEqual([reportYear, plansYear], [2020, 2021]);
    });
  });
});
