/**
 * Text → segments: the logical lines the block parser reads. A plain-text draft is read line by
 * line. A Markdown draft is read through remark-parse, so that code, HTML and front matter are
 * left out and heading syntax is stripped; paragraph lines stay separate lines because writers
 * put 一、 （一） 1. on consecutive lines without blank lines between them. Runs of plain
 * paragraphs and headings, most of a report, reach remark as one line each (see PlainRuns).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root as MdRoot, RootContent as MdNode } from 'mdast';
import type { Point } from 'unist';

export interface Segment {
  /** Content range after indentation and syntax, before trailing space. */
  start: number;
  end: number;
  /** Markdown heading depth, when the line is an ATX/setext heading. */
  headingDepth?: number;
}

/** Indentation and trailing space, by character code (text[i] would make a string per look). */
function isIndent(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0xfeff || c === 0x2002 || c === 0x2003 || c === 0x200b;
}

/** Trims indentation and trailing space; returns undefined for a blank range. */
function trimmed(text: string, start: number, end: number): [number, number] | undefined {
  while (start < end && isIndent(text.charCodeAt(start))) start++;
  while (end > start && isIndent(text.charCodeAt(end - 1))) end--;
  return start < end ? [start, end] : undefined;
}

export function textSegments(text: string, lineStarts: number[]): Segment[] {
  const segments: Segment[] = [];
  for (let i = 0; i < lineStarts.length; i++) {
    const lineStart = lineStarts[i]!;
    let lineEnd = i + 1 < lineStarts.length ? lineStarts[i + 1]! : text.length;
    while (lineEnd > lineStart && (text.charCodeAt(lineEnd - 1) === 10 || text.charCodeAt(lineEnd - 1) === 13)) lineEnd--;
    // Trimmed in place: this runs for every line of every keystroke's parse.
    let start = lineStart;
    while (start < lineEnd && isIndent(text.charCodeAt(start))) start++;
    while (lineEnd > start && isIndent(text.charCodeAt(lineEnd - 1))) lineEnd--;
    if (start < lineEnd) segments.push({ start, end: lineEnd });
  }
  return segments;
}

const markdownParser = unified().use(remarkParse);

export interface MarkdownScan {
  segments: Segment[];
  /** Rule ids from <!-- report-lint-disable id id --> comments; '*' when none is named. */
  disabledRules: Set<string>;
}

const DISABLE_COMMENT = /<!--\s*report-lint-disable\b([^>]*?)-->/g;
const LEADING_SYNTAX = /^(?:>\s?)*(?:[-*+]\s+)?(?:\*\*|__)?/;

export interface MarkdownScanOptions {
  /**
   * Hand remark each run of plain paragraphs and headings as one line (see PlainRuns). Off only
   * to compare the two readings in tests.
   */
  collapsePlainRuns?: boolean;
}

export function markdownSegments(text: string, lineStarts: number[], options: MarkdownScanOptions = {}): MarkdownScan {
  if (options.collapsePlainRuns !== false) {
    let runs = PlainRuns.find(text, lineStarts);
    let scan = runs && scanMarkdown(text, lineStarts, runs);
    if (Array.isArray(scan)) {
      // Runs inside a fenced code or HTML block opened above them (paragraphs commented out with
      // <!-- … -->) are that block's content: read them again as they are written.
      runs = PlainRuns.find(text, lineStarts, new Set(scan));
      scan = runs && scanMarkdown(text, lineStarts, runs);
    }
    if (scan && !Array.isArray(scan)) return scan;
  }
  return scanMarkdown(text, lineStarts, undefined) as MarkdownScan;
}

/**
 * Markdown → segments. With `runs`, remark reads the document with each run of plain lines
 * collapsed to one line, and positions are mapped back; when some collapsed runs did not come back
 * as paragraphs of their own, returns the first lines of those runs instead.
 */
