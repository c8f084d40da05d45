/**
 * The text the writing-standard rules (number-usage, punctuation, punctuation-width, repeated-word,
 * word-usage) read, and one shared pass over it.
 *
 * Passages: the title, every heading after its numbering marker, every paragraph, and the closing
 * organ and date lines, with the parts of one line merged (a heading and the rest of its line read
 * as one paragraph, as a proofreader sees them). Numbering markers are left out on purpose: their
 * brackets and delimiters belong to the numbering rules, and “（一）” must not count as a bracket
 * pair or as a number. Markdown code and front matter never become paragraphs, so they are never
 * read.
 *
 * The pass: these rules run one after the other on every keystroke, and reading 50 KB of text
 * character by character is most of what each would cost. So the characters they look at are
 * collected once per tree (`marks`, each with the bits of the rules that want it, from tables the
 * rules fill at load time with markCharacters and markPairs), together with the places where a
 * Han character repeats one a few characters back (`repeats`, the only candidates for a doubled
 * word). Each rule then visits the marks, not the text. The tables may grow at run time
 * (word-usage adds the beginnings of a user's dictionary); a scan made with older tables is redone.
 */
import type { Root } from '../../parser/types';

export interface Passage {
  /** Offsets into tree.data.text: [start, end). */
  start: number;
  end: number;
}

/** The groups of marks: one per rule that reads marks, so that each visits only its own. */
export const GROUP = { numbers: 0, punctuation: 1, width: 2, words: 3 } as const;

export interface TextScan {
  passages: readonly Passage[];
  /** Offsets of the marked characters inside passages, in order. */
  marks: Int32Array;
  /** For each mark, the groups that look at it: bit 1 << GROUP.numbers, … */
  groups: Uint8Array;
  /** marks[markStart[p]] … marks[markStart[p + 1] - 1] lie in passage p. */
  markStart: Int32Array;
  /**
   * Offsets i of Han characters equal to the character 2, 3 or 4 before them (衔接衔接: at the
   * second 衔 and 接), or 的 right after 的: where a doubled word can end its first copy.
   */
  repeats: Int32Array;
  repeatStart: Int32Array;
}

/** Bit g set: group g looks at the character. */
const MASK = new Uint8Array(0x10000);
/** Two characters (hashed by pairKey) that start something a group looks at; the first is marked. */
const PAIRS = new Uint8Array(0x10000);
let pairGroup = -1;
let tableVersion = 0;

/** A hash of two characters into 16 bits; a collision only costs a look. */
export const pairKey = (a: number, b: number) => (a * 31 + b) & 0xffff;

/** Adds characters to a group's table; a rule calls it at load time with the characters it gates on. */
export function markCharacters(group: number, chars: string): void {
  let added = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars.charCodeAt(i);
    if (!(MASK[c]! & (1 << group))) {
      MASK[c] = MASK[c]! | (1 << group);
      added = true;
    }
  }
  if (added) tableVersion++;
}

/**
 * Marks the first character of every occurrence of these two-character beginnings (法制, 截止), for
 * one group: a dictionary whose words start with common characters (法, 行) would otherwise be
 * visited at every 法治 and 行政.
 */
export function markPairs(group: number, starts: Iterable<string>): void {
  if (pairGroup >= 0 && pairGroup !== group) throw new Error('text-scan: pairs are marked for one group only');
  pairGroup = group;
  let added = false;
  for (const s of starts) {
    const key = pairKey(s.charCodeAt(0), s.charCodeAt(1));
    if (!PAIRS[key]) {
      PAIRS[key] = 1;
      added = true;
    }
  }
  if (added) tableVersion++;
}

const cache = new WeakMap<Root, { version: number; scan: TextScan }>();

export function textScan(tree: Root): TextScan {
  const cached = cache.get(tree);
  if (cached && cached.version === tableVersion) return cached.scan;
  const scan = computeScan(tree, cached?.scan.passages ?? passagesOf(tree));
  cache.set(tree, { version: tableVersion, scan });
  return scan;
}

export function passages(tree: Root): readonly Passage[] {
  return textScan(tree).passages;
}

const DE = 0x7684; // 的

