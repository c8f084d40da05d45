/**
 * rate-mismatch — a stated rate (…率为/达 X%, 占 X%) that the counts written around it contradict.
 * "调处了348件，调解成功340件，成功率达97.7%" is checked as 340/348 = 97.70%; the numerator may be
 * the sum of listed parts ("审结101件，其中确认违法4件，责令履行2件，纠错率5.9%" = (4+2)/101).
 *
 * The rate's name picks the numerator: its outcome word (成功, 纠错, 通过, 化解, 办结 …) must appear
 * in the words before a count, or name the parts of one 其中 list. The denominator is the count that
 * list breaks down, or else the nearest earlier count of the same unit that is not smaller. The rule
 * reports only when that reading disagrees and no other pair of counts nearby gives the stated rate;
 * approximate counts are intervals, and a rate is compared at its written precision (rounded either
 * way or truncated). Rates without such counts (出庭应诉率100%, 不低于80%) stay silent.
 *
 * Fix: when the text names exactly one reading of exact counts, replace the stated rate with the
 * computed one at the same precision.
 */
import type { Rule } from '../engine/rule';
import { analyseStatistics, rateFigures } from './support/statistics';

export const rateMismatch: Rule = {
  meta: {
    id: 'rate-mismatch',
    description: {
      zh: '所写比率应与文中给出的分子、分母一致',
      en: 'A stated rate must agree with the counts it is computed from',
    },
    defaultSeverity: 'error',
    fixable: true,
    messages: {
      mismatch: {
        zh: '「{name}率」与所列数字不符：{expression} = {computed}，所写为 {stated}',
        en: '“{name}率” does not match the counts: {expression} = {computed}, stated {stated}',
      },
      shareMismatch: {
        zh: '所占比例与所列数字不符：{expression} = {computed}，所写为 {stated}',
        en: 'The share does not match the counts: {expression} = {computed}, stated {stated}',
      },
      replace: { zh: '改为 {expected}', en: 'Change to {expected}' },
    },
  },

  check(tree, context) {
    for (const rate of analyseStatistics(tree).rates) {
      if (rate.verdict !== 'inconsistent' || !rate.reading) continue;
      const f = rateFigures(rate)!;
      const node = rate.node;
      const fixable = rate.unique && f.expected !== undefined && node.sign !== '百分之' && node.approx.length === 0;
      context.report({
        messageId: rate.kind === 'share' ? 'shareMismatch' : 'mismatch',
        data: { name: rate.name, expression: f.expression, computed: f.computed, stated: f.stated },
        position: node.position!,
        computation: f.computation,
        ...(fixable
          ? {
              fix: {
                messageId: 'replace',
                data: { expected: f.expected! },
                edits: [{ start: node.numberStart, end: node.numberEnd, text: f.expected!.replace(/%$/, '') }],
              },
            }
          : {}),
      });
    }
  },
};
