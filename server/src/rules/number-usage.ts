/**
 * number-usage — the forms of numbers that GB/T 15835-2011《出版物上数字用法》 prescribes and
 * that these reports get wrong most often:
 *
 * - 月日 names (“12·4”国家宪法日, “3·15”消费者权益日) written in Arabic numerals take the 间隔号 “·”
 *   between month and day: “12.4”, “4••15”, “4・15” are wrong; “38”国际妇女节 lacks it (the customary
 *   form of that name is “三八”). With Chinese numerals only 一月, 十一月 and 十二月 take it
 *   (“一·二八”, “一二·九”), so “三·八” should be “三八”. A month-day is recognised only in a name: in
 *   quotes or followed within a few characters by 日/节/周 (…消费者权益日), never before a unit
 *   (3.15万元, 12.4%), and the emergency numbers “110” “119” “122” that name days are left alone.
 * - An Arabic number joined to 千 or 百 (4千, 3百余人, 3亿4千万): only 万 and 亿 may be combined with
 *   Arabic digits; SI prefixes (千米, 千克) and 百分点 are not numerals here.
 * - A range whose first number drops a % or a 万/亿 that it needs: 15～30% reads as “15 to 30%”,
 *   so it is written 15%～30%; 9～16亿 → 9亿～16亿. A shared plain unit (2—3人) may be dropped.
 * - Fixed expressions keep their Chinese numerals: “八五”普法, “十四五”, 十九大, 四中全会, “三项制度”,
 *   最多跑一次 … (“8五”, “14五”, 19大, 最多跑1次). Expressions that could also be a plain count
 *   (“三项制度” vs 建立3项制度) are only recognised in quotes.
 * - Numbers of one kind written in both forms in one paragraph (3个督察组 … 三个督察组). To stay
 *   conservative, only counts with the same unit and the same two characters after it are compared,
 *   and neither may be quoted, approximate, or the Chinese 一 (一个部门 is a word, not a count).
 *
 * All of this is style: a hint, each with the clause's form as the expected text. The numbers the
 * statistics rules read are unaffected: the parser already skips names like “12·4” and 3.15…日.
 *
 * It reads the marks of the shared scan (support/text-scan.ts: digits and month-day separators),
 * not the text, and looks around each only as far as a number reaches.
 */
import type { Fix, Rule, RuleContext } from '../engine/rule';
import { PositionMapper } from '../parser/positions';
import { parseChineseNumeral, toChineseNumeral } from '../parser/numerals';
import type { Quantity, Root } from '../parser/types';
import { GROUP, charTable, isHan as hanImport, markCharacters, passages, textScan } from './support/text-scan';

/** Bound once: under the CommonJS transform the tests run with, an imported binding is a getter call, too slow for a per-character loop. */
const isHan = hanImport;

/** Separators written between month and day instead of the 间隔号 (U+00B7). */
const SEPARATORS = charTable('.．•・‧∙⋅･·');
const MIDDLE_DOT = 0xb7;
/** Quotes around a name: “12·4”, "3·15", 「4·15」. */
const OPEN_QUOTES = charTable('“"「『');
const CLOSE_QUOTES = charTable('”"」』');
/** A month-day name ends within a few Han characters in one of these: …宪法日, …妇女节, …宣传周. */
const NAME_ENDINGS = charTable('日节周');
const NAME_LOOKAHEAD = 8;
/**
 * After a number these make it a measure (3.15万元, 12.4个百分点), never a name. Han characters
 * only: % and other symbols already stop the lookahead.
 */
const UNIT_STARTS = charTable('万亿千百元人个件次名家项份场条批户册部本篇期起宗位支所座台套处类天年月日号周岁种门轮间张辆亩吨倍分米卷页盏小平公');
/** Emergency and service numbers that name days (“110”宣传日, “119”消防日, “122”交通安全日). */
const NUMBER_DAYS = new Set(['110', '119', '120', '122']);
/** Month-day names customarily written in Chinese numerals; others get Arabic numerals and the 间隔号. */
const CHINESE_NAMES: Record<string, string> = { '38': '三八', '51': '五一', '54': '五四', '61': '六一', '71': '七一', '81': '八一' };

