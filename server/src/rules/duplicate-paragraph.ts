/**
 * duplicate-paragraph — a paragraph repeated verbatim or nearly so elsewhere in the report. Drafts
 * are assembled from last year's report and departments' submissions, and a block pasted twice
 * (under two different headings) survives review surprisingly often.
 *
 * What is compared: every body paragraph, and every numbered item line (1、… / （1）… with the text
 * after its marker, since items often carry their whole content on the heading line). Level-1 and
 * level-2 headings on their own are titles: the same title in the measures and in the plans is
 * normal, so they are left out. Texts with fewer than 20 CJK characters (headings, organ names,
 * dates) are left out too. Comparison ignores whitespace, punctuation and character width, and
 * the marker, so “1、A，B。” and “3.A,B.” are the same paragraph.
 *
 * Candidates are found without comparing all pairs, and without reading every text in full: each
 * text gets three 8-character anchors (its opening, its ending, and the start of the clause half
 * way in — a clause start survives small insertions), and only texts sharing an anchor and of
 * similar length are compared, in full: equal normalised texts are copies, and texts sharing ≥ 90%
 * of their character bigrams (Dice) are near copies. An anchor shared by many texts
 * (boilerplate) stops collecting them, so the work stays linear in the size of the report.
 *
 * The later copy is reported, with the earlier one as related location. There is no fix: which
 * copy to keep, or what the second one was meant to say, is the writer's decision.
 */
import type { Rule } from '../engine/rule';
import type { Node } from 'unist';
import type { Paragraph, Position, Section } from '../parser/types';

/** Minimum CJK characters for a text to be compared. */
const MIN_CJK = 20;
/** Bigram Dice coefficient at or above which two texts are near copies. */
const NEAR = 0.9;
/** Anchor length in normalised characters. */
const K = 8;
/** An anchor shared by more texts than this is boilerplate and produces no more candidates. */
const POSTING_CAP = 8;
/** At most this many candidates are verified per text. */
const CANDIDATE_CAP = 8;
/** Two texts whose lengths differ more than this cannot reach NEAR (Dice ≤ 2·min/(min+max)). */
const MIN_LENGTH_RATIO = NEAR / (2 - NEAR);
/** The same before normalisation, with room for texts that differ in punctuation. */
const RAW_LENGTH_RATIO = 0.75;

// Character classes for normalisation: 0 skip (space, punctuation), 1 keep, 2 keep and count as CJK.
const CLASS = new Uint8Array(0x10000);
(() => {
  const keep = (from: number, to: number, value = 1) => CLASS.fill(value, from, to + 1);
  keep(0x30, 0x39);
  keep(0x41, 0x5a);
  keep(0x61, 0x7a);
  keep(0xff10, 0xff19);
  keep(0xff21, 0xff3a);
  keep(0xff41, 0xff5a);
  keep(0x00c0, 0x1fff); // Latin letters, Greek, Cyrillic…
  CLASS[0x00d7] = 0; // ×
  CLASS[0x00f7] = 0; // ÷
  keep(0x2460, 0x24ff); // ①②③
  keep(0x3005, 0x3007); // 々 〆 〇
  keep(0x3040, 0x30ff);
  keep(0x3400, 0x9fff, 2);
  keep(0xf900, 0xfaff, 2);
  keep(0xac00, 0xd7af);
})();

/** Folds full-width ASCII letters and digits to ASCII and upper case to lower. */
function fold(c: number): number {
  if (c >= 0xff10 && c <= 0xff5a) c -= 0xfee0;
  if (c >= 0x41 && c <= 0x5a) c += 32;
  return c;
}


/** Characters after which a clause starts: interior anchors begin at a clause, so they survive small shifts. */
const CLAUSE_END = new Uint8Array(0x10000);
for (const c of '，,。；;：:、！？!?') CLAUSE_END[c.charCodeAt(0)] = 1;
/** How far an interior anchor looks for the start of a clause. */
const CLAUSE_SEARCH = 24;
/** Anchors per text. */
const ANCHORS = 3;

/**
 * Hash of the first K kept characters from `from` (step 1) or of the last K before `from` (step -1),
 * or -1 when there are fewer. 27 bits, so that with two bits of kind a key still fits the Int32Array index.
 */
function anchorAt(text: string, from: number, limit: number, step: 1 | -1): number {
  let h = 0x811c9dc5;
  let n = 0;
  for (let i = step === 1 ? from : from - 1; step === 1 ? i < limit : i >= limit; i += step) {
    const c = text.charCodeAt(i);
    if (CLASS[c] === 0) continue;
    h = Math.imul(h ^ fold(c), 0x01000193);
    if (++n === K) {
      h ^= h >>> 15;
      h = Math.imul(h, 0x2c1b3c6d);
      return (h ^ (h >>> 12)) & 0x7ffffff;
    }
  }
  return -1;
}

