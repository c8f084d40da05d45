/**
 * punctuation — the punctuation slips of GB/T 15834-2011《标点符号用法》 that a proofreader of
 * official documents marks, without touching the ASCII commas and brackets of text pasted from
 * web portals (that is punctuation-width's business, off by default):
 *
 * - A 顿号 between consecutive items in 书名号 or 引号 (《A》、《B》 → 《A》《B》, §4.5): when something
 *   stands between them (《A》（2020年）、《B》) the 顿号 is right and nothing is said. A list that
 *   mixes both ways, or a document that writes some lists with and some without, says so and
 *   points at the other way.
 * - Year ranges (2021—2025年) written with different dashes in one document, or consistently with a
 *   hyphen or a doubled dash: a range of time takes the 一字线 “—” (§4.13; the 浪纹线 “～” is also
 *   allowed and left alone when used throughout).
 * - Punctuation right after a numbering marker: （一）、 一、， 1.、 — the marker is complete as it is.
 * - ％ and % both used: the minority form is reported, with a fix for all of them.
 * - Spaces before a full-width mark (“报告 。”), which typesetting never needs.
 * - Quotes and brackets left open or closed without opening within a paragraph (“ without ”,
 *   《 without 》, （ without ）), §4.8 §4.9 §4.15. Reported at warning: a reader cannot tell where
 *   the quotation or title ends. A pair of one ASCII and one full-width bracket, "(" … "）", is
 *   balanced; it is reported as a width mix (a hint) unless it is a numbering marker such as
 *   (一）, which numbering-style owns. A ")" after a short number without "(" is a list marker
 *   (1) 2)), not an unbalanced bracket. ASCII double quotes cannot be told apart, so only an odd
 *   count in a paragraph is reported.
 *
 * It reads the marks of the shared scan (support/text-scan.ts: brackets, quotes, percent signs,
 * spaces, the digits that start a year); the list scan reads each titled item once more.
 */
import type { Fix, Rule, RuleContext } from '../engine/rule';
import type { Root } from '../parser/types';
import { PositionMapper } from '../parser/positions';
import { GROUP, charTable, markCharacters, textScan, type TextScan } from './support/text-scan';

/** Brackets and quotes by kind (1…): an opener pairs with a closer of its kind, of either width. */
const OPEN_KIND = new Uint8Array(0x10000);
const CLOSE_KIND = new Uint8Array(0x10000);
const PAIRS: readonly string[] = ['（）()', '《》', '〈〉', '【】', '〔〕', '［］[]', '“”', '「」', '『』'];
PAIRS.forEach((pair, k) => {
  for (let i = 0; i < pair.length; i += 2) {
    OPEN_KIND[pair.charCodeAt(i)] = k + 1;
    CLOSE_KIND[pair.charCodeAt(i + 1)] = k + 1;
  }
});
/** Openers of items that may form a list: 《A》《B》, “A”“B”, 「A」「B」. */
const LIST_OPENERS = charTable('《“「');
const LIST_CLOSE: Record<number, number> = { 0x300a: 0x300b, 0x201c: 0x201d, 0x300c: 0x300d };
const DUN = 0x3001; // 、
/** How deep a closer looks for its opener: prose nests a few levels, and a bound keeps any text linear. */
const MAX_DEPTH = 16;
/** Marks that no space may precede. */
const SPACE_SENSITIVE = charTable('。，、；：？！');
const SPACES = charTable(' \u3000\u00a0\t');
const MARKER_FOLLOWERS = charTable('、，,.．：:；;');
/** Dashes written in year ranges. 至 is a word, not a dash, and is fine. */
const YEAR_DASHES = charTable('—–－-～~─━');
const STANDARD_DASH = '—';
/** The 浪纹线 may stand for ranges too (§4.13); used throughout, it is not reported. */
const WAVE_DASHES = new Set(['～', '~']);
const NUMERAL_CONTENT = charTable('0123456789一二三四五六七八九十〇零');
const LETTER_OR_DIGIT = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

// Brackets and quotes, spaces (before a mark), percent signs, the digits that start a year.
const BIT = 1 << GROUP.punctuation;
markCharacters(GROUP.punctuation, '（(《〈【〔[［“「『）)》〉】〕]］”」』"%％12 \u3000\u00a0\t');

