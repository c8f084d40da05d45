/**
 * rate-impossible — the GRIM test: with N counted items, a rate written to d decimals must be k/N
 * for some whole k. "交办案件109件，实体性化解率73.4%" passes (80/109 = 73.39%); 73.6% would not,
 * because 80/109 = 73.39% and 81/109 = 74.31% leave nothing between. A rate that no count can
 * produce was miscopied, or computed from another base than the one written.
 *
 * Precision is the rate as written (73.4% → one decimal); rounding either way and truncation are
 * all accepted. The test says nothing, and the rule stays silent, when N ≥ 100·10^d, when a count
 * is approximate, when the rate's own numerator is written (rate-mismatch checks that), or when
 * the count before the rate does not read as a base (受理, 交办, 参加, 共 …). With several such
 * counts in the sentence the rate must fail for all of them.
 */
import type { Rule } from '../engine/rule';
import { analyseStatistics, rateFigures } from './support/statistics';

export const rateImpossible: Rule = {
  meta: {
    id: 'rate-impossible',
    description: {
      zh: '以文中给出的分母，所写比率应能由某个整数分子得到',
      en: 'A stated rate must be achievable as k/N for the count N it is based on',
    },
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      impossible: {
        zh: '以 {denominator} 为分母得不到 {stated}：{expression}，请核对比率或分母',
        en: 'No count out of {denominator} gives {stated}: {expression}; check the rate or its base',
      },
    },
  },

  check(tree, context) {
    for (const rate of analyseStatistics(tree).rates) {
      if (!rate.grim || rate.grim.possible) continue;
      const f = rateFigures(rate)!;
      context.report({
        messageId: 'impossible',
        data: { denominator: rate.grim.denominator.node.value, expression: f.expression, stated: f.stated },
        position: rate.node.position!,
        computation: f.computation,
      });
    }
  },
};