const CN_NUMERALS = charTable('〇○零一二三四五六七八九十');
/** Chinese month parts that take the 间隔号: 一月, 十一月 (一一), 十二月 (一二). */
const DOTTED_MONTHS = new Set(['一', '一一', '十一', '一二', '十二']);

/** After 千: SI prefixes, not the numeral (千米 千克 千瓦 …). After 百: 百分点, 百分比, 百分之. */
const NOT_NUMERAL_AFTER_QIAN = charTable('米克瓦伏帕卡焦兆赫');
const NOT_NUMERAL_AFTER_BAI = charTable('分');
/** 千 百 十 as multipliers (0 for any other character). */
const smallUnit = (c: number) => (c === 0x5343 ? 1000 : c === 0x767e ? 100 : c === 0x5341 ? 10 : 0);

/** Range dashes between two numbers; 至 is a word but reads the same way (15至30%). */
const RANGE_DASHES = charTable('～~—–－-至');
/** Signs and multipliers that the first number of a range must repeat. */
const RANGE_SIGNS = charTable('%％万亿');

/** Characters before a number that make it part of an identifier or a longer token. */
const ID_BEFORE = charTable('.．-－/#＃+＋_@·•');

/** After N五 (a five-year plan): what makes it the abbreviation. */
const FIVE_YEAR_AFTER = ['普法', '规划', '时期', '期间', '期末', '计划', '以来', '开局', '收官', '发展', '末', '初', '”', '"', '」', '’'];
/** After N大 (a Party congress): what makes it the abbreviation (19大精神, 党的20大报告). */
const CONGRESS_AFTER = ['精神', '报告', '以来', '胜利', '召开', '党章'];

/**
 * Fixed expressions with Chinese numerals. `quoted`: recognised only inside quotes, because the
 * Arabic form could also be a plain count (建立3项制度).
 */
const FIXED_EXPRESSIONS: ReadonlyArray<{ text: string; quoted?: boolean }> = [
  { text: '最多跑一次' }, { text: '一次都不跑' }, { text: '一趟不用跑' }, { text: '最多跑一趟' },
  { text: '一网通办' }, { text: '一网统管' }, { text: '一窗受理' }, { text: '一站式' }, { text: '一门式' },
  { text: '一网式' }, { text: '一次办好' }, { text: '一件事一次办' }, { text: '一案双查' }, { text: '两法衔接' },
  { text: '三会一课' }, { text: '一规划两方案' }, { text: '双随机一公开' }, { text: '双随机、一公开' }, { text: '三级四同' },
  { text: '四个意识' }, { text: '四个自信' }, { text: '两个维护' }, { text: '两个确立' }, { text: '四个全面', quoted: true },
  { text: '法律六进' }, { text: '法律七进' }, { text: '法律八进' },
  { text: '三项制度', quoted: true }, { text: '四风', quoted: true }, { text: '三类案件', quoted: true },
  { text: '三统一', quoted: true }, { text: '四述', quoted: true },
];

const CN_DIGIT_VALUE: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

interface Variant {
  wrong: string;
  right: string;
  quoted: boolean;
  /** Offset of the first digit in `wrong`: the scan finds variants by their digits. */
  anchor: number;
}

/** Variants are looked up by their first digit and the character after it (1网, 1次, 4个), not by the digit alone. */
const variantKey = (digit: number, next: number) => digit * 0x10000 + next;