const FULL_WIDTH: Record<string, string> = { '(': '（', ')': '）' };

interface YearRange {
  start: number;
  dashStart: number;
  dashEnd: number;
  end: number;
  dash: string;
}

interface TitleList {
  start: number;
  end: number;
  pair: string;
  duns: number[];
  /** Offset of a joint without 顿号 in the list, or -1. */
  bare: number;
}

export const punctuation: Rule = {
  meta: {
    id: 'punctuation',
    description: {
      zh: '标点符号用法应符合 GB/T 15834-2011：书名号、引号间不用顿号，年份范围连接号统一，序号后不加标点，引号括号成对',
      en: 'Punctuation follows GB/T 15834-2011: no 顿号 between titles or quotations, one dash for year ranges, nothing after a numbering marker, quotes and brackets in pairs',
    },
    defaultSeverity: 'hint',
    fixable: true,
    messages: {
      dunBetween: {
        zh: '用「{pair}」标示的并列成分之间通常不用顿号：「{found}」应为「{expected}」',
        en: 'Consecutive items marked with “{pair}” are not separated by 顿号: “{found}” should be “{expected}”',
      },
      dunInconsistent: {
        zh: '用「{pair}」标示的并列成分之间时用时不用顿号，通常不用：「{found}」应为「{expected}」',
        en: 'Consecutive items marked with “{pair}” are written both with and without 顿号; they take none: “{found}” should be “{expected}”',
      },
      withoutDun: { zh: '此处未用顿号', en: 'written without 顿号 here' },
      dashInconsistent: {
        zh: '年份范围连接号写法不一致：「{found}」与「{other}」，应统一用一字线「{expected}」',
        en: 'Year ranges are written with different dashes: “{found}” and “{other}”; use the one-character dash: “{expected}”',
      },
      yearRangeDash: {
        zh: '年份范围应使用一字线连接号：「{found}」应为「{expected}」',
        en: 'A range of years takes the one-character dash: “{found}” should be “{expected}”',
      },
      otherDash: { zh: '另一种写法「{other}」', en: 'the other form “{other}”' },
      markerPunctuation: {
        zh: '序号「{marker}」后不应再加标点「{mark}」',
        en: 'Nothing follows the numbering marker “{marker}”: remove “{mark}”',
      },
      percentMixed: {
        zh: '百分号全角半角混用：全文多用「{expected}」，此处为「{found}」',
        en: 'Full-width and ASCII percent signs are mixed: the document mostly writes “{expected}”, this one is “{found}”',
      },
      spaceBefore: {
        zh: '标点「{mark}」前不应有空格',
        en: 'No space before “{mark}”',
      },
      unclosed: {
        zh: '「{mark}」在本段中没有对应的「{closer}」',
        en: '“{mark}” has no matching “{closer}” in this paragraph',
        severity: 'warning',
      },
      unopened: {
        zh: '「{mark}」在本段中没有对应的「{opener}」',
        en: '“{mark}” has no matching “{opener}” in this paragraph',
        severity: 'warning',
      },
      oddQuotes: {
        zh: '本段半角引号「"」的个数为奇数，有引号没有配对',
        en: 'This paragraph has an odd number of ASCII quotes “"”: one of them is unpaired',
        severity: 'warning',
      },
      bracketWidth: {
        zh: '括号一个全角一个半角：「{found}」应为「{expected}」',
        en: 'One bracket is full-width and the other ASCII: “{found}” should be “{expected}”',
      },
      removeDun: { zh: '删去顿号', en: 'Remove the 顿号' },
      useDash: { zh: '统一为一字线「—」', en: 'Use the dash “—”' },
      removeMark: { zh: '删去「{mark}」', en: 'Remove “{mark}”' },
      unifyPercent: { zh: '全部统一为「{expected}」', en: 'Write all as “{expected}”' },
      removeSpace: { zh: '删去空格', en: 'Remove the space' },
      fullWidth: { zh: '改为「{expected}」', en: 'Change to “{expected}”' },
    },
  },

  check(tree, context) {
    new PunctuationChecker(tree, context).run();
  },
};

