/**
 * Numbering markers: the four structural levels of GB/T 9704-2012 §7.3.3 at the start of a line,
 * and inline enumeration markers (一是, 第一，, or a structural marker inside a paragraph).
 *
 * The patterns are deliberately strict about what follows a marker, because reports are full of
 * numbers that are not markers: 2022年…, 3—4月…, “12·4”, 1.5个工作日, 6.5万余人次.
 */
import { parseChineseNumeral } from './numerals';
import type { BracketStyle, InlineMarkerKind, Level, MarkerKind } from './types';

const CN = '〇零一二三四五六七八九十百';

export const LEVEL_OF: Record<MarkerKind, Level> = {
  'cn-dun': 1,
  'cn-paren': 2,
  'arabic-dot': 3,
  'arabic-paren': 4,
};

export interface MarkerMatch {
  kind: MarkerKind;
  value: number;
  /** Length of the marker text (start is where matching began). */
  length: number;
  text: string;
  delimiter: string;
  bracket?: BracketStyle;
}

// Leading markers. A Chinese ordinal is at most three characters (九十九); Arabic at most three digits.
const LEADING_CN_DUN = new RegExp(`^([${CN}]{1,3})、`);
const LEADING_CN_PAREN = new RegExp(`^([（(])\\s*([${CN}]{1,3})\\s*([）)])`);
// "1.5个工作日" and "1.2万" are numbers: a dot delimiter must not be followed by a digit.
const LEADING_ARABIC_DOT = /^(\d{1,3})(、|\.(?!\d)|．(?!\d))/;
const LEADING_ARABIC_PAREN = /^([（(])\s*(\d{1,3})\s*([）)])/;

function bracketStyle(open: string, close: string): BracketStyle {
  const o = open === '（';
  const c = close === '）';
  return o && c ? 'full' : !o && !c ? 'ascii' : 'mixed';
}

/** A structural marker at the very start of s, or undefined. */
export function matchLeadingMarker(s: string): MarkerMatch | undefined {
  const c0 = s.charCodeAt(0);
  if (c0 >= 48 && c0 <= 57) {
    const m = LEADING_ARABIC_DOT.exec(s);
    if (!m) return undefined;
    const value = Number(m[1]);
    return { kind: 'arabic-dot', value, length: m[0].length, text: m[0], delimiter: m[2]! };
  }
  const first = s[0];
  if (first === '（' || first === '(') {
    let m = LEADING_CN_PAREN.exec(s);
    if (m) {
      const value = parseChineseNumeral(m[2]!);
      if (value === undefined || value === 0) return undefined;
      return { kind: 'cn-paren', value, length: m[0].length, text: m[0], delimiter: m[1]! + m[3]!, bracket: bracketStyle(m[1]!, m[3]!) };
    }
    m = LEADING_ARABIC_PAREN.exec(s);
    if (m) {
      return { kind: 'arabic-paren', value: Number(m[2]), length: m[0].length, text: m[0], delimiter: m[1]! + m[3]!, bracket: bracketStyle(m[1]!, m[3]!) };
    }
    return undefined;
  }
  if (first !== undefined && CN.includes(first)) {
    const m = LEADING_CN_DUN.exec(s);
    if (!m) return undefined;
    const value = parseChineseNumeral(m[1]!);
    // "一、二级医院" style lists of numerals are not markers: the ordinal must be followed by text.
    const next = s[m[0].length];
    if (value === undefined || value === 0 || (next !== undefined && CN.includes(next) && s[m[0].length + 1] === '、')) return undefined;
    return { kind: 'cn-dun', value, length: m[0].length, text: m[0], delimiter: '、' };
  }
  return undefined;
}

export interface InlineMarkerMatch {
  kind: InlineMarkerKind;
  value: number;
  start: number;
  end: number;
  text: string;
}

// Inline markers. Each must follow a boundary (start, punctuation or space) so that 统一是… or
// 第一责任人 are not read as enumerations. The pattern is sticky: it is tried only at the few
// positions that follow a boundary, which keeps the scan fast on long paragraphs.
const INLINE = new RegExp(
  [
    `([${CN}]{1,3})是(?!否)`, // 1: 一是
    `第([${CN}]{1,3})(?=[，,、：:])`, // 2: 第一，
    `[（(]([${CN}]{1,3})[）)]`, // 3: （一）
    `[（(](\\d{1,2})[）)]`, // 4: （1）
    `(\\d{1,2})(?:、|[.．](?!\\d))`, // 5: 1. 1、
    `([${CN}]{1,3})、(?![${CN}]{1,3}、)`, // 6: 一、
  ].join('|'),
  'y',
);

/** Characters after which an inline marker may start. Structural markers (groups 3–6) need a stronger one. */
const SOFT_BOUNDARY = '。；;：:，,！？!? \t\u3000、';
const HARD_BOUNDARY = '。；;：:！？!?';
/** Characters an inline marker can start with. */
const MARKER_START = CN + '第（(0123456789';

// Per-character flags, so the scan reads char codes and allocates nothing per character.
const SOFT = 1;
const HARD = 2;
const START = 4;
const CHAR_FLAGS = new Uint8Array(0x10000);
for (const ch of SOFT_BOUNDARY) CHAR_FLAGS[ch.charCodeAt(0)]! |= SOFT;
for (const ch of HARD_BOUNDARY) CHAR_FLAGS[ch.charCodeAt(0)]! |= HARD;
for (const ch of MARKER_START) CHAR_FLAGS[ch.charCodeAt(0)]! |= START;

/** Inline enumeration markers in text[from, to). */
export function findInlineMarkers(text: string, from: number, to: number): InlineMarkerMatch[] {
  const found: InlineMarkerMatch[] = [];
  for (let i = from; i < to; i++) {
    if (!(CHAR_FLAGS[text.charCodeAt(i)]! & START)) continue;
    const before = i === from ? SOFT | HARD : CHAR_FLAGS[text.charCodeAt(i - 1)]!;
    if (!(before & SOFT)) continue;
    INLINE.lastIndex = i;
    const m = INLINE.exec(text);
    if (!m || i + m[0].length > to) continue;
    const structural = m[1] === undefined && m[2] === undefined;
    if (structural && !(before & HARD)) continue;
    let kind: InlineMarkerKind;
    let value: number | undefined;
    if (m[1] !== undefined) (kind = 'cn-shi'), (value = parseChineseNumeral(m[1]));
    else if (m[2] !== undefined) (kind = 'cn-di'), (value = parseChineseNumeral(m[2]));
    else if (m[3] !== undefined) (kind = 'cn-paren'), (value = parseChineseNumeral(m[3]));
    else if (m[4] !== undefined) (kind = 'arabic-paren'), (value = Number(m[4]));
    else if (m[5] !== undefined) (kind = 'arabic-dot'), (value = Number(m[5]));
    else (kind = 'cn-dun'), (value = parseChineseNumeral(m[6]!));
    if (value !== undefined && value > 0) {
      found.push({ kind, value, start: i, end: i + m[0].length, text: m[0] });
      i += m[0].length - 1;
    }
  }
  return found;
}