/** Every form of each expression with one or more of its numeral runs written in Arabic digits, by variantKey. */
function arabicVariants(): Map<number, Variant[]> {
  const byDigit = new Map<number, Variant[]>();
  for (const { text, quoted } of FIXED_EXPRESSIONS) {
    const runs: Array<{ start: number; end: number; arabic: string }> = [];
    for (let i = 0; i < text.length; ) {
      if (CN_DIGIT_VALUE[text[i]!] === undefined) {
        i++;
        continue;
      }
      let j = i;
      while (j < text.length && CN_DIGIT_VALUE[text[j]!] !== undefined) j++;
      const value = text[i] === '两' && j === i + 1 ? 2 : parseChineseNumeral(text.slice(i, j));
      if (value !== undefined) runs.push({ start: i, end: j, arabic: String(value) });
      i = j;
    }
    for (let mask = 1; mask < 1 << runs.length; mask++) {
      let wrong = '';
      let at = 0;
      let anchor = -1;
      runs.forEach((run, k) => {
        if (!(mask & (1 << k))) return;
        wrong += text.slice(at, run.start);
        if (anchor < 0) anchor = wrong.length;
        wrong += run.arabic;
        at = run.end;
      });
      wrong += text.slice(at);
      const key = variantKey(wrong.charCodeAt(anchor), wrong.charCodeAt(anchor + 1));
      const list = byDigit.get(key) ?? [];
      list.push({ wrong, right: text, quoted: quoted === true, anchor });
      byDigit.set(key, list);
    }
  }
  for (const list of byDigit.values()) list.sort((a, b) => b.wrong.length - a.wrong.length);
  return byDigit;
}

const VARIANTS = arabicVariants();

markCharacters(GROUP.numbers, '0123456789.．•・‧∙⋅･·');

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

export const numberUsage: Rule = {
  meta: {
    id: 'number-usage',
    description: {
      zh: '数字用法应符合 GB/T 15835-2011：月日简称的间隔号、不混用阿拉伯数字与汉字数位、数值范围的单位、定型词语用汉字数字、同类数字写法一致',
      en: 'Numbers follow GB/T 15835-2011: the middle dot in month-day names, no Arabic digits with 千/百, units in ranges, Chinese numerals in fixed expressions, one form for numbers of one kind',
    },
    defaultSeverity: 'hint',
    fixable: true,
    messages: {
      nameDaySeparator: {
        zh: '月日简称「{found}」的月、日之间应使用间隔号「·」，应为「{expected}」',
        en: 'The month-day name “{found}” separates month and day with the middle dot “·”; expected “{expected}”',
      },
      nameDayChinese: {
        zh: '汉字数字的月日简称只有一月、十一月、十二月才用间隔号，「{found}」应为「{expected}」',
        en: 'In Chinese numerals only January, November and December take the middle dot in a month-day name: “{found}” should be “{expected}”',
      },
      nameDayDigits: {
        zh: '月日简称「{found}」的写法不规范：阿拉伯数字的月、日之间用间隔号，习惯用汉字的名称写汉字，应为「{expected}」',
        en: 'The month-day name “{found}” is written irregularly: Arabic month and day are separated by the middle dot, and names customarily in Chinese numerals are written so; expected “{expected}”',
      },
      nameDayAmbiguous: {
        zh: '月日简称「{found}」的月、日之间没有间隔号，无法分辨是「{first}」还是「{second}」',
        en: 'The month-day name “{found}” has no middle dot between month and day: it could be “{first}” or “{second}”',
      },
      mixedNumeral: {
        zh: '阿拉伯数字不能与“万”“亿”以外的汉字数位连用：「{found}」应为「{expected}」',
        en: 'Arabic digits combine only with 万 and 亿: “{found}” should be “{expected}”',
      },
      mixedNumeralPlain: {
        zh: '阿拉伯数字不能与“万”“亿”以外的汉字数位连用：「{found}」应全部用阿拉伯数字或全部用汉字',
        en: 'Arabic digits combine only with 万 and 亿: write “{found}” all in Arabic digits or all in Chinese numerals',
      },
      rangeSign: {
        zh: '数值范围「{found}」中前一个数值的「{sign}」不能省略，应为「{expected}」',
        en: 'In the range “{found}” the first number must keep its “{sign}”; expected “{expected}”',
      },
      fixedExpression: {
        zh: '「{found}」是定型词语，其中的数字应使用汉字：「{expected}」',
        en: '“{found}” is a fixed expression whose numbers are written in Chinese numerals: “{expected}”',
      },
      mixedForms: {
        zh: '同段中同类数字写法不一致：「{found}」与「{other}」，宜统一为「{expected}」',
        en: 'Numbers of one kind written in two forms in one paragraph: “{found}” and “{other}”; write “{expected}”',
      },
      otherForm: { zh: '同段中的「{other}」', en: '“{other}” in the same paragraph' },
      replace: { zh: '改为「{expected}」', en: 'Change to “{expected}”' },
    },
  },

  check(tree, context) {
    new NumberChecker(tree, context).run();
  },
};

