/**
 * Shared by the numbering rules: sibling runs of structural markers, nested restarts inside a run,
 * the ways a marker kind is written (delimiter, bracket width) and writing a marker anew.
 */
import { toChineseNumeral } from '../../parser/numerals';
import type { Marker, MarkerKind, Position, Root, Section } from '../../parser/types';

/** Sections under one parent that share a marker kind, in document order. */
export interface SiblingRun {
  kind: MarkerKind;
  parent: Section | undefined;
  sections: Array<Section & { marker: Marker }>;
}

export function siblingRuns(tree: Root): SiblingRun[] {
  const runs: SiblingRun[] = [];
  // Kind and level are one to one, so a parent's runs are kept in four slots by level (no Map per parent).
  const collect = (children: readonly unknown[], parent: Section | undefined) => {
    let byLevel: Array<SiblingRun | undefined> | undefined;
    for (const child of children as Section[]) {
      if (child.type !== 'section') continue;
      if (child.marker) {
        byLevel ??= [undefined, undefined, undefined, undefined];
        let run = byLevel[child.marker.level - 1];
        if (!run) {
          run = { kind: child.marker.kind, parent, sections: [] };
          byLevel[child.marker.level - 1] = run;
          runs.push(run);
        }
        run.sections.push(child as Section & { marker: Marker });
      }
      if (child.children.length > 1) collect(child.children, child);
    }
  };
  collect(tree.children, undefined);
  return runs;
}

/** The marker text with another ordinal, keeping its brackets and delimiter as written. */
export function renumberedMarker(marker: Pick<Marker, 'kind' | 'text'>, value: number): string {
  switch (marker.kind) {
    case 'cn-dun':
      return marker.text.replace(/^[〇零一二三四五六七八九十百]+/, toChineseNumeral(value));
    case 'cn-paren':
      return marker.text.replace(/[〇零一二三四五六七八九十百]+/, toChineseNumeral(value));
    case 'arabic-dot':
    case 'arabic-paren':
      return marker.text.replace(/\d+/, String(value));
  }
}

/**
 * A block of a run that starts again at 1 and is followed by the number the run was due to reach
 * before the block: 1 2 3 4 [1 2 3] 5 6. The block is a list nested inside an item, written with
 * the outer list's own numbering. The block is values[start..end] (inclusive).
 *
 * Only a block followed by exactly the resumed number counts: 1 2 3 [1 2 3 4] is two lists or a
 * duplicate, and 1 2 [1 2 3 4] cannot be told from a restart, so neither is a nested block.
 */
export interface NestedBlock {
  start: number;
  end: number;
}

export function nestedRestarts(values: readonly number[], minLength = 1): NestedBlock[] {
  const blocks: NestedBlock[] = [];
  let before = values[0];
  for (let i = 1; i < values.length; ) {
    if (values[i] === 1 && before !== undefined && before >= 1) {
      let j = i;
      while (j + 1 < values.length && values[j + 1] === values[j]! + 1) j++;
      if (j + 1 < values.length && values[j + 1] === before + 1 && j - i + 1 >= minLength) {
        blocks.push({ start: i, end: j });
        i = j + 1;
        continue;
      }
    }
    before = values[i];
    i++;
  }
  return blocks;
}

/** Minimum length of a nested block of sections: a single stray （一） is as likely a typo as a nested list. */
export const NESTED_SECTION_BLOCK_MIN = 2;

/** The run without its nested blocks (numbering-hierarchy reports those; the rest must still count up). */
export function mainRun(run: SiblingRun): SiblingRun {
  const blocks = nestedRestarts(run.sections.map((s) => s.marker.value), NESTED_SECTION_BLOCK_MIN);
  if (!blocks.length) return run;
  const nested = new Set<number>();
  for (const b of blocks) for (let i = b.start; i <= b.end; i++) nested.add(i);
  return { ...run, sections: run.sections.filter((_, i) => !nested.has(i)) };
}

// ---- how a marker is written ------------------------------------------------------------------

/** The written form of a marker kind: the delimiter of 1、/1./1． or the bracket pair of （一）/(一). */
export type MarkerStyle = '、' | '.' | '．' | 'full' | 'ascii' | 'mixed';

/** GB/T 9704-2012 §7.3.3 writes “（一）” “1.” “（1）”; kinds absent here have one form only. */
export const STANDARD_STYLE: Partial<Record<MarkerKind, MarkerStyle>> = {
  'cn-paren': 'full',
  'arabic-dot': '.',
  'arabic-paren': 'full',
};

/** The style of a marker from its text (section markers and inline markers alike); undefined for 一、. */
export function markerStyle(kind: MarkerKind, text: string): MarkerStyle | undefined {
  switch (kind) {
    case 'cn-dun':
      return undefined;
    case 'arabic-dot': {
      const last = text[text.length - 1];
      return last === '、' || last === '.' || last === '．' ? last : undefined;
    }
    case 'cn-paren':
    case 'arabic-paren': {
      const open = text[0] === '（';
      const close = text[text.length - 1] === '）';
      return open && close ? 'full' : !open && !close ? 'ascii' : 'mixed';
    }
  }
}