/**
 * One check. The helpers are methods rather than closures inside check(): the rule runs on every
 * keystroke, and closures would be created (and, under the transform tests run with, named) on
 * every run.
 */
class PunctuationChecker {
  private readonly text: string;
  private readonly mapper: PositionMapper;
  private readonly lists: TitleList[] = [];
  /** A joint without 顿号 in some list of the document, or -1. */
  private bareJoint = -1;
  private readonly years: YearRange[] = [];
  private readonly ascii: number[] = [];
  private readonly full: number[] = [];

  constructor(
    private readonly tree: Root,
    private readonly context: RuleContext,
  ) {
    this.text = tree.data.text;
    this.mapper = new PositionMapper(tree.data.lineStarts);
  }

  private code(i: number) {
    return this.text.charCodeAt(i);
  }

  run() {
    const scan = textScan(this.tree);
    for (let p = 0; p < scan.passages.length; p++) {
      const { start, end } = scan.passages[p]!;
      if (scan.markStart[p] === scan.markStart[p + 1]) continue;
      this.passage(start, end, scan, scan.markStart[p]!, scan.markStart[p + 1]!);
    }
    this.reportLists();
    this.reportYears();
    this.reportPercents();
    this.reportMarkers();
  }

  /** The marks of one passage: scan.marks[from] … scan.marks[to - 1]. */
  private passage(start: number, end: number, { marks, groups }: TextScan, from: number, to: number) {
    const text = this.text;
    const stack: number[] = []; // open brackets and quotes (offsets)
    const quotes: number[] = []; // ASCII double quotes
    let listEnd = start;
    let skipUntil = start;
    for (let n = from; n < to; n++) {
      if (!(groups[n]! & BIT)) continue;
      const i = marks[n]!;
      if (i < skipUntil) continue;
      const c = this.code(i);
      if (OPEN_KIND[c]) {
        if (LIST_OPENERS[c] && i >= listEnd) listEnd = this.scanList(i, end);
        stack.push(i);
      } else if (CLOSE_KIND[c]) {
        const kind = CLOSE_KIND[c];
        let k = stack.length - 1;
        while (k >= 0 && k >= stack.length - MAX_DEPTH && OPEN_KIND[this.code(stack[k]!)] !== kind) k--;
        if (k < stack.length - MAX_DEPTH) k = -1;
        if (k < 0) {
          if ((c === 0x29 || c === 0xff09) && this.isListMarkerClose(i, start)) continue;
          this.context.report({ messageId: 'unopened', data: { mark: text[i]!, opener: PAIRS[kind - 1]![0]! }, position: this.mapper.position(i, i + 1) });
          continue;
        }
        for (let u = stack.length - 1; u > k; u--) this.reportUnclosed(stack[u]!);
        const open = stack[k]!;
        while (stack.length > k) stack.pop();
        if ((c === 0x29) !== (this.code(open) === 0x28) && !this.isMarkerPair(open, i)) this.reportWidthMix(open, i);
      } else if (c === 0x22) {
        quotes.push(i);
      } else if (c === 0x25 || c === 0xff05) {
        (c === 0x25 ? this.ascii : this.full).push(i);
      } else if (c === 0x31 || c === 0x32) {
        skipUntil = this.yearRange(i, end);
      } else if (SPACES[c]) {
        // A run of spaces before a full-width mark, not at the start of the passage.
        let k = i + 1;
        while (k < end && SPACES[this.code(k)]) k++;
        skipUntil = k;
        if (i > start && k < end && SPACE_SENSITIVE[this.code(k)]) {
          this.context.report({
            messageId: 'spaceBefore',
            data: { mark: text[k]! },
            position: this.mapper.position(i, k + 1),
            fix: { messageId: 'removeSpace', edits: [{ start: i, end: k, text: '' }] },
          });
        }
      }
    }
    for (const open of stack) this.reportUnclosed(open);
    if (quotes.length % 2 === 1) {
      const last = quotes[quotes.length - 1]!;
      this.context.report({ messageId: 'oddQuotes', position: this.mapper.position(last, last + 1) });
    }
  }

