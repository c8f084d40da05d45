/**
 * rate-range — a 率 or a share (占…%) above 100% or below zero. A proportion of counts cannot
 * exceed the whole; "调解成功率达102%" is a typo or a swapped numerator and denominator.
 *
 * Rates of change are not proportions: 同比增长150%, 增长率, 增幅, 增速 and the like are left alone,
 * as are rates that may exceed the plan (完成率, 超额完成) or measure money returns. Bounds and
 * approximate values count by their lower end: "100%以上" is fine, "120%以上" is not.
 */
import type { Rule } from '../engine/rule';
import { analyseStatistics } from './support/statistics';

export const rateRange: Rule = {
  meta: {
    id: 'rate-range',
    description: {
      zh: '比率（…率、所占比例）应在 0 到 100% 之间',
      en: 'A proportion (…率, a share) must lie between 0 and 100%',
    },
    defaultSeverity: 'error',
    fixable: false,
    messages: {
      above: {
        zh: '「{what}」为 {stated}，超过 100%：部分不能多于整体',
        en: '“{what}” is {stated}, above 100%: a part cannot exceed the whole',
      },
      negative: {
        zh: '「{what}」为负数（{stated}），比率不能小于 0',
        en: '“{what}” is negative ({stated}); a proportion cannot be below 0',
      },
    },
  },

  check(tree, context) {
    const text = tree.data.text;
    for (const { item, what, negative } of analyseStatistics(tree).outOfRange) {
      const node = item.node;
      const stated = negative ? text.slice(node.numberStart - 1, node.position!.end.offset!) : node.raw;
      context.report({
        messageId: negative ? 'negative' : 'above',
        data: { what, stated },
        position: node.position!,
        computation: {
          expression: negative ? `${stated} < 0%` : `${node.raw} > 100%`,
          value: negative ? -node.value : node.value,
          stated,
        },
      });
    }
  },
};
