/**
 * part-exceeds-whole — a part larger than the whole it belongs to: a 其中 item above the count it
 * breaks down, or a later stage of a case funnel above an earlier one (受理 ≤ 收到, 调解成功 ≤ 调处,
 * 取得资格 ≤ 参加考试, 化解 ≤ 交办). Such a pair is a typo or two figures from different periods.
 *
 * Units must agree (人, 名 and 位 count alike; 人次 does not). Closed cases (审结, 办结) above
 * accepted ones (受理) can be cases carried over from last year, so that case is only a hint.
 * When a 其中 list may break down several counts together ("20名…和…50名…，其中10名…60名"),
 * the part is compared with their sum. Approximate counts are intervals.
 */
import type { Rule } from '../engine/rule';
import { analyseStatistics, labelled } from './support/statistics';

export const partExceedsWhole: Rule = {
  meta: {
    id: 'part-exceeds-whole',
    description: {
      zh: '部分不应大于整体：“其中”分项、后一办理环节不应多于总数或前一环节',
      en: 'A part must not exceed its whole: a 其中 item, or a later stage of a case funnel',
    },
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      part: {
        zh: '分项大于总数：「{part}」多于其所属的「{whole}」（{expression}）',
        en: 'A part exceeds its whole: “{part}” is more than “{whole}” ({expression})',
      },
      funnel: {
        zh: '后一环节多于前一环节：「{part}」多于「{whole}」（{expression}）',
        en: 'A later stage exceeds an earlier one: “{part}” is more than “{whole}” ({expression})',
      },
      carryOver: {
        zh: '「{part}」多于「{whole}」（{expression}）；如含上年结转，可加以说明',
        en: '“{part}” is more than “{whole}” ({expression}); if it includes cases carried over from last year, say so',
        severity: 'hint',
      },
      wholeHere: { zh: '总数「{whole}」', en: 'whole “{whole}”' },
    },
  },

  check(tree, context) {
    for (const { part, whole, kind } of analyseStatistics(tree).exceeds) {
      const data = { part: labelled(part), whole: labelled(whole), expression: `${part.node.raw} > ${whole.node.raw}` };
      context.report({
        messageId: kind,
        data,
        position: part.node.position!,
        related: [{ position: whole.node.position!, messageId: 'wholeHere', data }],
        computation: { expression: `${part.node.value} > ${whole.node.value}`, value: part.node.value, stated: part.node.raw, whole: whole.node.value },
      });
    }
  },
};