/**
 * One check. The helpers are methods rather than closures inside check(): the rule runs on every
 * keystroke, and closures would be created (and, under the transform tests run with, named) on
 * every run.
 */
class NumberChecker {
  private readonly text: string;
  private readonly mapper: PositionMapper;

  constructor(
    private readonly tree: Root,
    private readonly context: RuleContext,
  ) {
    this.text = tree.data.text;
    this.mapper = new PositionMapper(tree.data.lineStarts);
  }

  run() {
    const scan = textScan(this.tree);
    const { marks, groups, markStart } = scan;
    const bit = 1 << GROUP.numbers;
    for (let p = 0; p < scan.passages.length; p++) {
      const { start, end } = scan.passages[p]!;
      let skipUntil = start;
      for (let n = markStart[p]!; n < markStart[p + 1]!; n++) {
        if (!(groups[n]! & bit)) continue;
        const i = marks[n]!;
        if (i >= skipUntil) skipUntil = this.at(i, start, end);
      }
    }
    mixedForms(this.tree, this.context, this.mapper);
  }

  private code(i: number) {
    return this.text.charCodeAt(i); // NaN outside the text: every test on it is false
  }

  private report(messageId: string, start: number, end: number, data: Record<string, string>, fix?: { start: number; end: number; text: string }) {
    this.context.report({
      messageId,
      data,
      position: this.mapper.position(start, end),
      ...(fix ? { fix: { messageId: 'replace', data: { expected: data.expected ?? fix.text }, edits: [fix] } satisfies Fix } : {}),
    });
  }

  /** A marked character at i (a digit or a separator): returns where reading may go on. */
  private at(i: number, start: number, end: number): number {
    const c = this.code(i);
    if (!isDigit(c)) {
      // A separator after Chinese numerals: 三·八, 一.二八. After digits it was read with them.
      if (!SEPARATORS[c] || !CN_NUMERALS[this.code(i - 1)]) return i + 1;
      let from = i - 1;
      while (from > start && i - from < 3 && CN_NUMERALS[this.code(from - 1)]) from--;
      return from > start && CN_NUMERALS[this.code(from - 1)] ? i + 1 : this.chineseNameDay(from, end);
    }
    const before = this.code(i - 1);
    if (i > start && (isDigit(before) || isLetter(before) || ID_BEFORE[before])) return i + 1;
    const variantEnd = this.fixedVariant(i, start, end);
    if (variantEnd >= 0) return variantEnd;
    const j = this.digitsEnd(i, end);
    const next = this.code(j);
    let k = j;
    while (k < end && k - j < 3 && SEPARATORS[this.code(k)]) k++;
    if (k > j && isDigit(this.code(k))) {
      const m = this.digitsEnd(k, end);
      if (this.arabicNameDay(i, j, k, m, end)) return m;
      // Not a name: a decimal (3.15万元) or an identifier (1.2.3); only a decimal goes on.
      return (next === 0x2e || next === 0xff0e) && k === j + 1 && !SEPARATORS[this.code(m)] ? this.afterNumber(i, m, end) : m;
    }
    if (this.fixedNumber(i, j, end)) return j + 1;
    this.digitsNameDay(i, j, end);
    return this.afterNumber(i, j, end);
  }

  private digitsEnd(i: number, end: number) {
    while (i < end && isDigit(this.code(i))) i++;
    return i;
  }

  /** Within a few Han characters from `from`, a name ending (…宪法日, …妇女节); the first must not be a unit. */
  private namesADay(from: number, end: number, quoted: boolean) {
    if (!quoted && UNIT_STARTS[this.code(from)]) return false;
    for (let k = from; k < from + NAME_LOOKAHEAD && k < end; k++) {
      const c = this.code(k);
      if (!isHan(c)) return false;
      if (NAME_ENDINGS[c]) return true;
    }
    return false;
  }

