/**
 * Inline scanner: finds quantities (348件, 6.5万余人次, 十九名), percentages (97.7%, 百分之九十)
 * and dates (2023年1月10日, 3—8月, 2024-03-14 08:45) inside a stretch of report text.
 *
 * Design:
 * - One forward pass over text[from, to). Every helper either looks ahead or behind by a bounded
 *   number of characters, or consumes the run it reads, so the scan is linear on any input
 *   (a 1 MB line of digits is one over-long identifier run, read once and skipped).
 * - The result depends only on text[from, to): context checks (第, quotes, brackets) never look
 *   outside the range, so scanning a slice gives the same tokens as scanning the whole text.
 * - When a number is part of an identifier (document numbers 〔2023〕10号, “12·4”, 1+1+N, phone
 *   numbers, 12345 hotlines, (2022版)) no token is produced: a missing quantity is harmless to
 *   the statistics rules, an invented one produces false alarms.
 * - Multipliers (千 万 亿) are folded into the value and removed from the unit:
 *   5万元 → value 50000, unit 元; 6.5万余人次 → 65000, 人次. types.ts documents the same choice.
 * - Open ranges "2—3人" / "15～30%": the first number has no unit of its own, so it is emitted as
 *   a bare quantity (unit '', no suffix approximation words) and the second number carries the unit
 *   (or is the percentage). Date ranges (3—8月, 2021—2025年, 4月19日-20日) are one date token.
 * - Intervals: see interval() below.
 */
import type { ApproxWord, DateNode, Percentage, Quantity } from './types';
import { parseChineseNumeral } from './numerals';

