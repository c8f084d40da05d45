/** Chinese numerals as they appear in reports: ordinals (十一、), counts (十九名, 两家) and years (二〇二三年). */

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
/** Big units, largest first: a numeral is read by splitting at 亿, then at 万. */
const BIG_UNITS: ReadonlyArray<[string, number]> = [['亿', 1e8], ['万', 1e4]];

/** Characters that may make up a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = '〇零一二两三四五六七八九十百千万亿';

const isZero = (ch: string | undefined) => ch === '零' || ch === '〇';

/**
 * Parses a Chinese numeral in its standard forms, returning undefined for anything else:
 *
 * - digit by digit, as years are written: 二〇二三, 二零二三;
 * - with units: 十一, 二十, 一百零五, 一千零一十, 三万五千, 一亿五千万, 一万亿. One 零 (or 〇) stands for
 *   the places a number skips (一千零五, 一万零五百) and only where it skips one (一百零十 is not a
 *   numeral); 十 at the start of a group stands for 一十 (十五, 十万, 一千零十, 一万零十五);
 * - abbreviated: a last digit right after 百, 千, 万 or 亿 counts one place lower (三百五 = 350,
 *   一万二 = 12000);
 * - 两 only before 百, 千, 万, 亿 or alone (两百, 两万, 两); 两十 and 十两 are not numerals.
 *
 * A bare 百, 千, 万 or 亿 is not a numeral here: counts such as 百余人 are read by the inline scanner.
 */
export function parseChineseNumeral(s: string): number | undefined {
  if (s.length === 0) return undefined;
  if (s.length === 1) return DIGITS[s] ?? (s === '十' ? 10 : undefined);
  let hasUnit = false;
  for (const ch of s) {
    if (DIGITS[ch] !== undefined) continue;
    if (SMALL_UNITS[ch] === undefined && ch !== '万' && ch !== '亿') return undefined;
    hasUnit = true;
  }
  if (!hasUnit) {
    // Digit by digit (二〇二三). 两 is never written this way.
    let v = 0;
    for (const ch of s) {
      if (ch === '两') return undefined;
      v = v * 10 + DIGITS[ch]!;
    }
    return v;
  }
  return readBig(s, 0);
}

/**
 * A numeral below the big unit BIG_UNITS[level - 1] (below 10^16 at level 0). `beforeBig`: the
 * numeral is itself followed by a big unit, where 两 alone may end it (两万, 两亿).
 */
function readBig(s: string, level: number, beforeBig = false): number | undefined {
  if (level === BIG_UNITS.length) return readGroup(s, beforeBig);
  const [unitChar, unit] = BIG_UNITS[level]!;
  const at = s.indexOf(unitChar);
  if (at < 0) return readBig(s, level + 1, beforeBig);
  const head = s.slice(0, at);
  const tail = s.slice(at + 1);
  if (tail.includes(unitChar)) return undefined; // 一万二万
  // Below 亿 the head may itself hold 万 (一万亿).
  const headValue = readBig(head, level + 1, true);
  if (headValue === undefined || headValue === 0) return undefined; // 万 alone, 零万
  const tailValue = readTail(tail, unit, level + 1, beforeBig);
  return tailValue === undefined ? undefined : headValue * unit + tailValue;
}

/** What follows a big unit: nothing, an abbreviated digit (一万五), 零 and a smaller number, or the next place down. */
function readTail(tail: string, unit: number, level: number, beforeBig: boolean): number | undefined {
  if (tail === '') return 0;
  const next = unit / 10;
  if (tail.length === 1 && !isZero(tail) && tail !== '两') {
    const d = DIGITS[tail];
    return d === undefined ? undefined : d * next;
  }
  if (isZero(tail[0])) {
    const v = readBig(tail.slice(1), level, beforeBig);
    // 零 stands for skipped places only: 一万零五百, not 一万零五千.
    return v !== undefined && v > 0 && v < next ? v : undefined;
  }
  const v = readBig(tail, level, beforeBig);
  // Without 零 the next place must be there: 一万五千, not 一万五百.
  return v !== undefined && v >= next ? v : undefined;
}

/**
 * A numeral below 万: places 千 百 十 and a last digit, in descending order, with 零 for skipped
 * places. `beforeBig`: the group stands before 万 or 亿, where 两 alone may end it (两万).
 */
function readGroup(s: string, beforeBig: boolean): number | undefined {
  if (s.length === 0) return undefined;
  let value = 0;
  let place = 1e4; // the place of the last part read
  let i = 0;
  while (i < s.length) {
    const zero = isZero(s[i]);
    if (zero) {
      if (i === 0) return undefined; // a group starts with a digit or 十
      i++;
    }
    const ch = s[i];
    const digit = ch !== undefined && !isZero(ch) ? DIGITS[ch] : undefined;
    if (digit !== undefined) i++;
    const small = s[i] !== undefined ? SMALL_UNITS[s[i]!] : undefined;
    if (small !== undefined) i++;
    if (digit === undefined && small === undefined) return undefined; // 零零, 零 at the end, 十百
    if (small === undefined) {
      // The last digit.
      if (i !== s.length) return undefined; // 二三十
      if (ch === '两' && !(beforeBig && value === 0)) return undefined; // 十两
      if (zero) {
        if (place < 100) return undefined; // 二十零五
        return value + digit!;
      }
      if (value === 0) return digit!;
      // 三百五 is 350: right after 百 or 千 the digit counts one place lower.
      return value + digit! * (place / 10);
    }
    if (small >= place) return undefined; // 十百, 一百二百
    if (zero ? small * 10 >= place : value > 0 && small * 10 !== place) return undefined; // 一百零十, 一千五十
    if (digit === undefined && (small !== 10 || (value > 0 && !zero))) return undefined; // 百 alone, 一百十五
    if (ch === '两' && small === 10) return undefined; // 两十
    value += (digit ?? 1) * small;
    place = small;
  }
  return value;
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