/**
 * Anchors of text[start, end): its first and last K kept characters, and K characters from the
 * start of the clause found half way in. Only these few characters are read; the whole text is
 * read only when it shares an anchor with another. Anchors of each kind live in a key space of
 * their own (bits 27–28): an ending never meets an opening. A missing or repeated anchor is -1.
 */
function anchors(text: string, start: number, end: number, out: Int32Array, at: number): void {
  const first = anchorAt(text, start, end, 1);
  const last = anchorAt(text, end, start, -1);
  out[at] = first;
  out[at + 1] = last < 0 ? -1 : last | 0x8000000;
  const middle = start + ((end - start) >> 1);
  const stop = Math.min(end, middle + CLAUSE_SEARCH);
  let i = middle;
  while (i < stop && !CLAUSE_END[text.charCodeAt(i)]) i++;
  const inner = anchorAt(text, i < stop ? i + 1 : middle, end, 1);
  out[at + 2] = inner < 0 ? -1 : inner | 0x10000000;
}

let codes = new Uint16Array(1024);

/** text[start, end) without whitespace and punctuation, full-width letters and digits folded. */
function normalise(text: string, start: number, end: number): string {
  if (codes.length < end - start) codes = new Uint16Array(end - start);
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (CLASS[c]) codes[n++] = fold(c);
  }
  let out = '';
  // apply() takes the typed array as it is; spreading it would go through the iterator protocol.
  for (let i = 0; i < n; i += 4096) out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return out;
}

/** Whether text[s1, e1) and text[s2, e2) normalise to the same text, compared in place. */
function sameNormalised(text: string, s1: number, e1: number, s2: number, e2: number): boolean {
  let i = s1;
  let j = s2;
  for (;;) {
    while (i < e1 && CLASS[text.charCodeAt(i)] === 0) i++;
    while (j < e2 && CLASS[text.charCodeAt(j)] === 0) j++;
    if (i === e1 || j === e2) return i === e1 && j === e2;
    if (fold(text.charCodeAt(i)) !== fold(text.charCodeAt(j))) return false;
    i++;
    j++;
  }
}

function countCjk(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (CLASS[text.charCodeAt(i)] === 2) n++;
  return n;
}

// A reusable open-addressing table of bigram counts for similarity(): no allocation per comparison.
// A slot is in use when its stamp is the current comparison's.
let bigramKeys = new Int32Array(1024);
let bigramCounts = new Int32Array(1024);
let bigramStamps = new Int32Array(1024);
let stamp = 0;

/** Dice coefficient of the character bigram multisets. */
function similarity(a: string, b: string): number {
  if (a.length < 2 || b.length < 2) return a === b ? 1 : 0;
  if (bigramKeys.length < a.length * 2) {
    let capacity = bigramKeys.length;
    while (capacity < a.length * 2) capacity *= 2;
    bigramKeys = new Int32Array(capacity);
    bigramCounts = new Int32Array(capacity);
    bigramStamps = new Int32Array(capacity);
    stamp = 0;
  }
  if (stamp === 0x7fffffff) {
    bigramStamps.fill(0);
    stamp = 0;
  }
  const mask = bigramKeys.length - 1;
  const current = ++stamp;
  const slotOf = (g: number) => {
    let slot = (Math.imul(g, 0x9e3779b1) >>> 0) & mask;
    while (bigramStamps[slot] === current && bigramKeys[slot] !== g) slot = (slot + 1) & mask;
    return slot;
  };
  for (let i = 0; i + 1 < a.length; i++) {
    const g = (a.charCodeAt(i) << 16) | a.charCodeAt(i + 1);
    const slot = slotOf(g);
    if (bigramStamps[slot] !== current) {
      bigramStamps[slot] = current;
      bigramKeys[slot] = g;
      bigramCounts[slot] = 0;
    }
    bigramCounts[slot]++;
  }
  let shared = 0;
  for (let i = 0; i + 1 < b.length; i++) {
    const g = (b.charCodeAt(i) << 16) | b.charCodeAt(i + 1);
    const slot = slotOf(g);
    if (bigramStamps[slot] === current && bigramCounts[slot]! > 0) {
      shared++;
      bigramCounts[slot]--;
    }
  }
  return (2 * shared) / (a.length - 1 + (b.length - 1));
}

function excerpt(text: string, start: number, end: number): string {
  const s = text.slice(start, Math.min(end, start + 16));
  return end - start > 16 ? s + '…' : s;
}

// Buffers reused from check to check (rules run one at a time): nothing per text is allocated.
let starts = new Int32Array(256);
let ends = new Int32Array(256);
const fromNode: Node[] = [];
const toNode: Node[] = [];