  /** 《A》、《B》《C》: items of one kind joined by nothing or by a 顿号. Returns the end of what it read. */
  private scanList(i: number, end: number): number {
    const open = this.code(i);
    const close = LIST_CLOSE[open]!;
    const duns: number[] = [];
    let bare = -1;
    let items = 0;
    let p = i;
    let last = -1;
    for (;;) {
      let q = p + 1;
      while (q < end && this.code(q) !== close && this.code(q) !== open) q++;
      if (q >= end || this.code(q) !== close) break;
      items++;
      last = q + 1;
      if (this.code(last) === open) {
        if (bare < 0) bare = last;
        p = last;
      } else if (this.code(last) === DUN && this.code(last + 1) === open) {
        duns.push(last);
        p = last + 1;
      } else break;
    }
    if (items >= 2) {
      if (bare >= 0 && this.bareJoint < 0) this.bareJoint = bare;
      if (duns.length) this.lists.push({ start: i, end: last, pair: String.fromCharCode(open, close), duns, bare });
    }
    return last < 0 ? i + 1 : last;
  }

  /** An unmatched ")" right after one or two digits, numerals or letters: 1) 2) a) — a list marker. */
  private isListMarkerClose(i: number, start: number) {
    let k = i - 1;
    while (k >= start && i - k <= 3 && (NUMERAL_CONTENT[this.code(k)] || LETTER_OR_DIGIT(this.code(k)))) k--;
    return k < i - 1 && i - k <= 3;
  }

  /** Content that is only a numeral: (一), (1) — a numbering marker, numbering-style's concern. */
  private isMarkerPair(open: number, close: number) {
    if (close - open < 2 || close - open > 4) return false;
    for (let k = open + 1; k < close; k++) if (!NUMERAL_CONTENT[this.code(k)]) return false;
    return true;
  }

  private yearAt(i: number) {
    for (let k = i; k < i + 4; k++) if (!isDigit(this.code(k))) return -1;
    if (isDigit(this.code(i + 4))) return -1;
    const y = Number(this.text.slice(i, i + 4));
    return y >= 1900 && y <= 2099 ? y : -1;
  }

  /** 2021—2025年, 2020年-2021年: records the range; returns where reading may go on. */
  private yearRange(i: number, end: number) {
    const before = this.code(i - 1);
    if (LETTER_OR_DIGIT(before) || before === 0x2d || before === 0x2e) return i + 1;
    const y1 = this.yearAt(i);
    if (y1 < 0) return i + 1;
    let p = i + 4;
    if (this.code(p) === 0x5e74 /* 年 */) p++;
    const dashStart = p;
    while (p < end && p - dashStart < 2 && YEAR_DASHES[this.code(p)]) p++;
    if (p === dashStart) return i + 4;
    const y2 = this.yearAt(p);
    if (y2 <= y1 || y2 > y1 + 100) return i + 4;
    const yearEnd = this.code(p + 4) === 0x5e74 /* 年 */ ? p + 5 : p + 4;
    this.years.push({ start: i, dashStart, dashEnd: p, end: yearEnd, dash: this.text.slice(dashStart, p) });
    return p + 4;
  }

  private reportUnclosed(open: number) {
    const pair = PAIRS[OPEN_KIND[this.code(open)]! - 1]!;
    const mark = this.text[open]!;
    this.context.report({ messageId: 'unclosed', data: { mark, closer: pair[pair.indexOf(mark) + 1]! }, position: this.mapper.position(open, open + 1) });
  }

  private reportWidthMix(open: number, close: number) {
    const text = this.text;
    const at = this.code(open) === 0x28 ? open : close;
    const fixed = FULL_WIDTH[text[at]!]!;
    const found = close - open > 40 ? `${text.slice(open, open + 18)}…${text.slice(close - 17, close + 1)}` : text.slice(open, close + 1);
    const expected = at === open ? fixed + found.slice(1) : found.slice(0, -1) + fixed;
    this.context.report({
      messageId: 'bracketWidth',
      data: { found, expected },
      position: this.mapper.position(open, close + 1),
      fix: { messageId: 'fullWidth', data: { expected: fixed }, edits: [{ start: at, end: at + 1, text: fixed }] },
    });
  }