/** The marker text rewritten to another style, keeping its number exactly as written. */
export function restyledMarker(kind: MarkerKind, text: string, style: MarkerStyle): string {
  switch (kind) {
    case 'cn-dun':
      return text;
    case 'arabic-dot':
      return style === '、' || style === '.' || style === '．' ? text.slice(0, -1) + style : text;
    case 'cn-paren':
    case 'arabic-paren':
      if (style === 'full') return '（' + text.slice(1, -1) + '）';
      if (style === 'ascii') return '(' + text.slice(1, -1) + ')';
      return text;
  }
}

/** A marker of the given kind and value, written in the given style (the standard one by default). */
export function writeMarker(kind: MarkerKind, value: number, style: MarkerStyle | undefined = STANDARD_STYLE[kind]): string {
  const paren = (inner: string) => (style === 'ascii' ? `(${inner})` : `（${inner}）`);
  switch (kind) {
    case 'cn-dun':
      return toChineseNumeral(value) + '、';
    case 'cn-paren':
      return paren(toChineseNumeral(value));
    case 'arabic-dot':
      return String(value) + (style === '、' || style === '．' ? style : '.');
    case 'arabic-paren':
      return paren(String(value));
  }
}

/** Structural marker kinds by level, outermost first. */
export const KIND_OF_LEVEL: readonly MarkerKind[] = ['cn-dun', 'cn-paren', 'arabic-dot', 'arabic-paren'];

export const STRUCTURAL_KINDS: ReadonlySet<string> = new Set<string>(KIND_OF_LEVEL);

const STYLES: readonly MarkerStyle[] = ['、', '.', '．', 'full', 'ascii', 'mixed'];
const styleIndex = (style: MarkerStyle) => STYLES.indexOf(style);
const kindIndex = (kind: MarkerKind) => (kind === 'cn-dun' ? 0 : kind === 'cn-paren' ? 1 : kind === 'arabic-dot' ? 2 : 3);

/** The first marker of a style, for messages that point at the document's own form. */
export interface StyleExample {
  text: string;
  position: Position;
}

/** How often each style of each kind is written in the document, and where each style first appears. */
export class StyleCensus {
  // Four kinds × six styles in flat arrays, nothing allocated per marker: taken on every keystroke.
  private readonly counts = new Int32Array(4 * STYLES.length);
  private readonly firsts: Array<StyleExample | undefined> = new Array(4 * STYLES.length).fill(undefined);

  add(kind: MarkerKind, text: string, position: Position): void {
    const style = markerStyle(kind, text);
    if (!style) return;
    const i = kindIndex(kind) * STYLES.length + styleIndex(style);
    if (this.counts[i]!++ === 0) this.firsts[i] = { text, position };
  }

  count(kind: MarkerKind, style: MarkerStyle): number {
    return this.counts[kindIndex(kind) * STYLES.length + styleIndex(style)]!;
  }

  first(kind: MarkerKind, style: MarkerStyle): StyleExample | undefined {
    return this.firsts[kindIndex(kind) * STYLES.length + styleIndex(style)];
  }

  /** The styles of a kind the document uses, in the order they first appear. */
  styles(kind: MarkerKind): MarkerStyle[] {
    const used = STYLES.filter((style) => this.count(kind, style) > 0);
    return used.sort((a, b) => this.first(kind, a)!.position.start.offset! - this.first(kind, b)!.position.start.offset!);
  }
}

/** The census of every structural marker of a tree: section markers and the same kinds inside paragraphs. */
export function styleCensus(tree: Root): StyleCensus {
  const census = new StyleCensus();
  const { sections, enumMarkers } = tree.data.index;
  for (const section of sections) if (section.marker) census.add(section.marker.kind, section.marker.text, section.marker.position);
  for (const m of enumMarkers) if (STRUCTURAL_KINDS.has(m.kind)) census.add(m.kind as MarkerKind, m.text, m.position!);
  return census;
}

/**
 * The style a kind should be written in: the standard one when asked for, else the one the
 * document uses most (a half-full bracket pair never counts). A tie goes to the standard form when
 * it is among the tied, else to the form written first.
 */
export function preferredStyle(census: StyleCensus, kind: MarkerKind, preferStandard = false): MarkerStyle | undefined {
  const standard = STANDARD_STYLE[kind];
  if (!standard || preferStandard) return standard;
  // A bracketed kind the document has not used yet follows the other one: pasted text is ASCII throughout.
  let from = kind;
  if (!census.styles(kind).length && (kind === 'cn-paren' || kind === 'arabic-paren')) from = kind === 'cn-paren' ? 'arabic-paren' : 'cn-paren';
  let best: MarkerStyle | undefined;
  let bestCount = 0;
  for (const style of census.styles(from)) {
    if (style === 'mixed') continue;
    const n = census.count(from, style);
    if (n > bestCount || (n === bestCount && style === standard)) {
      best = style;
      bestCount = n;
    }
  }
  return best ?? standard;
}