function grow(capacity: number): void {
  const s = new Int32Array(capacity);
  s.set(starts);
  starts = s;
  const e = new Int32Array(capacity);
  e.set(ends);
  ends = e;
}

interface Table {
  anchorOf: Int32Array;
  keys: Int32Array;
  head: Int32Array;
  size: Uint8Array;
  entryUnit: Int32Array;
  entryNext: Int32Array;
  sharedCount: Int32Array;
  /** CJK characters per text, counted when the text first meets another (-1: not yet). */
  cjkCount: Int32Array;
}

let scratch: Table | undefined;

/** The anchor index's arrays, at least as large as asked (contents are not cleared). */
function table(total: number, capacity: number, texts: number): Table {
  if (!scratch || scratch.anchorOf.length < total || scratch.keys.length < capacity || scratch.sharedCount.length < texts) {
    const t = Math.max(total, 1024);
    const c = Math.max(capacity, 2048);
    scratch = {
      anchorOf: new Int32Array(t),
      keys: new Int32Array(c),
      head: new Int32Array(c),
      size: new Uint8Array(c),
      entryUnit: new Int32Array(t),
      entryNext: new Int32Array(t),
      sharedCount: new Int32Array(Math.max(texts, 256)),
      cjkCount: new Int32Array(Math.max(texts, 256)),
    };
  }
  return scratch;
}

