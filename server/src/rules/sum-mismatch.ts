/**
 * sum-mismatch — a total that its listed parts do not add up to: "A、B、C共N", "共收件117件…受理
 * 51件…不予受理34件…告知书32件", "受理51件，其中维持12件，撤销25件…". Totals are what readers quote;
 * a total that disagrees with its own breakdown makes every figure around it doubtful.
 *
 * Breakdowns nest (117 = 51+34+32 and 51 = 12+2+…): the parts of an inner 其中 list are not parts
 * of the outer total. A list ends at ；, at a rate, or where a run of its parts already adds up (the
 * rest begins a new topic); a count restated later (尚有2件正在审理 after 未审结2件) is not counted
 * twice. A list in several units counts as one when it sums that way (来信396件、来访683批、网上信访
 * 928件 = 2007件); 来访683批950人次 is one item measured twice. Approximate counts are intervals.
 *
 * Severity: error when the list is plainly complete (A、B、C共N; 其余/另 closing a 其中 list) and no
 * reading adds up. Warning when a subset of the parts gives the total (22+32+243 ≠ 275 but 32+243 =
 * 275: the reader cannot tell what the total covers), when the parts fall short (a category may be
 * missing), or when 其中 parts add up to more than the whole (they may overlap). A 其中 list that
 * falls short is normal (其中 names only some parts) and is not reported.
 */
import type { Rule, Severity } from '../engine/rule';
import { analyseStatistics, totalFigures } from './support/statistics';

export const sumMismatch: Rule = {
  meta: {
    id: 'sum-mismatch',
    description: {
      zh: '总数应等于所列分项之和',
      en: 'A total must equal the sum of its listed parts',
    },
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      mismatch: {
        zh: '分项之和与总数不符：{expression} = {sum}，所写总数为 {whole}',
        en: 'The parts do not add up to the total: {expression} = {sum}, stated total {whole}',
      },
      subset: {
        zh: '分项之和与总数不符：{expression} = {sum}，所写总数为 {whole}；而 {subset} = {subsetSum}，请写明总数包含哪些项',
        en: 'The parts do not add up to the total: {expression} = {sum}, stated total {whole}; but {subset} = {subsetSum} — say which items the total covers',
        severity: 'warning',
      },
      short: {
        zh: '分项之和少于总数：{expression} = {sum}，所写总数为 {whole}；如有未列出的类别，请补充',
        en: 'The parts fall short of the total: {expression} = {sum}, stated total {whole}; list any category left out',
        severity: 'warning',
      },
      exceeds: {
        zh: '“其中”各项之和超过总数：{expression} = {sum}，总数为 {whole}；如各项有交叉，请加以说明',
        en: 'The parts listed after 其中 add up to more than the whole: {expression} = {sum}, whole {whole}; say so if they overlap',
        severity: 'warning',
      },
    },
  },

  check(tree, context) {
    for (const b of analyseStatistics(tree).breakdowns) {
      if (b.verdict !== 'inconsistent' || !b.finding) continue;
      const f = totalFigures(b);
      // A list closed by 另 is tied to its whole only by 这/该: the reading is likely, not certain.
      const severity: Severity | undefined = b.kind === 'rest' ? 'warning' : undefined;
      context.report({
        messageId: b.finding,
        data: { expression: f.expression, sum: f.sum, whole: f.whole, subset: f.subset ?? '', subsetSum: f.subsetSum ?? '' },
        position: b.whole.node.position!,
        computation: f.computation,
        ...(severity ? { severity } : {}),
      });
    }
  },
};
