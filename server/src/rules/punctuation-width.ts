/**
 * punctuation-width — ASCII punctuation between Chinese text: , : ; ? ! ( ) and " written where
 * full-width ，：；？！（）“” belong (GB/T 15834-2011 writes Chinese punctuation full-width).
 *
 * Off by default: text pasted from web portals arrives with every comma and bracket converted to
 * ASCII, and one finding per comma would bury everything else. When turned on it reports one
 * finding per paragraph, whose fix converts every such mark of the paragraph at once.
 *
 * What stays ASCII: marks between digits or Latin text (1,000, 08:45, http://, a,b), the target
 * of a Markdown link ([…](…)), numbering markers in brackets ((一), (1)) and list markers (1)),
 * which numbering-style owns, and ASCII quotes when a paragraph has an odd number of them (which
 * pair is which cannot be told; the punctuation rule reports that). Spaces after a converted mark
 * go: full-width marks carry their own spacing.
 */
import type { Rule, TextEdit } from '../engine/rule';
import { PositionMapper } from '../parser/positions';
import { GROUP, charTable, isHan as hanImport, markCharacters, textScan, type TextScan } from './support/text-scan';

/** Bound once: under the CommonJS transform the tests run with, an imported binding is a getter call, too slow for a per-character loop. */
const isHan = hanImport;

const ASCII_MARKS = charTable(',:;?!()"');
const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
const NUMERALS = charTable('0123456789一二三四五六七八九十〇零');
const SPACES = charTable(' \t\u00a0');
const SEE_THROUGH = charTable(' \t\u00a0"()');

const BIT = 1 << GROUP.width;
markCharacters(GROUP.width, ',:;?!()"（）');

/** Chinese text or full-width punctuation. */
function isWide(c: number): boolean {
  return isHan(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2018 && c <= 0x201f) || c === 0x2014 || c === 0x2026 || c === 0xb7;
}
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

export const punctuationWidth: Rule = {
  meta: {
    id: 'punctuation-width',
    description: {
      zh: '中文之间的标点应使用全角：半角逗号、冒号、分号、问号、叹号、括号和引号改为全角（默认关闭）',
      en: 'Punctuation between Chinese text is full-width: ASCII commas, colons, semicolons, question and exclamation marks, brackets and quotes become full-width (off by default)',
    },
    defaultSeverity: 'off',
    fixable: true,
    messages: {
      halfWidth: {
        zh: '本段有{count}处半角标点（「{marks}」）用在中文之间，应改为全角',
        en: 'This paragraph has {count} ASCII punctuation marks (“{marks}”) between Chinese text; use full-width marks',
      },
      convert: { zh: '本段标点改为全角', en: 'Make this paragraph’s punctuation full-width' },
    },
  },

  check(tree, context) {
    const text = tree.data.text;
    const mapper = new PositionMapper(tree.data.lineStarts);
    const scan = textScan(tree);
    for (let p = 0; p < scan.passages.length; p++) {
      if (scan.markStart[p] === scan.markStart[p + 1]) continue;
      const { start, end } = scan.passages[p]!;
      const edits = passageEdits(text, start, end, scan, scan.markStart[p]!, scan.markStart[p + 1]!);
      if (!edits.length) continue;
      let kinds = '';
      for (const e of edits) if (!kinds.includes(text[e.start]!)) kinds += (kinds ? ' ' : '') + text[e.start];
      context.report({
        messageId: 'halfWidth',
        data: { count: edits.length, marks: kinds },
        position: mapper.position(edits[0]!.start, edits[edits.length - 1]!.start + 1),
        fix: { messageId: 'convert', edits },
      });
    }
  },
};

/**
 * The nearest character before i (step -1) or after it (step 1) within [start, end), past spaces
 * and ASCII quotes and brackets: in 方案"? the question mark follows Chinese text.
 */
function neighbour(text: string, i: number, step: 1 | -1, start: number, end: number) {
  let k = i + step;
  // A few characters at most: a run of thousands of spaces or quotes must not be read once per mark.
  const limit = i + step * 8;
  while (k >= start && k < end && k !== limit && SEE_THROUGH[text.charCodeAt(k)]) k += step;
  return k >= start && k < end && k !== limit ? text.charCodeAt(k) : NaN;
}

/** The conversions of one passage, visiting its marks (scan.marks[from] … scan.marks[to - 1]). */
function passageEdits(text: string, start: number, end: number, { marks, groups }: TextScan, from: number, to: number): TextEdit[] {
  const edits: TextEdit[] = [];
  const quotes: number[] = [];
  let wideQuote = false;
  let skipUntil = start;
  let depth = 0; // open brackets of either width, to tell a list marker 1) from a closing bracket
  for (let n = from; n < to; n++) {
    if (!(groups[n]! & BIT)) continue;
    const i = marks[n]!;
    const c = text.charCodeAt(i);
    if (c === 0xff08) depth++;
    else if (c === 0xff09) depth = Math.max(0, depth - 1);
    if (!ASCII_MARKS[c] || i < skipUntil) continue;
    const before = neighbour(text, i, -1, start, end);
    const after = neighbour(text, i, 1, start, end);
    if (c === 0x22) {
      quotes.push(i);
      if (isWide(before) || isWide(after)) wideQuote = true;
      continue;
    }
    if (c === 0x28 && text.charCodeAt(i - 1) === 0x5d) {
      // ](…): the target of a Markdown link, not prose.
      let k = i + 1;
      for (let open = 1; k < end; k++) {
        const d = text.charCodeAt(k);
        if (d === 0x28) open++;
        else if (d === 0x29 && --open === 0) break;
      }
      skipUntil = k + 1;
      continue;
    }
    if (c === 0x28) {
      // (一) (1): a numbering marker, left to numbering-style.
      let k = i + 1;
      while (k < end && k - i <= 3 && NUMERALS[text.charCodeAt(k)]) k++;
      if (k > i + 1 && (text.charCodeAt(k) === 0x29 || text.charCodeAt(k) === 0xff09)) {
        skipUntil = k + 1;
        continue;
      }
      depth++;
    } else if (c === 0x29) {
      if (depth === 0 && NUMERALS[text.charCodeAt(i - 1)]) continue; // 1) 2): a list marker
      depth = Math.max(0, depth - 1);
    }
    if (!isWide(before) && !isWide(after)) continue;
    if ((c === 0x2c || c === 0x3a) && isDigit(before) && isDigit(after)) continue;
    if (c === 0x3a && text.charCodeAt(i + 1) === 0x2f) continue; // http://
    // Spaces after a converted mark go with it, unless what follows is not Chinese.
    let end2 = i + 1;
    if (c !== 0x28 && c !== 0x29) while (end2 < end && SPACES[text.charCodeAt(end2)]) end2++;
    if (end2 > i + 1 && !isWide(text.charCodeAt(end2))) end2 = i + 1;
    edits.push({ start: i, end: end2, text: FULL[text[i]!]! });
  }
  if (!quotes.length || quotes.length % 2 === 1 || !wideQuote) return edits;
  // Both lists are in order: merged, not sorted.
  const merged: TextEdit[] = [];
  let e = 0;
  quotes.forEach((at, n) => {
    while (e < edits.length && edits[e]!.start < at) merged.push(edits[e++]!);
    merged.push({ start: at, end: at + 1, text: n % 2 === 0 ? '“' : '”' });
  });
  while (e < edits.length) merged.push(edits[e++]!);
  return merged;
}