export const duplicateParagraph: Rule = {
  meta: {
    id: 'duplicate-paragraph',
    description: {
      zh: '同一段落不应在报告中重复出现（包括几乎相同的段落）',
      en: 'A paragraph should not appear twice in the report, verbatim or nearly so',
    },
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      duplicate: {
        zh: '段落重复：「{excerpt}」与第{line}行的段落完全相同；应删除其一或改写为本处应有的内容',
        en: 'Repeated paragraph: “{excerpt}” is the same as the paragraph at line {line}; delete one or write what belongs here',
      },
      nearDuplicate: {
        zh: '段落近似重复：「{excerpt}」与第{line}行的段落相似度为{similarity}%；应核对是否误复制，删除其一或改写',
        en: 'Near-duplicate paragraph: “{excerpt}” is {similarity}% similar to the paragraph at line {line}; check for a copy-paste, delete one or rewrite it',
      },
      otherCopy: { zh: '另一处：第{line}行「{excerpt}」', en: 'the other copy, line {line}: “{excerpt}”' },
    },
  },

  check(tree, context) {
    const text = tree.data.text;
    const { sections, paragraphs } = tree.data.index;

    // Texts in document order: item lines (marker stripped, with the body text on the same line)
    // and paragraphs. Kept in reused buffers; the node arrays are emptied at the end so that no
    // tree outlives its check.
    let count = 0;
    const add = (start: number, end: number, first: Node, last: Node) => {
      if (end - start < MIN_CJK) return;
      if (count === starts.length) grow(count * 2);
      starts[count] = start;
      ends[count] = end;
      fromNode[count] = first;
      toNode[count] = last;
      count++;
    };
    let s = 0;
    let skip: Paragraph | undefined;
    const addSection = (section: Section) => {
      const heading = section.children[0];
      const body = section.children[1];
      const onLine = body?.type === 'paragraph' && body.position!.start.line === heading.position!.start.line ? body : undefined;
      if (!onLine && section.level <= 2) return; // a title on its own
      if (onLine) skip = onLine;
      add(section.marker ? section.marker.position.end.offset! : heading.position!.start.offset!, (onLine ?? heading).position!.end.offset!, heading, onLine ?? heading);
    };
    for (const paragraph of paragraphs) {
      const start = paragraph.position!.start.offset!;
      while (s < sections.length && sections[s]!.position!.start.offset! <= start) addSection(sections[s++]!);
      if (paragraph !== skip) add(start, paragraph.position!.end.offset!, paragraph, paragraph);
    }
    while (s < sections.length) addSection(sections[s++]!);
    try {
      findCopies(count);
    } finally {
      fromNode.length = 0;
      toNode.length = 0;
    }

    function findCopies(count: number) {
      // Normalised texts, made only for near-copy comparisons: an exact copy is recognised by
      // comparing the two texts in place, so a document of repeated blocks allocates nothing per copy.
      const normalisedOf = new Map<number, string>();
      const normalised = (u: number) => {
        let n = normalisedOf.get(u);
        if (n === undefined) normalisedOf.set(u, (n = normalise(text, starts[u]!, ends[u]!)));
        return n;
      };
      const cjk = (u: number) => {
        if (cjkCount[u]! < 0) cjkCount[u] = countCjk(text, starts[u]!, ends[u]!);
        return cjkCount[u]!;
      };
      const position = (u: number): Position => ({ start: fromNode[u]!.position!.start, end: toNode[u]!.position!.end });
      const report = (u: number, other: number, messageId: string, extra: Record<string, string | number> = {}) => {
        const line = fromNode[other]!.position!.start.line;
        context.report({
          messageId,
          data: { excerpt: excerpt(text, starts[u]!, ends[u]!), line, ...extra },
          position: position(u),
          related: [{ position: position(other), messageId: 'otherCopy', data: { line, excerpt: excerpt(text, starts[other]!, ends[other]!) } }],
        });
      };

      // Each text meets the earlier texts that share one of its anchors; boilerplate anchors stop
      // collecting texts, so every text meets a bounded number of others. The anchor index is an
      // open-addressing table over reused typed arrays: this runs on every keystroke.
      const total = count * ANCHORS;
      let capacity = 16;
      while (capacity < total * 2) capacity *= 2;
      const { anchorOf, keys, head, size, entryUnit, entryNext, sharedCount, cjkCount } = table(total, capacity, count);
      for (let u = 0; u < count; u++) anchors(text, starts[u]!, ends[u]!, anchorOf, u * ANCHORS);
      keys.fill(-1, 0, capacity);
      head.fill(-1, 0, capacity);
      size.fill(0, 0, capacity);
      sharedCount.fill(0, 0, count);
      cjkCount.fill(-1, 0, count);
      let entries = 0;
      // The texts met by the current one (at most ANCHORS × POSTING_CAP), then its candidates.
      const touched = new Int32Array(ANCHORS * POSTING_CAP);
      const candidates = new Int32Array(ANCHORS * POSTING_CAP);
      const firstCopy = new Map<number, number>();
      for (let u = 0; u < count; u++) {
        let met = 0;
        for (let k = u * ANCHORS; k < (u + 1) * ANCHORS; k++) {
          const anchor = anchorOf[k]!;
          if (anchor < 0) continue;
          let slot = (Math.imul(anchor, 0x9e3779b1) >>> 0) & (capacity - 1);
          while (keys[slot] !== -1 && keys[slot] !== anchor) slot = (slot + 1) & (capacity - 1);
          keys[slot] = anchor;
          for (let e = head[slot]!; e !== -1; e = entryNext[e]!) {
            const v = entryUnit[e]!;
            if (sharedCount[v]++ === 0) touched[met++] = v;
          }
          if (size[slot]! < POSTING_CAP) {
            entryUnit[entries] = u;
            entryNext[entries] = head[slot]!;
            head[slot] = entries++;
            size[slot]++;
          }
        }
        if (!met) continue;
        // Raw lengths, punctuation included, are a looser version of the normalised length test below.
        const rawLength = ends[u]! - starts[u]!;
        let n = 0;
        for (let t = 0; t < met; t++) {
          const v = touched[t]!;
          const other = ends[v]! - starts[v]!;
          if (Math.min(rawLength, other) >= RAW_LENGTH_RATIO * Math.max(rawLength, other)) candidates[n++] = v;
        }
        // Most shared anchors first, then the earliest: an exact copy is met before any near one.
        // Insertion sort: there are at most ANCHORS × POSTING_CAP of them.
        for (let i = 1; i < n; i++) {
          const v = candidates[i]!;
          let j = i - 1;
          while (j >= 0 && (sharedCount[candidates[j]!]! < sharedCount[v]! || (sharedCount[candidates[j]!]! === sharedCount[v]! && candidates[j]! > v))) {
            candidates[j + 1] = candidates[j]!;
            j--;
          }
          candidates[j + 1] = v;
        }
        for (let t = 0; t < met; t++) sharedCount[touched[t]!] = 0;
        if (!n || cjk(u) < MIN_CJK) continue;
        n = Math.min(n, CANDIDATE_CAP);
        // Every copy of an exact group points at the first copy, so whichever copy is met decides.
        let exact = -1;
        for (let c = 0; c < n && exact < 0; c++) {
          const v = candidates[c]!;
          if (cjk(v) >= MIN_CJK && sameNormalised(text, starts[u]!, ends[u]!, starts[v]!, ends[v]!)) exact = v;
        }
        if (exact >= 0) {
          const original = firstCopy.get(exact) ?? exact;
          firstCopy.set(u, original);
          report(u, original, 'duplicate');
          continue;
        }
        const a = normalised(u);
        let near = -1;
        let nearScore = 0;
        for (let c = 0; c < n; c++) {
          const v = candidates[c]!;
          if (cjk(v) < MIN_CJK) continue;
          const b = normalised(v);
          if (Math.min(a.length, b.length) < MIN_LENGTH_RATIO * Math.max(a.length, b.length)) continue;
          const score = similarity(a, b);
          if (score >= NEAR && score > nearScore) (near = v), (nearScore = score);
        }
        if (near >= 0) report(u, near, 'nearDuplicate', { similarity: Math.floor(nearScore * 100) });
      }
    }
  },
};