  /** Month and day around a separator: [i, j) digits, [j, k) separator, [k, m) digits. True when it is a name. */
  private arabicNameDay(i: number, j: number, k: number, m: number, end: number) {
    if (j - i > 2 || m - k > 2) return false;
    const text = this.text;
    const month = Number(text.slice(i, j));
    const day = Number(text.slice(k, m));
    if (month < 1 || month > 12 || day < 1 || day > 31) return false;
    const quoted = OPEN_QUOTES[this.code(i - 1)] === 1 && CLOSE_QUOTES[this.code(m)] === 1;
    if (!this.namesADay(quoted ? m + 1 : m, end, quoted)) return false;
    if (k - j === 1 && this.code(j) === MIDDLE_DOT) return true; // written right
    const found = text.slice(i, m);
    const expected = `${text.slice(i, j)}·${text.slice(k, m)}`;
    this.report('nameDaySeparator', i, m, { found, expected }, { start: j, end: k, text: '·' });
    return true;
  }

  /** “38”国际妇女节: a quoted number of 2–4 digits naming a day, without the 间隔号. */
  private digitsNameDay(i: number, j: number, end: number) {
    const n = j - i;
    if (n < 2 || n > 4 || !OPEN_QUOTES[this.code(i - 1)] || !CLOSE_QUOTES[this.code(j)]) return;
    const digits = this.text.slice(i, j);
    if (NUMBER_DAYS.has(digits) || !this.namesADay(j + 1, end, true)) return;
    const readings: Array<[string, string]> = [];
    for (let cut = 1; cut < n; cut++) {
      const month = digits.slice(0, cut);
      const day = digits.slice(cut);
      if (month[0] === '0' || day[0] === '0') continue;
      if (Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= 31) readings.push([month, day]);
    }
    if (readings.length === 0) return;
    if (readings.length > 1) {
      this.report('nameDayAmbiguous', i, j, { found: digits, first: readings[0]!.join('·'), second: readings[1]!.join('·') });
      return;
    }
    const expected = CHINESE_NAMES[digits] ?? readings[0]!.join('·');
    this.report('nameDayDigits', i, j, { found: digits, expected }, { start: i, end: j, text: expected });
  }

  /** After a whole number [i, numberEnd): a small unit (4千) or a range dash (15～30%). */
  private afterNumber(i: number, numberEnd: number, end: number): number {
    const next = this.code(numberEnd);
    if (next === 0x5343 || next === 0x767e) return this.mixedNumeral(i, numberEnd); // 千 百; 十 alone is too rare to be worth a look
    if (RANGE_DASHES[next] && isDigit(this.code(numberEnd + 1))) this.rangeSign(i, numberEnd, end);
    return numberEnd;
  }

  /** 4千, 4.5千, 4千5百, 3百万: the digits and small units that follow, as one value when it is whole. */
  private mixedNumeral(i: number, numberEnd: number) {
    const text = this.text;
    const unit = this.code(numberEnd);
    const after = this.code(numberEnd + 1);
    if (unit === 0x5343 /* 千 */ && NOT_NUMERAL_AFTER_QIAN[after]) return numberEnd;
    if (unit === 0x767e /* 百 */ && NOT_NUMERAL_AFTER_BAI[after]) return numberEnd;
    let value = Number(text.slice(i, numberEnd)) * smallUnit(unit);
    let last = smallUnit(unit);
    let k = numberEnd + 1;
    // Further groups in descending units: 4千5百.
    for (;;) {
      const d = this.digitsEnd(k, text.length);
      const u = smallUnit(this.code(d));
      if (d === k || u === 0 || u >= last) break;
      value += Number(text.slice(k, d)) * u;
      last = u;
      k = d + 1;
    }
    const found = text.slice(i, k);
    // A trailing bare digit (4千5) has no place value that can be told: no fix.
    if (Number.isInteger(Math.round(value * 1e6) / 1e6) && !isDigit(this.code(k))) {
      const expected = String(Math.round(value));
      this.report('mixedNumeral', i, k, { found, expected }, { start: i, end: k, text: expected });
    } else {
      this.report('mixedNumeralPlain', i, k, { found });
    }
    return k;
  }