function scanMarkdown(text: string, lineStarts: number[], runs: PlainRuns | undefined): MarkdownScan | number[] {
  const source = runs ? runs.source : text;
  const tree = markdownParser.parse(source) as MdRoot;
  const unread = runs ? runs.notReadAsParagraphs(tree) : [];
  if (unread.length) return unread;
  const segments: Segment[] = [];
  const disabledRules = new Set<string>();
  // remark skips a byte order mark at the start and counts its offsets from after it.
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const startOf = (point: Point) => (runs ? runs.offset(point, bom, 'start') : point.offset! + bom);
  const endOf = (point: Point) => (runs ? runs.offset(point, bom, 'end') : point.offset! + bom);

  /** One segment per line of text[from, to), without indentation and leading container syntax. */
  const addLines = (from: number, to: number) => {
    let line = lineIndexAt(lineStarts, from);
    for (; line < lineStarts.length && lineStarts[line]! <= to; line++) {
      const start = Math.max(lineStarts[line]!, from);
      const end = Math.min(contentEnd(text, lineStarts, line), to);
      const range = trimmed(text, start, end);
      if (!range) continue;
      const syntax = LEADING_SYNTAX.exec(text.slice(range[0], Math.min(range[1], range[0] + 16)));
      const syntaxEnd = range[0] + (syntax ? syntax[0].length : 0);
      if (syntaxEnd < range[1]) segments.push({ start: syntaxEnd, end: range[1] });
    }
  };
  const addNode = (node: MdNode) => {
    if (node.position) addLines(startOf(node.position.start), endOf(node.position.end));
  };

  const visit = (node: MdNode) => {
    switch (node.type) {
      case 'heading': {
        const first = node.children[0]?.position?.start;
        const last = node.children[node.children.length - 1]?.position?.end;
        if (first === undefined || last === undefined) return;
        const range = trimmed(text, startOf(first), endOf(last));
        if (range) segments.push({ start: range[0], end: range[1], headingDepth: node.depth });
        return;
      }
      case 'paragraph': {
        const run = runs && node.position && runs.segmentsOf(node.position.start.line - 1);
        if (run) for (const segment of run) segments.push(segment);
        else addNode(node);
        return;
      }
      case 'table':
        addNode(node);
        return;
      case 'html': {
        for (const m of node.value.matchAll(DISABLE_COMMENT)) {
          const ids = m[1]!.trim().split(/[\s,]+/).filter(Boolean);
          if (ids.length === 0) disabledRules.add('*');
          for (const id of ids) disabledRules.add(id);
        }
        return;
      }
      case 'list':
      case 'listItem':
      case 'blockquote':
        if (node.type === 'listItem' && node.position) {
          // An ordered list item "1. …" keeps its number: it is a level-3 marker to the report.
          const firstChild = node.children[0];
          if (firstChild?.type === 'paragraph' && firstChild.position) {
            const itemStart = startOf(node.position.start);
            const range = trimmed(text, itemStart, startOf(firstChild.position.start));
            if (range && /^\d/.test(text.slice(range[0], range[1]))) {
              addLines(itemStart, endOf(firstChild.position.end));
              for (const child of node.children.slice(1)) visit(child);
              return;
            }
          }
        }
        for (const child of node.children) visit(child as MdNode);
        return;
      default:
        return; // code, front matter, thematic breaks, definitions: not report text
    }
  };
  for (const node of tree.children) visit(node);
  segments.sort((a, b) => a.start - b.start);
  // YAML front matter (--- … ---) is metadata, not report text; remark-parse alone reads it as a heading.
  const frontMatterEnd = frontMatterLength(text);
  return { segments: frontMatterEnd ? segments.filter((s) => s.start >= frontMatterEnd) : segments, disabledRules };
}

