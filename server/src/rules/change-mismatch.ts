/**
 * change-mismatch — a stated change against a base period that the two figures given contradict:
 * "2007件，同比增长12%（2021年同期2033件）", "由100件增加到150件，增长40%", "较去年减少20件",
 * "增长1.5倍", "翻一番", "基本持平". Readers compare years by these phrases; a wrong one misreports
 * the trend.
 *
 * The base is a count named 去年/上年/同期 or introduced by 由/从; the current figure is a count of
 * the same unit in the same clause group (between semicolons) before the phrase, or after 到/至.
 * Without a base figure ("同比下降56%" alone) the rule is silent. Tolerances: percentages at their
 * written precision (rounded either way or truncated); 基本持平 within ±5%, a bare 持平 within
 * ±2%; 翻一番 ×2 within ±5%; 增长X倍 accepts ×X and ×(X+1), since both readings are in use.
 * Approximate figures are intervals.
 */
import type { Rule } from '../engine/rule';
import { analyseStatistics } from './support/statistics';

export const changeMismatch: Rule = {
  meta: {
    id: 'change-mismatch',
    description: {
      zh: '所写的同比变化应与给出的本期、上期数字一致',
      en: 'A stated change must agree with the current and base-period figures given',
    },
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      mismatch: {
        zh: '所写变化与数字不符：{expression} = {computed}，所写为「{stated}」',
        en: 'The stated change does not match the figures: {expression} = {computed}, stated “{stated}”',
      },
      flat: {
        zh: '「{stated}」与数字不符：{expression} = {computed}，超出 ±{tolerance}%',
        en: '“{stated}” does not match the figures: {expression} = {computed}, beyond ±{tolerance}%',
      },
    },
  },

  check(tree, context) {
    for (const c of analyseStatistics(tree).changes) {
      if (c.verdict !== 'inconsistent') continue;
      context.report({
        messageId: c.kind === 'flat' ? 'flat' : 'mismatch',
        data: { expression: c.computation.expression, computed: c.computed, stated: c.stated, tolerance: c.tolerance ?? '' },
        position: c.position,
        computation: c.computation,
      });
    }
  },
};