  /** 15～30%: [i, numberEnd) is the first number, the dash follows. */
  private rangeSign(i: number, numberEnd: number, end: number) {
    const text = this.text;
    let k = this.digitsEnd(numberEnd + 1, end);
    if ((this.code(k) === 0x2e || this.code(k) === 0xff0e) && isDigit(this.code(k + 1))) k = this.digitsEnd(k + 1, end);
    if (!RANGE_SIGNS[this.code(k)]) return;
    // 9～16亿元: the multiplier; 15～30%: the sign. Either goes after the first number too.
    const sign = text[k]!;
    const found = text.slice(i, k + 1);
    const expected = `${text.slice(i, numberEnd)}${sign}${text.slice(numberEnd, k + 1)}`;
    this.report('rangeSign', i, k + 1, { found, sign, expected }, { start: numberEnd, end: numberEnd, text: sign });
  }

  /** 8五普法, 14五, 19大精神, 4中全会, 19届…中全会. */
  private fixedNumber(i: number, j: number, end: number) {
    const text = this.text;
    if (j - i > 2) return false;
    const n = Number(text.slice(i, j));
    if (n < 1 || n > 30) return false;
    const next = this.code(j);
    let fixed = false;
    if (next === 0x4e94 /* 五 */) fixed = followedBy(text, FIVE_YEAR_AFTER, j + 1, end);
    else if (next === 0x5927 /* 大 */) fixed = followedBy(text, CONGRESS_AFTER, j + 1, end) || (i >= 2 && text.startsWith('党的', i - 2));
    else if (next === 0x4e2d /* 中 */) fixed = text.startsWith('中全会', j);
    else if (next === 0x5c4a /* 届 */) {
      for (let k = j + 1; k <= j + 4 && k < end; k++) if (text.startsWith('中全会', k)) fixed = true;
    }
    if (!fixed) return false;
    const numeral = toChineseNumeral(n);
    this.report('fixedExpression', i, j + 1, { found: text.slice(i, j + 1), expected: numeral + text[j] }, { start: i, end: j, text: numeral });
    return true;
  }

  /** 最多跑1次, 1网通办, “3项制度”, found from the digit at i: returns the end of the match, or -1. */
  private fixedVariant(i: number, start: number, end: number) {
    const candidates = VARIANTS.get(variantKey(this.code(i), this.code(i + 1)));
    if (!candidates) return -1;
    for (const v of candidates) {
      const from = i - v.anchor;
      const to = from + v.wrong.length;
      if (from < start || to > end || !this.text.startsWith(v.wrong, from)) continue;
      if (v.quoted && !(OPEN_QUOTES[this.code(from - 1)] && CLOSE_QUOTES[this.code(to)])) continue;
      if (isDigit(this.code(to)) && isDigit(this.code(to - 1))) continue;
      this.report('fixedExpression', from, to, { found: v.wrong, expected: v.right }, { start: from, end: to, text: v.right });
      return to;
    }
    return -1;
  }

  /** 三·八 (a Chinese month other than 一, 十一, 十二 with the dot), or 一.二八 with a wrong separator. */
  private chineseNameDay(i: number, end: number): number {
    const text = this.text;
    let j = i;
    while (j < end && j - i < 3 && CN_NUMERALS[this.code(j)]) j++;
    if (CN_NUMERALS[this.code(j)] || !SEPARATORS[this.code(j)]) return j + 1;
    let k = j;
    while (k < end && SEPARATORS[this.code(k)]) k++;
    let m = k;
    while (m < end && m - k < 3 && CN_NUMERALS[this.code(m)]) m++;
    if (m === k || CN_NUMERALS[this.code(m)]) return Math.max(k, m);
    const quoted = OPEN_QUOTES[this.code(i - 1)] === 1 && CLOSE_QUOTES[this.code(m)] === 1;
    if (!quoted && !this.namesADay(m, end, false)) return m;
    const month = text.slice(i, j);
    const dotted = DOTTED_MONTHS.has(month);
    const separator = text.slice(j, k);
    if (dotted && separator === '·') return m;
    const found = text.slice(i, m);
    const expected = month + (dotted ? '·' : '') + text.slice(k, m);
    this.report(dotted ? 'nameDaySeparator' : 'nameDayChinese', i, m, { found, expected }, { start: j, end: k, text: dotted ? '·' : '' });
    return m;
  }
}