function computeScan(tree: Root, passages: readonly Passage[]): TextScan {
  const text = tree.data.text;
  let size = 0;
  for (const p of passages) size += p.end - p.start;
  // Marks are about a tenth of report text; the arrays grow if not.
  let marks = new Int32Array((size >> 3) + 64);
  let groups = new Uint8Array(marks.length);
  let repeats = new Int32Array((size >> 6) + 64);
  const markStart = new Int32Array(passages.length + 1);
  const repeatStart = new Int32Array(passages.length + 1);
  const pairBit = pairGroup >= 0 ? 1 << pairGroup : 0;
  let m = 0;
  let r = 0;
  for (let p = 0; p < passages.length; p++) {
    const { start, end } = passages[p]!;
    markStart[p] = m;
    repeatStart[p] = r;
    // The four characters before i, in registers: the comparisons cost no reads.
    let c1 = -1;
    let c2 = -1;
    let c3 = -1;
    let c4 = -1;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (m + 2 > marks.length) {
        marks = grown(marks);
        const g = new Uint8Array(marks.length);
        g.set(groups);
        groups = g;
      }
      // A pair ending at i marks i - 1 (before i's own mark, to keep the marks in order).
      if (pairBit && c1 >= 0 && PAIRS[pairKey(c1, c)]) {
        if (m > markStart[p]! && marks[m - 1] === i - 1) groups[m - 1] |= pairBit;
        else {
          marks[m] = i - 1;
          groups[m++] = pairBit;
        }
      }
      const mask = MASK[c]!;
      if (mask) {
        marks[m] = i;
        groups[m++] = mask;
      }
      if ((c === c2 || c === c3 || c === c4 || (c === DE && c1 === DE)) && isHan(c)) {
        if (r === repeats.length) repeats = grown(repeats);
        repeats[r++] = i;
      }
      c4 = c3;
      c3 = c2;
      c2 = c1;
      c1 = c;
    }
  }
  markStart[passages.length] = m;
  repeatStart[passages.length] = r;
  return { passages, marks: marks.subarray(0, m), groups: groups.subarray(0, m), markStart, repeats: repeats.subarray(0, r), repeatStart };
}

function grown(a: Int32Array): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

interface Part {
  start: number;
  end: number;
  line: number;
  endLine: number;
}

function partOf(node: { position?: { start: { offset?: number; line: number }; end: { offset?: number; line: number } } } | undefined, start?: number): Part | undefined {
  const at = node?.position;
  if (!at || at.start.offset === undefined || at.end.offset === undefined) return undefined;
  return { start: start ?? at.start.offset, end: at.end.offset, line: at.start.line, endLine: at.end.line };
}

function passagesOf(tree: Root): Passage[] {
  // Three streams, each in document order, merged rather than sorted: headings (after their
  // markers; for Markdown headings without one, from the heading's text, after "## "), paragraphs,
  // and the title and closing lines (organ names and date, where template text like XX县人民政府
  // is left most often).
  const headings: Part[] = [];
  for (const section of tree.data.index.sections) {
    const heading = section.children[0];
    const part = partOf(heading, section.marker?.position.end.offset ?? heading.children[0]?.position?.start.offset);
    if (part) headings.push(part);
  }
  const paragraphs: Part[] = [];
  for (const p of tree.data.index.paragraphs) {
    const part = partOf(p);
    if (part) paragraphs.push(part);
  }
  const others: Part[] = [];
  const title = partOf(tree.title);
  if (title) others.push(title);
  for (const child of tree.closing?.children ?? []) {
    const part = partOf(child);
    if (part) others.push(part);
  }
  const streams = [headings, paragraphs, others];
  const next = [0, 0, 0];
  const merged: Passage[] = [];
  let lastLine = -1;
  for (;;) {
    let best = -1;
    for (let k = 0; k < 3; k++) {
      const part = streams[k]![next[k]!];
      if (part && (best < 0 || part.start < streams[best]![next[best]!]!.start)) best = k;
    }
    if (best < 0) break;
    const part = streams[best]![next[best]!++]!;
    if (part.end <= part.start) continue;
    const last = merged[merged.length - 1];
    if (last && part.line === lastLine && part.start >= last.end) last.end = Math.max(last.end, part.end);
    else if (!last || part.start >= last.end) merged.push({ start: part.start, end: part.end });
    lastLine = part.endLine;
  }
  return merged;
}

/** Han ideographs (CJK Unified, Extension A, Compatibility). */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** A lookup table over UTF-16 code units, for gates in character loops. */
export function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}
