/**
 * approximation-conflict — two approximation words on one number that contradict or repeat each
 * other: "近2.5万余册" (近 = just under, 余 = just over), "超过100余人", "约100人左右". The number no
 * longer says which side of the figure the truth is on; style guides list these as 语病.
 *
 * Contradictory pairs (one word below the figure, one above) and redundant pairs (two words of the
 * same direction, or 约/左右 with anything) are both reported; the computation shows what each
 * word alone makes of the number.
 */
import type { Rule } from '../engine/rule';
import { analyseStatistics, approxIntervals } from './support/statistics';

const BELOW = new Set(['近', '不足', '不到', '以下', '以内', '不超过']);

export const approximationConflict: Rule = {
  meta: {
    id: 'approximation-conflict',
    description: {
      zh: '同一数字不应同时使用相互矛盾或重复的约数词（近…余、约…左右）',
      en: 'One number must not carry contradictory or repeated approximation words (近…余, 约…左右)',
    },
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      contradictory: {
        zh: '「{raw}」中「{under}」（少于此数）与「{over}」（多于此数）相互矛盾，只能保留一个（{expression}）',
        en: '“{raw}”: “{under}” (below the number) and “{over}” (above it) contradict each other; keep one ({expression})',
      },
      redundant: {
        zh: '「{raw}」中「{first}」与「{second}」重复表示约数，保留其一即可',
        en: '“{raw}”: “{first}” and “{second}” both mark an approximate number; keep one',
      },
    },
  },

  check(tree, context) {
    for (const c of analyseStatistics(tree).conflicts) {
      const computation = approxIntervals(c, tree.data.text);
      const under = BELOW.has(c.first) ? c.first : c.second;
      const over = under === c.first ? c.second : c.first;
      context.report({
        messageId: c.kind,
        data: { raw: c.node.raw, first: c.first, second: c.second, under, over, expression: computation.expression },
        position: c.node.position!,
        computation,
      });
    }
  },
};