/** The index of the line that holds `offset`. */
function lineIndexAt(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const BLANK = 0;
const PLAIN = 1;
const HEADING = 2;
const OTHER = 3;

/** First characters that may open or continue a Markdown block (# is looked at apart): indentation, > - + * _ = ` ~ < [, a BOM. */
const BLOCK_START = new Set([...' \t>-+*_=`~<[\ufeff\x7f'].map((c) => c.charCodeAt(0)));

/**
 * Runs of plain lines. remark spends tens of microseconds on every line, and most lines of a
 * Markdown report are prose paragraphs and ATX headings (# 一、…) whose segments can be read off
 * the line itself. A line is plain when nothing in it can be other Markdown block syntax: it is not
 * blank, starts neither with indentation nor with a block marker or an ordered-list number ("1. "),
 * and has no ">" (which could end an HTML block); a heading line is "#" to "######" at column 0,
 * then a space, a tab or the end, with no ">". A block of such lines after a blank line (or at the
 * start) and before one (or at the end) is top-level paragraphs and headings, or part of a fenced
 * code or HTML block opened above it: no container holds a line that starts at column 0 after a
 * blank line, and none of these lines can close a fence or an HTML block. So each run of such
 * blocks, with the blank lines between them, can be handed to remark as one plain line without
 * changing how remark reads anything else; when remark reads that line as a paragraph, the run's
 * segments are its lines.
 */
class PlainRuns {
  private constructor(
    /** The document with each run collapsed to one line. */
    readonly source: string,
    /** Per source line: its first line in the document. */
    private readonly firstLine: number[],
    /** Per source line: the last document line of its run, or -1 for a line copied as it is. */
    private readonly runLastLine: number[],
    /** Per source line: the offset of its start in the source. */
    private readonly sourceLineStarts: number[],
    /** Per document line: BLANK, PLAIN, HEADING or OTHER. */
    private readonly kind: Uint8Array,
    private readonly text: string,
    private readonly lineStarts: number[],
  ) {}

  /** `keep`: first lines of runs to leave as they are written. */
  static find(text: string, lineStarts: number[], keep?: ReadonlySet<number>): PlainRuns | undefined {
    const lines = lineStarts.length;
    const kind = new Uint8Array(lines);
    for (let line = 0; line < lines; line++) kind[line] = lineKind(text, lineStarts[line]!, contentEnd(text, lineStarts, line));
    // Blocks of consecutive non-blank lines always have a blank line (or the start) before them and
    // one (or the end) after them. A run is a series of blocks of plain and heading lines with only
    // blank lines between them; runOf gives each of its lines the run's first line.
    const runOf = new Int32Array(lines).fill(-1);
    let runs = 0;
    let runStart = -1;
    let runEnd = -1;
    const closeRun = () => {
      if (runStart >= 0 && !keep?.has(runStart)) runOf.fill(runStart, runStart, runEnd), runs++;
      runStart = -1;
    };
    for (let line = 0; line < lines; ) {
      if (kind[line] === BLANK) {
        line++;
        continue;
      }
      let end = line;
      let plain = true;
      for (; end < lines && kind[end] !== BLANK; end++) if (kind[end] === OTHER) plain = false;
      if (!plain) closeRun();
      else {
        if (runStart < 0) runStart = line;
        runEnd = end;
      }
      line = end;
    }
    closeRun();
    if (runs === 0) return undefined;

    const parts: string[] = [];
    const firstLine: number[] = [];
    const runLastLine: number[] = [];
    const sourceLineStarts: number[] = [];
    let size = 0;
    for (let line = 0; line < lines; ) {
      sourceLineStarts.push(size);
      firstLine.push(line);
      let piece: string;
      if (runOf[line]! < 0) {
        piece = text.slice(lineStarts[line]!, line + 1 < lines ? lineStarts[line + 1]! : text.length);
        runLastLine.push(-1);
        line++;
      } else {
        let last = line;
        while (last + 1 < lines && runOf[last + 1] === runOf[line]) last++;
        // A run ends before a blank line or at the end; what follows keeps its own line.
        piece = last + 1 < lines ? '一\n' : '一';
        runLastLine.push(last);
        line = last + 1;
      }
      parts.push(piece);
      size += piece.length;
    }
    return new PlainRuns(parts.join(''), firstLine, runLastLine, sourceLineStarts, kind, text, lineStarts);
  }

  /** The first lines of the collapsed runs that remark did not read as top-level paragraphs of their own. */
  notReadAsParagraphs(tree: MdRoot): number[] {
    const read = new Set<number>();
    for (const node of tree.children) {
      const pos = node.position;
      if (node.type === 'paragraph' && pos && pos.start.line === pos.end.line) read.add(pos.start.line - 1);
    }
    const unread: number[] = [];
    this.runLastLine.forEach((last, line) => {
      if (last >= 0 && !read.has(line)) unread.push(this.firstLine[line]!);
    });
    return unread;
  }

  /** The segments of the run on a line of the source, or undefined when the line is not a run. */
  segmentsOf(sourceLine: number): Segment[] | undefined {
    const last = this.runLastLine[sourceLine];
    if (last === undefined || last < 0) return undefined;
    const { text, lineStarts } = this;
    const segments: Segment[] = [];
    for (let line = this.firstLine[sourceLine]!; line <= last; line++) {
      const kind = this.kind[line];
      if (kind !== PLAIN && kind !== HEADING) continue;
      const start = lineStarts[line]!;
      const end = contentEnd(text, lineStarts, line);
      if (kind === PLAIN) {
        const range = trimmed(text, start, end);
        if (range) segments.push({ start: range[0], end: range[1] });
        continue;
      }
      const heading = atxHeading(text, start, end);
      const range = trimmed(text, heading.start, heading.end);
      if (range) segments.push({ start: range[0], end: range[1], headingDepth: heading.depth });
    }
    return segments;
  }

  /**
   * A point of the source as an offset of the document; a point in a collapsed run is its start or
   * end. `bom`: what remark left out of its offsets at the start of the source.
   */
  offset(point: Point, bom: number, side: 'start' | 'end'): number {
    const line = point.line - 1;
    const last = this.runLastLine[line];
    if (last === undefined) return this.text.length;
    if (last < 0) return this.lineStarts[this.firstLine[line]!]! + (point.offset! + bom - this.sourceLineStarts[line]!);
    if (side === 'start' || point.column <= 1) return this.lineStarts[this.firstLine[line]!]!;
    return contentEnd(this.text, this.lineStarts, last);
  }
}

/** Where a line's text ends, before its line ending. */
function contentEnd(text: string, lineStarts: number[], line: number): number {
  const start = lineStarts[line]!;
  let end = line + 1 < lineStarts.length ? lineStarts[line + 1]! : text.length;
  while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
  return end;
}

/** BLANK (only spaces and tabs), PLAIN, HEADING (see PlainRuns) or OTHER. */
function lineKind(text: string, start: number, end: number): number {
  let blank = true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3e) return OTHER; // >
    if (c !== 0x20 && c !== 0x09) blank = false;
  }
  if (blank) return BLANK;
  const first = text.charCodeAt(start);
  if (first === 0x23) {
    // # to ######, then a space, a tab or the end of the line.
    let i = start;
    while (i < end && i - start < 7 && text.charCodeAt(i) === 0x23) i++;
    const after = i < end ? text.charCodeAt(i) : 0x20;
    return i - start <= 6 && (after === 0x20 || after === 0x09) ? HEADING : OTHER;
  }
  if (first < 0x20 || BLOCK_START.has(first)) return OTHER;
  // An ordered list item: one to nine digits, then . or ) and a space, a tab or the end of the line.
  let i = start;
  while (i < end && i - start < 10 && text.charCodeAt(i) >= 0x30 && text.charCodeAt(i) <= 0x39) i++;
  if (i > start && i - start <= 9 && i < end) {
    const delimiter = text.charCodeAt(i);
    const after = i + 1 < end ? text.charCodeAt(i + 1) : 0x20;
    if ((delimiter === 0x2e || delimiter === 0x29) && (after === 0x20 || after === 0x09)) return OTHER;
  }
  return PLAIN;
}

const isSpaceOrTab = (c: number) => c === 0x20 || c === 0x09;

/**
 * The depth and content of an ATX heading line (CommonMark §4.2): after the opening #s and the
 * spaces that follow them, before an optional closing sequence of #s that follows a space.
 */
function atxHeading(text: string, start: number, end: number): { depth: number; start: number; end: number } {
  let i = start;
  while (i < end && text.charCodeAt(i) === 0x23) i++;
  const depth = i - start;
  while (i < end && isSpaceOrTab(text.charCodeAt(i))) i++;
  let e = end;
  while (e > i && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
  let closing = e;
  while (closing > i && text.charCodeAt(closing - 1) === 0x23) closing--;
  if (closing === i) e = i; // only #s: an empty heading
  else if (closing < e && isSpaceOrTab(text.charCodeAt(closing - 1))) {
    e = closing;
    while (e > i && isSpaceOrTab(text.charCodeAt(e - 1))) e--;
  }
  return { depth, start: i, end: e };
}

/** Length of a leading YAML front matter block, or 0. */
function frontMatterLength(text: string): number {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  return m ? open[0].length + m.index + m[0].length : 0;
}
