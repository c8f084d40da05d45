/** Chinese numerals as they appear in reports: ordinals (十一、), counts (十九名, 两家) and years (二〇二三年). */

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters that may make up a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = '〇零一二两三四五六七八九十百千万亿';

/**
 * Parses a Chinese numeral such as 十, 十一, 二十, 九十九, 一百零五, 三万五千, 二〇二三.
 * Returns undefined when the string is not a well-formed numeral.
 */
export function parseChineseNumeral(s: string): number | undefined {
  if (s.length === 0) return undefined;
  // Digit-by-digit form (二〇二三): only digits, no positional units.
  let positional = true;
  for (const ch of s) if (SMALL_UNITS[ch] !== undefined || BIG_UNITS[ch] !== undefined) positional = false;
  if (positional) {
    if (s.length === 1) return DIGITS[s];
    let v = 0;
    for (const ch of s) {
      const d = DIGITS[ch];
      if (d === undefined || ch === '两') return undefined;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0; // completed 万/亿 groups
  let section = 0; // value below the current big unit
  let digit: number | undefined;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== undefined && d !== 0 && digit !== 0) return undefined; // two digits in a row: 二三十
      digit = d;
      continue;
    }
    const small = SMALL_UNITS[ch];
    if (small !== undefined) {
      section += (digit ?? 1) * small; // 十 alone is 10
      digit = undefined;
      continue;
    }
    const big = BIG_UNITS[ch];
    if (big !== undefined) {
      total += (section + (digit ?? 0)) * big;
      section = 0;
      digit = undefined;
      continue;
    }
    return undefined;
  }
  return total + section + (digit ?? 0);
}

const DIGIT_CHARS = '〇一二三四五六七八九';

/** Writes 1–999 as an ordinal numeral: 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五. */
export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 1000) return String(n);
  if (n < 10) return DIGIT_CHARS[n]!;
  if (n < 20) return '十' + (n % 10 ? DIGIT_CHARS[n % 10] : '');
  if (n < 100) return DIGIT_CHARS[Math.floor(n / 10)] + '十' + (n % 10 ? DIGIT_CHARS[n % 10] : '');
  const rest = n % 100;
  const hundreds = DIGIT_CHARS[Math.floor(n / 100)] + '百';
  if (rest === 0) return hundreds;
  return hundreds + (rest < 10 ? '零' + DIGIT_CHARS[rest] : rest < 20 ? '一' + toChineseNumeral(rest) : toChineseNumeral(rest));
}
