/**
 * repeated-word — a word written twice in a row, the trace of an edit: 行政行政权力, 两法衔接衔接工作,
 * 依法依法行政, 的的.
 *
 * General approach, no list of the slips themselves: any 2–4 Han characters immediately repeated
 * (XYXY, XYZXYZ …) is a candidate, and Chinese reduplication that is grammatical is let through:
 *
 * - AABB and AA forms (明明白白, 家家户户, 常常, 人人, 层层, 处处 in 一处违法、处处受限, 了了) repeat a
 *   single character, which is only ever reported for 的 (的的, but not 的的确确 nor 目的的);
 * - ABAB verbs and adjectives (研究研究, 讨论讨论, 商量商量, 雪白雪白) are listed in REDUPLICATED;
 * - numeral + classifier repeats (一个一个, 一步一步, 一年一年) and anything starting with a numeral
 *   are counting, not slips;
 * - a word whose second copy starts a new word by accident (党组织组织力, 社会组织组织开展) is
 *   listed in OVERLAPS.
 *
 * A hint: what remains after these exceptions is almost always a slip, but Chinese allows more
 * reduplication than any list holds. Fix: delete the second copy.
 */
import type { Rule } from '../engine/rule';
import { PositionMapper } from '../parser/positions';
import { charTable, isHan as hanImport, textScan } from './support/text-scan';

/** Bound once: under the CommonJS transform the tests run with, an imported binding is a getter call, too slow for a per-character loop. */
const isHan = hanImport;

/** ABAB forms that are grammatical reduplication (verbs “try to …”, vivid adjectives). */
export const REDUPLICATED: readonly string[] = [
  '研究研究', '讨论讨论', '商量商量', '考虑考虑', '了解了解', '学习学习', '检查检查', '整理整理', '收拾收拾', '打扫打扫',
  '休息休息', '活动活动', '锻炼锻炼', '比较比较', '交流交流', '沟通沟通', '琢磨琢磨', '思考思考', '总结总结', '练习练习',
  '介绍介绍', '调查调查', '分析分析', '宣传宣传', '反映反映', '关心关心', '帮助帮助', '指导指导', '批评批评', '表扬表扬',
  '雪白雪白', '通红通红', '笔直笔直', '冰凉冰凉', '火红火红', '碧绿碧绿', '漆黑漆黑', '滚烫滚烫', '崭新崭新',
  '谢谢', '哈哈', '嘻嘻',
];

/**
 * XYXY strings where the second XY begins another word: 党组织|组织力, 社会组织|组织开展. Each entry
 * is the repeated part; the character before the first copy must be one of `after`.
 */
export const OVERLAPS: ReadonlyArray<{ repeated: string; after: string }> = [
  { repeated: '组织', after: '党会级层位' }, // 党组织组织力, 社会组织组织, 各级组织组织, 基层组织组织
  { repeated: '领导', after: '党' }, // 党的领导领导…: rare, but 党领导领导 is grammatical
];

/**
 * The one character whose doubling is reported: 的. Other doubled characters are words (人人, 常常)
 * or cross a word boundary (会议|议定, 针对|对象) too often to tell. 的的 is right in 目的的, 标的的,
 * 有的的确 and 的的确确.
 */
const DE = 0x7684;
const DE_RIGHT_AFTER = charTable('目标有');
const DE_RIGHT_BEFORE = charTable('确');

/** Numerals and words that start counting repeats: 一个一个, 每年每年, 几次几次. */
const COUNTING = charTable('一二三四五六七八九十两几每百千万〇零');
const REDUPLICATED_SET = new Set(REDUPLICATED);

export const repeatedWord: Rule = {
  meta: {
    id: 'repeated-word',
    description: {
      zh: '不应有误重复的词语（如“行政行政权力”“的的”），合乎语法的重叠形式除外',
      en: 'No word written twice by mistake (行政行政权力, 的的); grammatical reduplication is fine',
    },
    defaultSeverity: 'hint',
    fixable: true,
    messages: {
      repeated: {
        zh: '词语重复：「{found}」中的「{word}」写了两次，应为「{expected}」',
        en: 'Repeated word: “{word}” is written twice in “{found}”; expected “{expected}”',
      },
      remove: { zh: '删去重复的「{word}」', en: 'Remove the repeated “{word}”' },
    },
  },

  check(tree, context) {
    const text = tree.data.text;
    const mapper = new PositionMapper(tree.data.lineStarts);
    const { passages, repeats, repeatStart } = textScan(tree);
    /** The doubled word at i with up to two characters either side, within its passage, as the message's excerpt. */
    const report = (i: number, length: number, start: number, end: number) => {
      const word = text.slice(i, i + length);
      const from = Math.max(i - 2, start);
      const to = Math.min(i + 2 * length + 2, end);
      context.report({
        messageId: 'repeated',
        data: { found: text.slice(from, to), word, expected: text.slice(from, i + length) + text.slice(i + 2 * length, to) },
        position: mapper.position(i, i + 2 * length),
        fix: { messageId: 'remove', data: { word }, edits: [{ start: i + length, end: i + 2 * length, text: '' }] },
      });
    };
    for (let p = 0; p < passages.length; p++) {
      const { start, end } = passages[p]!;
      let skipUntil = start;
      for (let n = repeatStart[p]!; n < repeatStart[p + 1]!; n++) {
        const i = repeats[n]!;
        if (i < skipUntil) continue;
        const c = text.charCodeAt(i);
        if (c === DE && text.charCodeAt(i - 1) === DE) {
          const s = i - 1;
          const before = text.charCodeAt(s - 1);
          const after = text.charCodeAt(i + 1);
          if (s >= start && !DE_RIGHT_AFTER[before] && before !== DE && !DE_RIGHT_BEFORE[after] && after !== DE) {
            report(s, 1, start, end);
            skipUntil = i + 1;
            continue;
          }
        }
        // The shortest period wins: 衔接衔接 is “衔接” twice, not a four-character word.
        for (let length = 2; length <= 4; length++) {
          const s = i - length;
          if (s < skipUntil || text.charCodeAt(s) !== c || !doubled(text, s, length, end)) continue;
          const until = legitimateUntil(text, s, length);
          if (until < 0) report(s, length, start, end);
          skipUntil = until < 0 ? s + 2 * length : until;
          break;
        }
      }

    }
  },
};

/** Whether text[s, s + length) is Han and repeated right after itself, within the passage. */
function doubled(text: string, s: number, length: number, end: number) {
  if (s + 2 * length > end) return false;
  for (let k = 0; k < length; k++) {
    const c = text.charCodeAt(s + k);
    if (c !== text.charCodeAt(s + length + k) || !isHan(c)) return false;
  }
  return true;
}

/** Where the grammatical repetition starting at s ends, or -1 when the doubling is a slip. */
function legitimateUntil(text: string, s: number, length: number) {
  const word = text.slice(s, s + length);
  const twice = s + 2 * length;
  // XYXYXY… is a chant or a list (加油加油加油), not an editing slip.
  if (text.startsWith(word, twice)) {
    let k = twice;
    while (text.startsWith(word, k)) k += length;
    return k;
  }
  if (COUNTING[text.charCodeAt(s)] || REDUPLICATED_SET.has(text.slice(s, twice))) return twice;
  const before = text[s - 1] ?? '';
  return OVERLAPS.some((o) => o.repeated === word && before !== '' && o.after.includes(before)) ? twice : -1;
}