export type InlineNode = Omit<Quantity, 'position'> | Omit<Percentage, 'position'> | Omit<DateNode, 'position'>;
export interface InlineToken {
  node: InlineNode;
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------
// Word lists

/**
 * Units after a number, matched longest first (个工作日 before 个, 人次 before 人).
 * 月 is deliberately absent: N月 is a date. 元 stands alone because 万/亿 are multipliers.
 * 千米/千克/千瓦/百分点 are listed so that their first character is not read as a multiplier.
 * 届 is left out: 十九届 and 第七届 are ordinals.
 */
const UNITS: readonly string[] = [
  '个工作日', '个百分点', '千瓦时', '平方公里', '平方米',
  '工作日', '百分点', '个小时', '个月', '千米', '千克', '千瓦', '公里', '公顷',
  '人次', '场次', '件次', '条次', '户次', '批次', '班次', '车次', '架次', '期次', '课时', '学时',
  '小时', '分钟', '周岁',
  '元', '件', '人', '名', '个', '家', '项', '份', '场', '次', '条', '批', '户', '册', '部', '本',
  '篇', '期', '起', '宗', '位', '支', '所', '座', '台', '套', '处', '类', '天', '日', '年', '周',
  '岁', '种', '门', '轮', '间', '张', '辆', '亩', '吨', '倍', '分', '米', '卷', '页', '盏',
];

/** A lone 一 is usually part of a word (统一, 一体, 一站式); count it only before these units. */
const UNITS_FOR_LONE_YI = new Set(['件', '名', '人', '次', '项', '场', '份', '个', '位', '户', '条', '篇', '部', '本', '册', '天']);

/** Units that turn a Chinese numeral into a word rather than a count: 十分 (very), 一分为二. */
const UNITS_NOT_AFTER_CHINESE = new Set(['分', '米']);

/** Written before the number; longest first so 不超过 is not read as 超过, nor 超过 as 超. */
const PREFIX_APPROX: readonly ApproxWord[] = ['不少于', '不低于', '不超过', '超过', '不足', '不到', '近', '约', '超', '逾'];

/**
 * 最近3年 and 签约3家 are not approximations: the prefix character belongs to a word.
 * 将近 and 接近 are approximations and read as 近.
 */
const PREFIX_BLOCKERS: Partial<Record<ApproxWord, ReadonlySet<number>>> = {
  近: charSet('最附就邻亲靠贴'),
  约: charSet('签履预合公特节制邀违守相契条集简婚失赴爽誓践密'),
  超: charSet('赶高'),
};

/** Written between the number and the multiplier or unit. */
const INNER_APPROX: readonly ApproxWord[] = ['余', '多'];

/** Written after the unit (or after the number when there is none). */
const POST_APPROX: readonly ApproxWord[] = ['以上', '以下', '以内', '左右'];

/** Multipliers after an Arabic number, as powers of ten. 百 counts only in 百万/百亿. */
const MULTIPLIER_EXP: Record<string, number> = { 百: 2, 千: 3, 万: 4, 亿: 8 };

/** Range dashes: — – － - ~ ～ 至 (a doubled —— is accepted too). */
const DASHES = charSet('—–－-~～至');

/** Chinese numeral characters (as in numerals.ts). */
const CN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CN_SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const CN_BIG: Record<string, number> = { 万: 1e4, 亿: 1e8 };

const OPEN_BRACKETS = charSet('〔[［(（【');
const CLOSE_BRACKETS = charSet('〕]］)）】');
const OPEN_QUOTES = charSet('“"「『‘\'');
const CLOSE_QUOTES = charSet('”"」』’\'');
/** Characters after a number that glue it into an identifier: 1+1+N, 4·8, “12·4”, 08:45, 1/3. */
const ID_GLUE_CHARS = '+＋·•・_#/:：';
const ID_GLUE = charSet(ID_GLUE_CHARS);
/** The same before a number; a colon is left out because 日期:2024-03-14 is common. */
const ID_GLUE_BEFORE = charSet('+＋·•・_#');
/** What an identifier run may contain once we decided to skip it. */
const ID_RUN = charSet(ID_GLUE_CHARS + '.-．－');
/** Words that make the number before them an identifier: 10号, 2022版, 73127部队, 12345热线. */
const ID_FOLLOWERS: readonly string[] = ['号', '版', '部队', '热线', '专线'];
/** Festival-style names written as month.day without the 间隔号: 3.15消费者权益日, 12.4宪法日. */
const NAME_DAY_ENDINGS = charSet('日节周');
const DECIMAL_POINTS = charSet('.．');
const PERCENT_SIGNS = charSet('%％');
const COUNTING_SUFFIX_START = charSet('%％余多万亿');
const BIG_MULTIPLIERS = charSet('万亿');
const COLONS = charSet(':：');
const SPACES = charSet(' \t\u00a0\u3000');
/** After a number without unit: 1、 1. 1) are list markers. */
const MARKER_ENDS = charSet('、.．)）');
const MONTH_END = charSet('月');
/** A date's first number is followed by one of these: 2022年, 7月, 2024-03-14, 3—8月. */
const DATE_FOLLOWERS = charSet('年月-./—–－~～至');
const VAGUE_BEFORE_CHINESE = charSet('数几');
const INNER_APPROX_CHARS = charSet(INNER_APPROX.join(''));
const POST_APPROX_STARTS = charSet(POST_APPROX.map((w) => w[0]).join(''));
const DAY_END = charSet('日号');
const DATE_UNITS = charSet('年月日号');

const MAX_INT_DIGITS = 15; // longer runs are identifiers, and would lose precision anyway
const MAX_FRAC_DIGITS = 8;
const MAX_CN_RUN = 12; // 一亿二千三百四十五万 fits; longer runs are not numerals
const MAX_THOUSANDS_GROUPS = 4; // also bounds the re-scan when a comma turns out to be a clause comma
const NAME_DAY_LOOKAHEAD = 8;

// ---------------------------------------------------------------------------------------------
// Character classes

const K_NONE = 0;
const K_DIGIT = 1;
const K_CN = 2;
const CLASS = new Uint8Array(0x10000);
for (let c = 0x30; c <= 0x39; c++) CLASS[c] = K_DIGIT;
for (let c = 0xff10; c <= 0xff19; c++) CLASS[c] = K_DIGIT;
for (const ch of '〇零一二两三四五六七八九十百千万亿') CLASS[ch.charCodeAt(0)] = K_CN;

function charSet(chars: string): ReadonlySet<number> {
  return new Set(Array.from(chars, (ch) => ch.charCodeAt(0)));
}

function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10;
  return -1;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isCnNumeral(c: number): boolean {
  return c >= 0 && CLASS[c] === K_CN;
}

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

function daysInMonth(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined || isLeap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Removes binary noise (110.00000000000001) that would make 110 ≠ 110. */
function tidy(x: number): number {
  if (Number.isInteger(x) || !Number.isFinite(x)) return x; // the common case, and toPrecision is slow
  return Number(x.toPrecision(12));
}

const POW10: readonly number[] = Array.from({ length: 61 }, (_, k) => Number('1e' + (k - 30)));

/** Exact decimal powers (1e-1 is the double nearest 0.1, unlike 1 / 10 ** 1 chains). */
function pow10(n: number): number {
  return POW10[n + 30] ?? Number('1e' + n);
}

// ---------------------------------------------------------------------------------------------
// Intervals

/**
 * The interval a written number stands for. `place` is the place value of its last significant
 * written digit (8600 → 100, 2.5万 → 1000, 97.7% → 0.1).
 *   余 多                 just over:  (v, v + place]
 *   近 不足 不到            just under: [v − place, v)
 *   约 左右                ±10 %
 *   以上 不少于 不低于       [v, ∞)   以上/以下/以内 include the number, as in legal usage;
 *   超 超过 逾             (v, ∞)   超过/不足 exclude it.
 *   以下 以内 不超过         [0, v]
 * Several words are intersected. When they exclude each other (近…余, 超过…以下) the union is
 * returned instead, and another rule reports the contradiction. Open ends only matter for that
 * decision; the result is reported as closed [low, high].
 */
export function interval(value: number, place: number, approx: readonly ApproxWord[]): { low: number; high: number } {
  if (approx.length === 0) return { low: tidy(value), high: tidy(value) };
  let acc = wordInterval(value, place, approx[0]!);
  let union: Bounds | undefined;
  for (let k = 1; k < approx.length; k++) {
    const next = wordInterval(value, place, approx[k]!);
    const both = intersect(acc, next);
    if (union || both === undefined) union = hull(union ?? acc, next);
    else acc = both;
  }
  const result = union ?? acc;
  return { low: tidy(result.low), high: tidy(result.high) };
}

interface Bounds {
  low: number;
  high: number;
  lowOpen: boolean;
  highOpen: boolean;
}

function bounds(low: number, high: number, lowOpen = false, highOpen = false): Bounds {
  return { low, high, lowOpen, highOpen };
}

function wordInterval(v: number, place: number, word: ApproxWord): Bounds {
  switch (word) {
    case '余':
    case '多':
      return bounds(v, v + place, true, false);
    case '近':
    case '不足':
    case '不到':
      return bounds(Math.max(0, v - place), v, false, true);
    case '约':
    case '左右':
      return bounds(v - v / 10, v + v / 10);
    case '以上':
    case '不少于':
    case '不低于':
      return bounds(v, Infinity, false, true);
    case '超':
    case '超过':
    case '逾':
      return bounds(v, Infinity, true, true);
    case '以下':
    case '以内':
    case '不超过':
      return bounds(0, v);
  }
}

function intersect(a: Bounds, b: Bounds): Bounds | undefined {
  const low = Math.max(a.low, b.low);
  const high = Math.min(a.high, b.high);
  const lowOpen = (a.low === low && a.lowOpen) || (b.low === low && b.lowOpen);
  const highOpen = (a.high === high && a.highOpen) || (b.high === high && b.highOpen);
  if (low > high || (low === high && (lowOpen || highOpen))) return undefined;
  return bounds(low, high, lowOpen, highOpen);
}

function hull(a: Bounds, b: Bounds): Bounds {
  return bounds(Math.min(a.low, b.low), Math.max(a.high, b.high));
}

// ---------------------------------------------------------------------------------------------
// Lexed pieces

interface ArabicNumber {
  start: number;
  end: number;
  /** Integer part with thousands separators removed; at most 15 digits, so exact. */
  int: number;
  intLength: number;
  /** Digits after the decimal point as written ('' for integers); kept as text for the precision. */
  frac: string;
}

/** All fields are always present (undefined when absent) so every DateParts has one shape. */
interface DateParts {
  year: number | undefined;
  endYear: number | undefined;
  month: number | undefined;
  endMonth: number | undefined;
  day: number | undefined;
  endDay: number | undefined;
  /** Most and least significant field present: 0 year, 1 month, 2 day. */
  top: number;
  bottom: number;
  ranged: boolean;
  timeValid: boolean;
  end: number;
}

interface Field {
  value: number;
  end: number;
  chinese: boolean;
}

interface RangedField {
  value: number;
  endValue?: number;
  end: number;
  chinese: boolean;
}

const UNITS_BY_FIRST = new Map<number, string[]>();
for (const u of UNITS) {
  const list = UNITS_BY_FIRST.get(u.charCodeAt(0)) ?? [];
  list.push(u);
  UNITS_BY_FIRST.set(u.charCodeAt(0), list);
}
for (const list of UNITS_BY_FIRST.values()) list.sort((a, b) => b.length - a.length);

// ---------------------------------------------------------------------------------------------
// Scanner

class Scanner {
  readonly out: InlineToken[] = [];
  /** Approximation prefixes are looked for only after the previous token. */
  private floor: number;

  constructor(
    private readonly text: string,
    private readonly lo: number,
    private readonly hi: number,
  ) {
    this.floor = lo;
  }

  run(): void {
    const { text, hi } = this;
    let i = this.lo;
    while (i < hi) {
      const k = CLASS[text.charCodeAt(i)];
      if (k === K_NONE) {
        i++;
        continue;
      }
      const next = k === K_DIGIT ? this.arabicAt(i) : this.chineseAt(i);
      i = next > i ? next : i + 1;
    }
  }

  // --- bounded character access -------------------------------------------------------------

  private code(i: number): number {
    return i >= this.lo && i < this.hi ? this.text.charCodeAt(i) : -1;
  }

  private char(i: number): string {
    return i >= this.lo && i < this.hi ? this.text[i]! : '';
  }

  private digit(i: number): number {
    return digitValue(this.code(i));
  }

  private has(word: string, i: number): boolean {
    return i >= this.lo && i + word.length <= this.hi && this.text.startsWith(word, i);
  }

  private isOneOf(i: number, chars: ReadonlySet<number>): boolean {
    return chars.has(this.code(i));
  }

  private dashLength(i: number): number {
    if (!this.isOneOf(i, DASHES)) return 0;
    return this.char(i) === '—' && this.char(i + 1) === '—' ? 2 : 1;
  }

  private digitRunEnd(i: number): number {
    while (this.digit(i) >= 0) i++;
    return i;
  }

  private cnRunEnd(i: number): number {
    while (isCnNumeral(this.code(i))) i++;
    return i;
  }

  private emit(node: InlineNode, start: number, end: number): number {
    this.out.push({ node, start, end });
    this.floor = end;
    return end;
  }

  // --- Arabic numerals ------------------------------------------------------------------------

  private arabicAt(p: number): number {
    const prev = this.code(p - 1);
    if (isAsciiLetter(prev) || this.isOneOf(p - 1, ID_GLUE_BEFORE)) return this.skipIdentifier(p);
    if (this.char(p - 1) === '第') return this.digitRunEnd(p); // ordinal: 第3次, 第1名
    const doc = this.documentNumberEnd(p);
    if (doc > 0) return doc;
    const runEnd = this.digitRunEnd(p);
    const date = this.isOneOf(runEnd, DATE_FOLLOWERS) ? this.dateAt(p) : undefined;
    if (date) return this.emitDate(p, date);
    const num = this.readArabic(p);
    if (!num || this.isIdentifierAfter(num.end)) return this.skipIdentifier(p);
    return this.arabicQuantity(num);
  }

  /** 〔2023〕10号, (2018)162号, [2020]: the year in brackets and the serial number after it. */
  private documentNumberEnd(p: number): number {
    if (!this.isOneOf(p - 1, OPEN_BRACKETS)) return 0;
    if (this.digitRunEnd(p) !== p + 4 || !this.isOneOf(p + 4, CLOSE_BRACKETS)) return 0;
    let i = p + 5;
    if (this.char(i) === '第') i++;
    const serialEnd = this.digitRunEnd(i);
    if (serialEnd > i && this.char(serialEnd) === '号') return serialEnd + 1;
    return p + 5;
  }

  /**
   * Reads digits, an unambiguous thousands grouping and a decimal part.
   * Undefined when the digits look like an identifier (too long, leading zero, 1.2.3, a phone number).
   */
  private readArabic(p: number): ArabicNumber | undefined {
    const runEnd = this.digitRunEnd(p);
    const len = runEnd - p;
    if (len > MAX_INT_DIGITS) return undefined;
    const first = this.digit(p);
    if (len >= 2 && first === 0) return undefined; // 0591-…, 001号
    if (len === 11 && first === 1) return undefined; // mobile phone number
    let int = this.accumulate(0, p, runEnd);
    let intLength = len;
    let i = runEnd;
    const grouped = this.thousandsEnd(p, runEnd);
    if (grouped > runEnd && this.hasCountingSuffix(grouped)) {
      for (let g = runEnd; g < grouped; g += 4) int = this.accumulate(int, g + 1, g + 4);
      intLength += ((grouped - runEnd) / 4) * 3;
      i = grouped;
    }
    let frac = '';
    if (this.isOneOf(i, DECIMAL_POINTS) && this.digit(i + 1) >= 0) {
      const fracEnd = this.digitRunEnd(i + 1);
      if (fracEnd - i - 1 > MAX_FRAC_DIGITS) return undefined;
      if (this.isOneOf(fracEnd, DECIMAL_POINTS) && this.digit(fracEnd + 1) >= 0) return undefined; // 1.2.3
      frac = String(this.accumulate(0, i + 1, fracEnd)).padStart(fracEnd - i - 1, '0');
      i = fracEnd;
    }
    return { start: p, end: i, int, intLength, frac };
  }

  private accumulate(value: number, from: number, to: number): number {
    for (let i = from; i < to; i++) value = value * 10 + this.digit(i);
    return value;
  }

  /**
   * End of ",ddd" groups after 1–3 leading digits, or runEnd when there are none or they are not
   * clean (",12", ",1234" mean the comma is a clause comma).
   */
  private thousandsEnd(p: number, runEnd: number): number {
    if (runEnd - p > 3 || this.digit(p) === 0) return runEnd;
    let i = runEnd;
    // 4 groups after 3 digits is already 15 digits, the most that stays exact.
    for (let g = 0; g < MAX_THOUSANDS_GROUPS && this.char(i) === ','; g++) {
      if (this.digitRunEnd(i + 1) !== i + 4) return runEnd;
      i += 4;
    }
    if (this.char(i) === ',' && this.digit(i + 1) >= 0) return runEnd;
    return i;
  }

  /** 1,399件 is a thousands grouping; a bare "12,345" is more likely two numbers in a list. */
  private hasCountingSuffix(i: number): boolean {
    if (this.isOneOf(i, COUNTING_SUFFIX_START)) return true;
    if (this.isOneOf(i, DECIMAL_POINTS) && this.digit(i + 1) >= 0) return this.hasCountingSuffix(this.digitRunEnd(i + 1));
    return this.unitAt(i) !== '';
  }

  private isIdentifierAfter(i: number): boolean {
    const c = this.code(i);
    if (isAsciiLetter(c) || this.isOneOf(i, ID_GLUE)) return true;
    for (const w of ID_FOLLOWERS) if (this.has(w, i)) return true;
    return false;
  }

  /** Consumes the whole identifier-like run so that none of its digits is read again. */
  private skipIdentifier(p: number): number {
    let i = p;
    while (i < this.hi) {
      const c = this.code(i);
      if (digitValue(c) >= 0 || isAsciiLetter(c) || ID_RUN.has(c)) i++;
      else break;
    }
    return Math.max(i, p + 1);
  }

  private arabicQuantity(num: ArabicNumber): number {
    const prefix = this.prefixApprox(num.start);
    const approx: ApproxWord[] = prefix ? [prefix.word] : [];
    let i = num.end;
    const inner1 = this.innerApproxAt(i);
    if (inner1) {
      approx.push(inner1);
      i += 1;
    }
    let exp = 0;
    const mult = this.multiplierAt(i);
    if (mult) {
      exp = mult.exp;
      i = mult.end;
      if (!inner1) {
        const inner2 = this.innerApproxAt(i);
        if (inner2) {
          approx.push(inner2);
          i += 1;
        }
      }
    }
    const start = prefix ? prefix.start : num.start;
    if (exp === 0 && this.isOneOf(i, PERCENT_SIGNS)) return this.arabicPercentage(num, start, approx, i);

    const unit = this.unitAt(i);
    i += unit.length;
    const post = this.postApproxAt(i);
    if (post) {
      approx.push(post);
      i += post.length;
    }

    const bare = unit === '' && exp === 0 && approx.length === 0;
    if (bare && this.isNotACount(num)) return num.end;

    const value = arabicValue(num, exp);
    const place = arabicPlace(num) * pow10(exp);
    const { low, high } = interval(value, place, approx);
    const node: Omit<Quantity, 'position'> = {
      type: 'quantity',
      value: tidy(value),
      low,
      high,
      exact: approx.length === 0,
      unit,
      approx,
      raw: this.text.slice(start, i),
      numeral: 'arabic',
      numberStart: num.start,
      numberEnd: num.end,
    };
    return this.emit(node, start, i);
  }

  private arabicPercentage(num: ArabicNumber, start: number, approx: ApproxWord[], signAt: number): number {
    const sign = this.char(signAt) as '%' | '％';
    let i = signAt + 1;
    const post = this.postApproxAt(i);
    if (post) {
      approx.push(post);
      i += post.length;
    }
    return this.emitPercentage(arabicValue(num, 0), num.frac.length, sign, approx, start, i, num.start, num.end);
  }

  private emitPercentage(
    value: number, decimals: number, sign: Percentage['sign'], approx: ApproxWord[],
    start: number, end: number, numberStart: number, numberEnd: number,
  ): number {
    // A rate's precision is its decimals as written: 近50% means just under 50, not under 40.
    const { low, high } = interval(value, pow10(-decimals), approx);
    const node: Omit<Percentage, 'position'> = {
      type: 'percentage',
      value: tidy(value),
      decimals,
      sign,
      approx,
      low,
      high,
      exact: approx.length === 0,
      raw: this.text.slice(start, end),
      numberStart,
      numberEnd,
    };
    return this.emit(node, start, end);
  }

  /**
   * A number without unit, multiplier or approximation word that is really a list marker (1、 2.
   * (3)), something quoted (“12345”), a festival name (3.15消费者权益日) or a service hotline.
   */
  private isNotACount(num: ArabicNumber): boolean {
    const { start, end } = num;
    // The decimal part was already consumed, so a point here ends a marker "1.".
    if (this.isOneOf(end, MARKER_ENDS)) return true;
    if (this.isOneOf(start - 1, OPEN_BRACKETS) && this.isOneOf(end, CLOSE_BRACKETS)) return true;
    if (this.isOneOf(start - 1, OPEN_QUOTES) && this.isOneOf(end, CLOSE_QUOTES)) return true;
    if (num.intLength === 5 && Math.floor(num.int / 100) === 123 && num.frac === '') return true;
    return this.isNameDay(num);
  }

  private isNameDay(num: ArabicNumber): boolean {
    if (num.frac.length === 0 || num.frac.length > 2) return false;
    const month = num.int;
    const day = Number(num.frac);
    if (month < 1 || month > 12 || day < 1 || day > 31) return false;
    for (let i = num.end; i < num.end + NAME_DAY_LOOKAHEAD; i++) {
      const c = this.code(i);
      if (c < 0x4e00 || c > 0x9fff) return false; // stop at punctuation, digits, end of range
      if (NAME_DAY_ENDINGS.has(c)) return true;
    }
    return false;
  }

  // --- suffixes and prefixes ------------------------------------------------------------------

  private prefixApprox(numberStart: number): { word: ApproxWord; start: number } | undefined {
    for (const word of PREFIX_APPROX) {
      const s = numberStart - word.length;
      if (s < this.floor || !this.has(word, s)) continue;
      const blockers = PREFIX_BLOCKERS[word];
      if (blockers && s - 1 >= this.floor && this.isOneOf(s - 1, blockers)) return undefined;
      return { word, start: s };
    }
    return undefined;
  }

  private innerApproxAt(i: number): ApproxWord | undefined {
    if (!this.isOneOf(i, INNER_APPROX_CHARS)) return undefined;
    return this.text[i] as ApproxWord;
  }

  private postApproxAt(i: number): ApproxWord | undefined {
    if (!this.isOneOf(i, POST_APPROX_STARTS)) return undefined;
    for (const w of POST_APPROX) if (this.has(w, i)) return w;
    return undefined;
  }

  private unitAt(i: number): string {
    const list = UNITS_BY_FIRST.get(this.code(i));
    if (!list) return '';
    for (const u of list) if (this.has(u, i)) return u;
    return '';
  }

  /** 千 万 亿 and combinations (千万, 百万, 万亿) after an Arabic number. */
  private multiplierAt(i: number): { exp: number; end: number } | undefined {
    let exp = 0;
    let j = i;
    const small = this.char(j);
    if ((small === '百' || small === '千') && this.unitAt(j) === '') {
      const followedByBig = this.isOneOf(j + 1, BIG_MULTIPLIERS);
      if (small === '千' || followedByBig) exp += MULTIPLIER_EXP[this.text[j++]!]!;
    }
    if (this.char(j) === '万') exp += MULTIPLIER_EXP[this.text[j++]!]!;
    if (this.char(j) === '亿') exp += MULTIPLIER_EXP[this.text[j++]!]!;
    return j > i ? { exp, end: j } : undefined;
  }

  // --- Chinese numerals -----------------------------------------------------------------------

  private chineseAt(p: number): number {
    if (this.char(p) === '百' && this.has('分之', p + 1)) return this.chinesePercentage(p);
    const runEnd = this.cnRunEnd(p);
    if (runEnd - p > MAX_CN_RUN) return runEnd;
    if (this.char(p - 1) === '第') return runEnd; // ordinal: 第二次会议
    const date = this.isOneOf(runEnd, DATE_FOLLOWERS) ? this.dateAt(p) : undefined;
    if (date) return this.emitDate(p, date);
    // Most Chinese numerals in running text (统一, 一是) have neither unit nor approximation word.
    if (!this.isOneOf(runEnd, INNER_APPROX_CHARS) && this.unitAt(runEnd) === '') return runEnd;
    return this.chineseQuantity(p, runEnd);
  }

  private chineseQuantity(p: number, runEnd: number): number {
    if (this.isOneOf(p - 1, VAGUE_BEFORE_CHINESE)) return runEnd; // 数十家, 几百人: no number to check
    const run = this.text.slice(p, runEnd);
    const value = countNumeral(run);
    if (value === undefined) return runEnd;
    const prefix = this.prefixApprox(p);
    const approx: ApproxWord[] = prefix ? [prefix.word] : [];
    let i = runEnd;
    const inner1 = this.innerApproxAt(i);
    if (inner1) {
      approx.push(inner1);
      i += 1;
    }
    // 百余份, 千余人, 近万人 are counts; 千家万户 and 万人 are idioms.
    if ((CN_SMALL[run[0]!] !== undefined && run[0] !== '十') || CN_BIG[run[0]!] !== undefined) {
      if (!prefix && !inner1) return runEnd;
    }
    let mult = 1;
    const big = this.char(i);
    if (inner1 && CN_BIG[big] !== undefined) {
      mult = CN_BIG[big]!; // 十余万人
      i++;
    }
    const unit = this.unitAt(i);
    if (unit === '' || UNITS_NOT_AFTER_CHINESE.has(unit)) return runEnd;
    if (run === '一' && !UNITS_FOR_LONE_YI.has(unit)) return runEnd;
    i += unit.length;
    const post = this.postApproxAt(i);
    if (post) {
      approx.push(post);
      i += post.length;
    }
    const start = prefix ? prefix.start : p;
    const v = value * mult;
    const { low, high } = interval(v, chinesePlace(run) * mult, approx);
    const node: Omit<Quantity, 'position'> = {
      type: 'quantity',
      value: v,
      low,
      high,
      exact: approx.length === 0,
      unit,
      approx,
      raw: this.text.slice(start, i),
      numeral: 'chinese',
      numberStart: p,
      numberEnd: runEnd,
    };
    return this.emit(node, start, i);
  }

  /** 百分之九十, 百分之九十九点五, 百分之百, 百分之90. */
  private chinesePercentage(p: number): number {
    const q = p + 3;
    const prefix = this.prefixApprox(p);
    const approx: ApproxWord[] = prefix ? [prefix.word] : [];
    const start = prefix ? prefix.start : p;
    if (this.digit(q) >= 0) {
      const num = this.readArabic(q);
      if (!num) return this.skipIdentifier(q);
      const post = this.postApproxAt(num.end);
      if (post) approx.push(post);
      const end = num.end + (post?.length ?? 0);
      return this.emitPercentage(arabicValue(num, 0), num.frac.length, '百分之', approx, start, end, q, num.end);
    }
    const runEnd = this.cnRunEnd(q);
    if (runEnd === q || runEnd - q > MAX_CN_RUN) return Math.max(runEnd, q);
    const run = this.text.slice(q, runEnd);
    let value = run === '百' ? 100 : countNumeral(run);
    if (value === undefined) return runEnd;
    let numberEnd = runEnd;
    let decimals = 0;
    if (this.char(runEnd) === '点') {
      const fracEnd = this.cnRunEnd(runEnd + 1);
      const frac = this.text.slice(runEnd + 1, fracEnd);
      const fracDigits = positionalDigits(frac);
      if (fracDigits !== undefined && frac.length <= MAX_FRAC_DIGITS) {
        value = Number(`${value}.${fracDigits}`);
        decimals = frac.length;
        numberEnd = fracEnd;
      }
    }
    const post = this.postApproxAt(numberEnd);
    if (post) approx.push(post);
    const end = numberEnd + (post?.length ?? 0);
    return this.emitPercentage(value, decimals, '百分之', approx, start, end, q, numberEnd);
  }

  // --- dates ----------------------------------------------------------------------------------

  private emitDate(p: number, d: DateParts): number {
    const node: Omit<DateNode, 'position'> = { type: 'date', valid: dateValid(d), raw: this.text.slice(p, d.end) };
    if (d.year !== undefined) node.year = d.year;
    if (d.endYear !== undefined) node.endYear = d.endYear;
    if (d.month !== undefined) node.month = d.month;
    if (d.endMonth !== undefined) node.endMonth = d.endMonth;
    if (d.day !== undefined) node.day = d.day;
    if (d.endDay !== undefined) node.endDay = d.endDay;
    return this.emit(node, p, d.end);
  }

  private dateAt(p: number): DateParts | undefined {
    const iso = this.isoDateAt(p);
    if (iso) return iso;
    const d = this.plainDateAt(p, false);
    if (!d) return undefined;
    this.extendRange(d);
    if (!d.ranged && d.bottom === 2) this.attachTime(d); // 2024年3月14日 08:45
    return d;
  }

  /** 2024-03-14, 2024.3.14, 2024/3/14, optionally followed by a time 08:45. */
  private isoDateAt(p: number): DateParts | undefined {
    const year = this.arabicField(p, 4, 4);
    if (!year || year.value < 1900 || year.value > 2100) return undefined;
    const sep = this.char(year.end);
    if (sep !== '-' && sep !== '.' && sep !== '/') return undefined;
    const month = this.arabicField(year.end + 1, 1, 2);
    if (!month) return undefined;
    if (this.char(month.end) !== sep) return this.yearMonthAt(year.value, month);
    const day = this.arabicField(month.end + 1, 1, 2);
    if (!day || (this.isOneOf(day.end, DECIMAL_POINTS) && this.digit(day.end + 1) >= 0)) return undefined;
    const d = newDateParts(day.end);
    d.year = year.value;
    d.month = month.value;
    d.day = day.value;
    d.top = 0;
    d.bottom = 2;
    this.attachTime(d);
    return d;
  }

  /**
   * 2023.12, 2024-03, 2023/12: a year and a month. Only with a real month and nothing that makes
   * it a measured number (2023.5万元), since 2023.5 could otherwise be a decimal.
   */
  private yearMonthAt(year: number, month: Field): DateParts | undefined {
    if (month.value < 1 || month.value > 12 || this.hasCountingSuffix(month.end)) return undefined;
    if (this.isOneOf(month.end, DATE_UNITS)) return undefined; // 2021-12月: unclear, leave it to the parts
    const d = newDateParts(month.end);
    d.year = year;
    d.month = month.value;
    d.top = 0;
    d.bottom = 1;
    return d;
  }

  /** " 08:45" or " 08:45:30" after a full date becomes part of the date token. */
  private attachTime(d: DateParts): void {
    let i = d.end;
    let spaces = 0;
    while (spaces < 3 && this.isOneOf(i, SPACES)) {
      i++;
      spaces++;
    }
    if (spaces === 0) return;
    const hour = this.arabicField(i, 1, 2);
    if (!hour || !this.isOneOf(hour.end, COLONS)) return;
    const minute = this.arabicField(hour.end + 1, 2, 2);
    if (!minute) return;
    let end = minute.end;
    let secondOk = true;
    if (this.isOneOf(end, COLONS)) {
      const second = this.arabicField(end + 1, 2, 2);
      if (second) {
        end = second.end;
        secondOk = second.value < 60;
      }
    }
    d.timeValid = hour.value < 24 && minute.value < 60 && secondOk;
    d.end = end;
  }

  /** Exactly minLen–maxLen Arabic digits, not followed by another digit. */
  private arabicField(i: number, minLen: number, maxLen: number): Field | undefined {
    const end = this.digitRunEnd(i);
    const len = end - i;
    if (len < minLen || len > maxLen) return undefined;
    return { value: this.accumulate(0, i, end), end, chinese: false };
  }

  /**
   * Y年 [M月 [D日]], M月 [D日], each field possibly a range (2021—2025年, 3—8月, 19-20日).
   * In continuation mode (after a dash) a lone D日 is accepted too: 4月19日-20日.
   */
  private plainDateAt(p: number, continuation: boolean): DateParts | undefined {
    const d = newDateParts(p);
    let i = p;
    const year = this.yearField(i);
    if (year) {
      d.year = year.value;
      if (year.endValue !== undefined) {
        d.endYear = year.endValue;
        d.ranged = true;
      }
      d.top = d.bottom = 0;
      i = year.end;
    }
    const month = this.monthOrDayField(i, MONTH_END);
    if (month) {
      d.month = month.value;
      if (month.endValue !== undefined) {
        d.endMonth = month.endValue;
        d.ranged = true;
      }
      if (d.top < 0) d.top = 1;
      d.bottom = 1;
      i = month.end;
    }
    let day: RangedField | undefined;
    if (month || (continuation && !year)) {
      day = this.monthOrDayField(i, DAY_END);
      if (day) {
        d.day = day.value;
        if (day.endValue !== undefined) {
          d.endDay = day.endValue;
          d.ranged = true;
        }
        if (d.top < 0) d.top = 2;
        d.bottom = 2;
        i = day.end;
      }
    }
    if (d.top < 0) return undefined;
    if (year && !month && this.char(i) === '度') i++; // 2020年度
    let fen = false;
    if (month && !day && this.char(i) === '份') {
      i++; // 7月份
      fen = true;
    }
    // 三月 alone is too often part of a phrase; a Chinese month needs a year, a day or 份.
    if (month?.chinese && !year && !day && !fen) return undefined;
    d.end = i;
    return d;
  }

  /** 2021年 or 二〇二三年, possibly 2021—2025年; the 年 is consumed. */
  private yearField(i: number): RangedField | undefined {
    const first = this.yearNumber(i);
    if (!first) return undefined;
    if (this.char(first.end) === '年') return { value: first.value, end: first.end + 1, chinese: first.chinese };
    const dash = this.dashLength(first.end);
    if (dash === 0) return undefined;
    const second = this.yearNumber(first.end + dash);
    if (!second || second.chinese !== first.chinese || this.char(second.end) !== '年') return undefined;
    return { value: first.value, endValue: second.value, end: second.end + 1, chinese: first.chinese };
  }

  private yearNumber(i: number): Field | undefined {
    if (this.digit(i) >= 0) {
      const f = this.arabicField(i, 4, 4);
      return f && f.value >= 1900 && f.value <= 2100 ? f : undefined;
    }
    const end = this.cnRunEnd(i);
    if (end - i !== 4) return undefined;
    const value = positionalDigits(this.text.slice(i, end));
    if (value === undefined) return undefined;
    const n = Number(value);
    return n >= 1900 && n <= 2100 ? { value: n, end, chinese: true } : undefined;
  }

  /** N月 / N日 / N号 with N of 1–2 digits (or a small Chinese numeral), possibly N—M月. */
  private monthOrDayField(i: number, terminators: ReadonlySet<number>): RangedField | undefined {
    const first = this.smallNumber(i);
    if (!first) return undefined;
    if (this.isOneOf(first.end, terminators)) return { value: first.value, end: first.end + 1, chinese: first.chinese };
    const dash = this.dashLength(first.end);
    if (dash === 0) return undefined;
    const second = this.smallNumber(first.end + dash);
    if (!second || second.chinese !== first.chinese || !this.isOneOf(second.end, terminators)) return undefined;
    return { value: first.value, endValue: second.value, end: second.end + 1, chinese: first.chinese };
  }

  private smallNumber(i: number): Field | undefined {
    if (this.digit(i) >= 0) {
      const f = this.arabicField(i, 1, 2);
      return f && f.value >= 1 ? f : undefined;
    }
    const end = this.cnRunEnd(i);
    if (end === i || end - i > 3) return undefined;
    const run = this.text.slice(i, end);
    if (run.includes('两') || /[百千万亿]/.test(run)) return undefined;
    const value = countNumeral(run);
    return value !== undefined && value >= 1 && value <= 99 ? { value, end, chinese: true } : undefined;
  }

  /** 2021年—2025年, 3月1日至4月30日, 4月19日-20日: a second date after a dash becomes the end of d. */
  private extendRange(d: DateParts): void {
    if (d.ranged) return;
    const dash = this.dashLength(d.end);
    if (dash === 0) return;
    const e = this.plainDateAt(d.end + dash, true);
    if (!e || e.ranged || e.top < d.top || e.top > d.bottom || e.bottom !== d.bottom) return;
    d.ranged = true;
    d.end = e.end;
    d.endYear = e.year;
    d.endMonth = e.month;
    d.endDay = e.day;
  }
}

// ---------------------------------------------------------------------------------------------
// Numeral helpers

/** Place value of the last significant written digit: 8600 → 100, 9000 → 1000, 1.5 → 0.1. */
function arabicPlace(num: ArabicNumber): number {
  if (num.frac.length > 0) return pow10(-num.frac.length);
  if (num.int === 0) return 1;
  let place = 1;
  for (let v = num.int; v % 10 === 0; v /= 10) place *= 10;
  return place;
}

/** The written number times 10^exp; decimals go through the string form to stay exact (3523.55万). */
function arabicValue(num: ArabicNumber, exp: number): number {
  if (num.frac === '') return num.int * pow10(exp);
  return Number(`${num.int}.${num.frac}e${exp}`);
}

/** 十九 → 1, 八十 → 10, 三百 → 100, 三十万 → 1e5, 万 → 1e4, 三百五 → 10. */
function chinesePlace(run: string): number {
  const abbreviated = abbreviatedUnit(run);
  if (abbreviated) return abbreviated / 10;
  let mult = 1;
  let k = run.length;
  while (k > 0 && CN_BIG[run[k - 1]!] !== undefined) mult *= CN_BIG[run[--k]!]!;
  if (k === 0) return mult;
  return (CN_SMALL[run[k - 1]!] ?? 1) * mult;
}

/** 二〇二三 → "2023"; undefined unless every character is a digit (两 is never written this way). */
function positionalDigits(s: string): string | undefined {
  if (s.length === 0) return undefined;
  let out = '';
  for (const ch of s) {
    const d = CN_DIGITS[ch];
    if (d === undefined || ch === '两') return undefined;
    out += String(d);
  }
  return out;
}

/**
 * A Chinese numeral used as a count: 十九, 两, 一百零五, 三百五, 三万, 百, 万, 百万.
 * Stricter than parseChineseNumeral about digit-by-digit runs (三四个, 八五 are ranges or names,
 * not counts), looser about a leading unit: 百, 千, 万 alone and 百万, 千万 count one of it.
 */
function countNumeral(run: string): number | undefined {
  if (run.length === 1) return CN_BIG[run] ?? CN_DIGITS[run] ?? CN_SMALL[run];
  let hasUnit = false;
  for (const ch of run) if (CN_SMALL[ch] !== undefined || CN_BIG[ch] !== undefined) hasUnit = true;
  if (!hasUnit) return undefined;
  const first = run[0]!;
  return parseChineseNumeral(first === '百' || first === '千' ? '一' + run : run);
}

/** The unit before an abbreviated final digit (三百五 → 100), or 0 when the numeral is not abbreviated. */
function abbreviatedUnit(run: string): number {
  if (run.length < 2) return 0;
  const d = CN_DIGITS[run[run.length - 1]!];
  if (d === undefined || d === 0) return 0;
  const before = run[run.length - 2]!;
  const unit = CN_SMALL[before] ?? CN_BIG[before] ?? 0;
  return unit > 10 ? unit : 0;
}

function dateValid(d: DateParts): boolean {
  if (!d.timeValid) return false;
  const { year, month, day } = d;
  const endYear = d.endYear ?? year;
  const endMonth = d.endMonth ?? month;
  const endDay = d.endDay ?? day;
  if (month !== undefined && (month < 1 || month > 12)) return false;
  if (endMonth !== undefined && (endMonth < 1 || endMonth > 12)) return false;
  if (day !== undefined && month !== undefined && (day < 1 || day > daysInMonth(month, year))) return false;
  if (endDay !== undefined && endMonth !== undefined && (endDay < 1 || endDay > daysInMonth(endMonth, endYear))) {
    return false;
  }
  // A range must not run backwards: 2025—2021年, 8—3月. Fields are below 10000 / 100 / 100.
  return dateKey(endYear, endMonth, endDay) >= dateKey(year, month, day);
}

function dateKey(year: number | undefined, month: number | undefined, day: number | undefined): number {
  return (year ?? 0) * 10000 + (month ?? 0) * 100 + (day ?? 0);
}

function newDateParts(end: number): DateParts {
  return {
    year: undefined, endYear: undefined, month: undefined, endMonth: undefined, day: undefined, endDay: undefined,
    top: -1, bottom: -1, ranged: false, timeValid: true, end,
  };
}

// ---------------------------------------------------------------------------------------------

/** Finds quantities, percentages and dates in text[from, to). Tokens sorted by start, never overlapping. Never throws. */
export function scanInline(text: string, from: number, to: number): InlineToken[] {
  if (typeof text !== 'string') return [];
  const lo = clampIndex(from, 0, text.length);
  const hi = clampIndex(to, lo, text.length);
  const scanner = new Scanner(text, lo, hi);
  try {
    scanner.run();
  } catch {
    // Defensive only: a bug here must cost the tokens after it, not the whole lint run.
  }
  return scanner.out;
}

function clampIndex(n: number, min: number, max: number): number {
  if (typeof n !== 'number' || Number.isNaN(n)) return min;
  return Math.min(max, Math.max(min, Math.floor(n)));
}