function followedBy(text: string, words: readonly string[], at: number, end: number) {
  for (const w of words) if (at + w.length <= end && text.startsWith(w, at)) return true;
  return false;
}

/**
 * 3个督察组 and 三个督察组 in one paragraph. The key is the unit and the two characters after it;
 * the Chinese form is reported, since counts are written in Arabic numerals (GB/T 15835-2011 §4.1).
 */
function mixedForms(tree: Root, context: RuleContext, mapper: PositionMapper) {
  const text = tree.data.text;
  const quantities = tree.data.index.quantities;
  if (!quantities.some((q) => q.numeral === 'chinese')) return;
  const all = passages(tree);
  let p = 0;
  let group = new Map<string, { arabic?: Quantity; chinese: Quantity[] }>();
  let groupPassage = -1;
  const flush = () => {
    for (const { arabic, chinese } of group.values()) {
      if (!arabic) continue;
      const other = text.slice(arabic.numberStart, arabic.position!.end.offset!);
      for (const q of chinese) {
        const found = text.slice(q.numberStart, q.position!.end.offset!);
        const digits = String(q.value);
        const expected = digits + text.slice(q.numberEnd, q.position!.end.offset!);
        context.report({
          messageId: 'mixedForms',
          data: { found, other, expected },
          position: mapper.position(q.numberStart, q.position!.end.offset!),
          related: [{ position: mapper.position(arabic.numberStart, arabic.position!.end.offset!), messageId: 'otherForm', data: { other } }],
          fix: { messageId: 'replace', data: { expected: digits }, edits: [{ start: q.numberStart, end: q.numberEnd, text: digits }] },
        });
      }
    }
    group = new Map();
  };
  for (const q of quantities) {
    const start = q.position?.start.offset;
    const end = q.position?.end.offset;
    if (start === undefined || end === undefined) continue;
    while (p < all.length && all[p]!.end <= start) p++;
    if (p >= all.length) break;
    if (all[p]!.start > start) continue;
    if (p !== groupPassage) {
      flush();
      groupPassage = p;
    }
    if (!comparable(text, q, end)) continue;
    const key = q.unit + text.slice(end, end + 2);
    const entry = group.get(key) ?? { chinese: [] };
    if (q.numeral === 'arabic') entry.arabic ??= q;
    else entry.chinese.push(q);
    group.set(key, entry);
  }
  flush();
}

function comparable(text: string, q: Quantity, end: number): boolean {
  if (!q.exact || q.unit === '' || !Number.isInteger(q.value) || q.value < 2 || q.value > 99) return false;
  if (q.numeral === 'chinese' && text.slice(q.numberStart, q.numberEnd).length > 3) return false;
  if (!isHan(text.charCodeAt(end)) || !isHan(text.charCodeAt(end + 1))) return false;
  const before = text.charCodeAt(q.numberStart - 1);
  if (OPEN_QUOTES[before] || CLOSE_QUOTES[text.charCodeAt(end + 2)]) return false;
  // 第三个 is an ordinal; 十几个 and 数个 are not counts of a known size.
  if (before === 0x7b2c /* 第 */ || /[几数多余]/.test(text.slice(q.numberStart, end))) return false;
  // 推行行政执法三项制度 keeps its numeral even next to 建立3项制度: it is a name, not a count.
  return q.numeral === 'arabic' || !inFixedExpression(text, q.numberStart);
}

/** Whether the Chinese numeral at `at` is part of one of FIXED_EXPRESSIONS. */
function inFixedExpression(text: string, at: number): boolean {
  for (const { text: expression } of FIXED_EXPRESSIONS) {
    for (let k = expression.indexOf(text[at]!); k >= 0; k = expression.indexOf(text[at]!, k + 1)) {
      if (text.startsWith(expression, at - k)) return true;
    }
  }
  return false;
}