  /** 顿号 between titles or quotations: one finding per list, pointing at a joint without 顿号 if the document has one. */
  private reportLists() {
    for (const list of this.lists) {
      const bare = list.bare >= 0 ? list.bare : this.bareJoint;
      const fix: Fix = { messageId: 'removeDun', edits: list.duns.map((d) => ({ start: d, end: d + 1, text: '' })) };
      this.context.report({
        messageId: bare >= 0 ? 'dunInconsistent' : 'dunBetween',
        data: { pair: list.pair, found: `${list.pair[1]}、${list.pair[0]}`, expected: `${list.pair[1]}${list.pair[0]}` },
        position: this.mapper.position(list.start, list.end),
        fix,
        ...(bare >= 0 ? { related: [{ position: this.mapper.position(bare - 1, bare + 1), messageId: 'withoutDun' }] } : {}),
      });
    }
  }

  /** Year ranges: mixed dashes are reported against the standard form; one non-standard dash throughout, each. */
  private reportYears() {
    const years = this.years;
    if (!years.length) return;
    const forms = new Set(years.map((y) => y.dash));
    if (forms.size > 1) {
      const model = years.find((y) => y.dash === STANDARD_DASH) ?? years[0]!;
      for (const y of years) {
        if (y.dash === STANDARD_DASH) continue;
        this.reportDash('dashInconsistent', y, model.dash === y.dash ? years.find((o) => o.dash !== y.dash)! : model);
      }
    } else {
      const dash = years[0]!.dash;
      if (dash !== STANDARD_DASH && !WAVE_DASHES.has(dash)) for (const y of years) this.reportDash('yearRangeDash', y);
    }
  }

  private reportDash(messageId: string, y: YearRange, other?: YearRange) {
    const text = this.text;
    const found = text.slice(y.start, y.end);
    const expected = text.slice(y.start, y.dashStart) + STANDARD_DASH + text.slice(y.dashEnd, y.end);
    const otherText = other ? text.slice(other.start, other.end) : '';
    this.context.report({
      messageId,
      data: other ? { found, other: otherText, expected } : { found, expected },
      position: this.mapper.position(y.start, y.end),
      fix: { messageId: 'useDash', edits: [{ start: y.dashStart, end: y.dashEnd, text: STANDARD_DASH }] },
      ...(other ? { related: [{ position: this.mapper.position(other.start, other.end), messageId: 'otherDash', data: { other: otherText } }] } : {}),
    });
  }

  /** ％ and % both used: the minority form, each, with one fix for all of them. */
  private reportPercents() {
    const { ascii, full } = this;
    if (!ascii.length || !full.length) return;
    const useFull = full.length > ascii.length;
    const minority = useFull ? ascii : full;
    const expected = useFull ? '％' : '%';
    const fix: Fix = { messageId: 'unifyPercent', data: { expected }, edits: minority.map((at) => ({ start: at, end: at + 1, text: expected })) };
    for (const at of minority) {
      this.context.report({ messageId: 'percentMixed', data: { found: this.text[at]!, expected }, position: this.mapper.position(at, at + 1), fix });
    }
  }

  /** Punctuation right after a numbering marker, in headings and inside paragraphs (not after 一是 or 第一). */
  private reportMarkers() {
    const { sections, enumMarkers } = this.tree.data.index;
    for (const section of sections) if (section.marker) this.afterMarker(section.marker.text, section.marker.position.end.offset);
    for (const m of enumMarkers) if (m.kind !== 'cn-shi' && m.kind !== 'cn-di') this.afterMarker(m.text, m.position?.end.offset);
  }

  private afterMarker(markerText: string, at: number | undefined) {
    if (at === undefined || !MARKER_FOLLOWERS[this.code(at)]) return;
    const mark = this.text[at]!;
    this.context.report({
      messageId: 'markerPunctuation',
      data: { marker: markerText, mark },
      position: this.mapper.position(at - markerText.length, at + 1),
      fix: { messageId: 'removeMark', data: { mark }, edits: [{ start: at, end: at + 1, text: '' }] },
    });
  }
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
