/**
 * Segments → report tree. One pass over the logical lines: each is a title, a section heading
 * (with the rest of its line as the first body paragraph), a paragraph, or part of the closing.
 * Sections nest by marker level with a stack, so a skipped level (一、 straight to 1.) nests
 * naturally.
 */
import type { Node } from 'unist';
import { scanInline } from './inline';
import { LEVEL_OF, findInlineMarkers, matchLeadingMarker, type InlineMarkerMatch, type MarkerMatch } from './markers';
import { computeLineStarts, PositionMapper } from './positions';
import { markdownSegments, textSegments, type Segment } from './segments';
import type {
  Block, Closing, DateNode, EnumMarker, Heading, Inline, Level, Marker, OrganName, Paragraph,
  ReportIndex, Root, Section, Sentence, Title,
} from './types';

export interface ParseOptions {
  format?: 'text' | 'markdown';
}

/** Sentence-final punctuation: 。！？ and their ASCII forms. */
function isSentenceEnd(code: number): boolean {
  return code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0x21 || code === 0x3f;
}
/** The first sentence end in text[from, to), or -1. */
function sentenceEnd(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (isSentenceEnd(text.charCodeAt(i))) return i;
  return -1;
}
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x3000;
}
/** A whole line that is only a date: the closing date (成文日期). */
const CLOSING_DATE = /^(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日$/;
const ORGAN_SUFFIX = /(?:人民政府|政府|委员会|党委|党组|委|司法局|局|办公室|办|厅|部|院|街道办事处|办事处|镇|乡|中心)$/;
const TITLE_WORDS = /报告|法治政府建设|依法行政.*情况|工作总结/;
const NOT_TITLE = /[>＞:：。]|位置|首页|来源|日期/;
const TITLE_MAX = 70;
/**
 * Words of the report's parts (主要举措和成效, 存在的不足和原因, 履行…第一责任人职责情况, 下一步工作计划):
 * a line with them heads a part of the body, even when it says 法治政府建设.
 */
const PART_WORDS = /不足|问题|原因|下一步|下一年度|工作计划|工作打算|主要安排|主要举措|主要做法|成效|履行.{0,24}职责/;
/** The end of a title: 报告 or 总结, maybe with a note in brackets (公开版). */
const TITLE_END = /(?:报告|总结)(?:[（(][^（）()]{1,10}[）)])?$/;
/** A title that opens with who reports and on which year: 枣阳市2023年…, 市司法局关于2023年度… */
const TITLE_OPENING = /^(?:中共)?[\u4e00-\u9fff]{1,20}?(?:省|自治区|市|州|盟|县|旗|区|镇|乡|街道|局|委员会|政府|办公室|厅)(?:关于)?(?:\d{4}|[〇零○一二三四五六七八九]{4})年/;
/** Punctuation that ends a heading sentence but is not part of its title. */
const TITLE_TRAILING = '。！？!?；;，,：: \t\u3000';
const ORGAN_MAX = 40;
/** Shared by the many sentences without enumeration markers; never modified. */
const NO_MARKERS: InlineMarkerMatch[] = [];

export function parseReport(text: string, options: ParseOptions = {}): Root {
  const format = options.format ?? 'text';
  const lineStarts = computeLineStarts(text);
  let segments: Segment[];
  let disabledRules = new Set<string>();
  if (format === 'markdown') {
    const scan = markdownSegments(text, lineStarts);
    segments = scan.segments;
    disabledRules = scan.disabledRules;
  } else {
    segments = textSegments(text, lineStarts);
  }
  return new TreeBuilder(text, format, lineStarts, disabledRules).build(segments);
}

class TreeBuilder {
  private readonly pos: PositionMapper;
  private readonly index: ReportIndex = {
    sections: [], paragraphs: [], sentences: [], quantities: [], percentages: [], dates: [], enumMarkers: [],
  };
  private readonly sectionOf = new Map<Node, Section | undefined>();
  private readonly root: Root;
  private readonly stack: Section[] = [];

  constructor(
    private readonly text: string,
    format: 'text' | 'markdown',
    lineStarts: number[],
    disabledRules: Set<string>,
  ) {
    this.pos = new PositionMapper(lineStarts);
    this.root = {
      type: 'root',
      children: [],
      position: this.pos.position(0, text.length),
      data: { text, format, lineStarts, index: this.index, sectionOf: this.sectionOf, disabledRules },
    };
  }

  build(segments: Segment[]): Root {
    const closingStart = this.findClosing(segments);
    const titleAt = this.findTitle(segments, closingStart);
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      if (i === titleAt) this.addTitle(seg);
      else if (i === closingStart) {
        i = this.addClosing(segments, i);
      } else this.addSegment(seg);
    }
    return this.root;
  }

  // ---- title and closing -------------------------------------------------------------------

  /**
   * The title is a short line naming the report (枣阳市2023年法治政府建设年度报告), usually the first
   * line, perhaps after page furniture (当前所在位置：首页 > …, 日期：… 来源：…) or the reporting organ's
   * name. The search ends where the body begins: at a numbered line, a long paragraph, a Markdown
   * heading below the top level (it heads a section) or any other top-level heading that is not the
   * title. A line that reads like a part of the report (上一年度推进法治政府建设存在的不足和原因) is
   * never the title, unless it ends as a title does or opens with who reports and the year.
   */
  private findTitle(segments: Segment[], limit: number): number {
    for (let i = 0; i < Math.min(segments.length, limit, 12); i++) {
      const seg = segments[i]!;
      const s = this.text.slice(seg.start, seg.end);
      if (s.length > TITLE_MAX || matchLeadingMarker(s)) return -1;
      const heading = seg.headingDepth;
      if (heading !== undefined && heading > 1) return -1;
      if (PART_WORDS.test(s) && !TITLE_END.test(s) && !TITLE_OPENING.test(s)) {
        // A part's heading begins the body. A plain line of the kind is only passed over: a title
        // inserted below it (report-title's fix) must still be found.
        if (heading !== undefined) return -1;
        continue;
      }
      if (TITLE_WORDS.test(s) && !NOT_TITLE.test(s)) return i;
      if (heading !== undefined && !ORGAN_SUFFIX.test(s)) return -1;
    }
    return -1;
  }

  private addTitle(seg: Segment): void {
    const title: Title = { type: 'title', value: this.text.slice(seg.start, seg.end), position: this.pos.position(seg.start, seg.end) };
    this.root.title = title;
    this.root.children.push(title);
  }

  /**
   * The closing is a date line near the end, with the organ name(s) on the lines above it.
   * Returns the index of its first segment, or segments.length when there is none.
   */
  private findClosing(segments: Segment[]): number {
    const from = Math.max(0, segments.length - 8);
    for (let i = segments.length - 1; i >= from; i--) {
      const seg = segments[i]!;
      const s = this.text.slice(seg.start, seg.end);
      if (!CLOSING_DATE.test(s)) continue;
      let first = i;
      while (first - 1 >= 0 && i - first < 3 && this.isOrganLine(segments[first - 1]!)) first--;
      return first;
    }
    // No date: a last short line that names an organ still closes the report.
    for (let i = segments.length - 1; i >= from; i--) {
      if (this.isOrganLine(segments[i]!)) {
        const s = this.text.slice(segments[i]!.start, segments[i]!.end);
        if (ORGAN_SUFFIX.test(s.trim()) && i >= segments.length - 3) return i;
      }
    }
    return segments.length;
  }

  private isOrganLine(seg: Segment): boolean {
    const s = this.text.slice(seg.start, seg.end);
    if (s.length > ORGAN_MAX || seg.headingDepth !== undefined) return false;
    if (/[。，,；;：:！？!?、]/.test(s) || matchLeadingMarker(s)) return false;
    return s.split(/[ \t\u3000]{2,}|\s+/).every((part) => ORGAN_SUFFIX.test(part));
  }

  /** Adds the closing node; returns the index of its last segment. */
  private addClosing(segments: Segment[], first: number): number {
    const organs: OrganName[] = [];
    let date: DateNode | undefined;
    let i = first;
    for (; i < segments.length; i++) {
      const seg = segments[i]!;
      const s = this.text.slice(seg.start, seg.end);
      if (CLOSING_DATE.test(s)) {
        // inlineNodes indexes the date it finds; a line it cannot read is indexed here.
        date = this.inlineNodes(seg.start, seg.end).find((n): n is DateNode => n.type === 'date');
        if (!date) {
          date = { type: 'date', valid: false, raw: s, position: this.pos.position(seg.start, seg.end) };
          this.index.dates.push(date);
        }
        break;
      }
      if (!this.isOrganLine(seg)) {
        i--;
        break;
      }
      // Several organs on one line, separated by wide spaces: 中共枣阳市委    枣阳市人民政府
      const re = /[^ \t\u3000]+/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(s)) !== null) {
        const start = seg.start + m.index;
        organs.push({ type: 'organ', value: m[0], position: this.pos.position(start, start + m[0].length) });
      }
    }
    const last = Math.min(i, segments.length - 1);
    const children: Array<OrganName | DateNode> = [...organs];
    if (date) children.push(date);
    const closing: Closing = {
      type: 'closing',
      children,
      organs,
      date,
      position: this.pos.position(segments[first]!.start, segments[last]!.end),
    };
    this.stack.length = 0; // nothing after the closing belongs to a section
    this.root.closing = closing;
    this.root.children.push(closing);
    return last;
  }

  // ---- sections and paragraphs --------------------------------------------------------------

  private addSegment(seg: Segment): void {
    const s = this.text.slice(seg.start, seg.end);
    const found = matchLeadingMarker(s);
    if (found) {
      const inline = findInlineMarkers(this.text, seg.start, seg.end);
      const next = inline.find((m) => m.kind === found.kind && m.start > seg.start);
      // （一）…。（二）…。（三）… on one line: the leading marker begins a run that goes on inside the
      // line, so the line is an enumeration inside a paragraph, not three sections.
      if (next && next.value === found.value + 1) {
        this.addParagraph(seg.start, seg.end, inline);
        return;
      }
      // 1.丙：1.学习；2.部署。 — a run that starts again at 1 is a list inside item 1.
      this.addSection(seg, found, inline, next && next.value === 1 ? next.start : seg.end);
      return;
    }
    if (seg.headingDepth !== undefined) {
      this.addSection(seg, undefined, []);
      return;
    }
    this.addParagraph(seg.start, seg.end);
  }

  /** `headingLimit`: where the heading must end at the latest, before a list inside the item. */
  private addSection(seg: Segment, found: MarkerMatch | undefined, inline: InlineMarkerMatch[], headingLimit = seg.end): void {
    const level: Level = found ? LEVEL_OF[found.kind] : (Math.min(Math.max(seg.headingDepth! - 1, 1), 4) as Level);
    const markerEnd = seg.start + (found?.length ?? 0);
    let titleStart = markerEnd;
    while (titleStart < seg.end && isSpace(this.text.charCodeAt(titleStart))) titleStart++;
    // The heading is the first sentence; the rest of the line is the section's first paragraph.
    const end = sentenceEnd(this.text, titleStart, headingLimit);
    const headingEnd = end >= 0 ? end + 1 : headingLimit;
    let titleEnd = headingEnd;
    while (titleEnd > titleStart && TITLE_TRAILING.includes(this.text[titleEnd - 1]!)) titleEnd--;
    // A Markdown heading may run over several lines (setext); its title reads the same whatever the line endings.
    const written = this.text.slice(titleStart, titleEnd);
    const title = written.includes('\r') ? written.replace(/\r\n?/g, '\n') : written;

    const marker: Marker | undefined = found && {
      kind: found.kind,
      level,
      value: found.value,
      text: found.text,
      delimiter: found.delimiter,
      ...(found.bracket ? { bracket: found.bracket } : {}),
      position: this.pos.position(seg.start, markerEnd),
    };
    const heading: Heading = {
      type: 'heading',
      level,
      marker,
      title,
      children: this.inlineNodes(titleStart, headingEnd),
      position: this.pos.position(seg.start, headingEnd),
    };
    const section: Section = { type: 'section', level, marker, title, children: [heading], position: this.pos.position(seg.start, seg.end) };

    while (this.stack.length && this.stack[this.stack.length - 1]!.level >= level) this.stack.pop();
    const parent = this.stack[this.stack.length - 1];
    (parent ? parent.children : this.root.children).push(section);
    this.sectionOf.set(section, parent);
    this.sectionOf.set(heading, section);
    this.stack.push(section);
    this.index.sections.push(section);

    let rest = headingEnd;
    while (rest < seg.end && isSpace(this.text.charCodeAt(rest))) rest++;
    if (rest < seg.end) this.addParagraph(rest, seg.end, inline.length ? inline.filter((m) => m.start >= rest) : inline);
    this.extendAncestors(seg.end);
  }

  private addParagraph(start: number, end: number, markers?: InlineMarkerMatch[]): void {
    const section = this.stack[this.stack.length - 1];
    const sentences: Sentence[] = [];
    const enumMatches = markers ?? findInlineMarkers(this.text, start, end);
    let sentenceStart = start;
    let k = 0;
    for (let i = start; i < end; i++) {
      if (!isSentenceEnd(this.text.charCodeAt(i))) continue;
      k = this.addSentence(sentenceStart, i + 1, sentences, enumMatches, k, section);
      sentenceStart = i + 1;
    }
    if (sentenceStart < end) this.addSentence(sentenceStart, end, sentences, enumMatches, k, section);

    const paragraph: Paragraph = {
      type: 'paragraph',
      value: this.text.slice(start, end),
      children: sentences,
      position: this.pos.position(start, end),
    };
    (section ? section.children : this.root.children).push(paragraph);
    this.sectionOf.set(paragraph, section);
    this.index.paragraphs.push(paragraph);
    this.extendAncestors(end);
  }

  /** Adds the sentence [s, e) with the enumeration markers in it (from enumMatches[k]); returns the index of the first marker after it. */
  private addSentence(s: number, e: number, sentences: Sentence[], enumMatches: InlineMarkerMatch[], k: number, section: Section | undefined): number {
    const inlines = this.inlineNodes(s, e);
    let markersHere = NO_MARKERS;
    if (k < enumMatches.length && enumMatches[k]!.start < e) {
      markersHere = [];
      while (k < enumMatches.length && enumMatches[k]!.start < e) markersHere.push(enumMatches[k++]!);
    }
    const sentence: Sentence = { type: 'sentence', children: this.withMarkers(inlines, markersHere, section), position: this.pos.position(s, e) };
    sentences.push(sentence);
    this.index.sentences.push(sentence);
    return k;
  }

  /** A section's position runs to the end of its last descendant. */
  private extendAncestors(end: number): void {
    if (!this.stack.length) return;
    const point = this.pos.point(end);
    for (const section of this.stack) section.position!.end = point;
  }

  // ---- inline content -----------------------------------------------------------------------

  /** Quantities, percentages and dates in [start, end), with the text between them. */
  private inlineNodes(start: number, end: number): Inline[] {
    const out: Inline[] = [];
    let cursor = start;
    for (const token of scanInline(this.text, start, end)) {
      if (token.start > cursor) out.push(this.textNode(cursor, token.start));
      // The scanner's node is fresh and ours: give it its position instead of copying it.
      const node = token.node as Inline;
      node.position = this.pos.position(token.start, token.end);
      out.push(node);
      if (node.type === 'quantity') this.index.quantities.push(node);
      else if (node.type === 'percentage') this.index.percentages.push(node);
      else if (node.type === 'date') this.index.dates.push(node);
      cursor = token.end;
    }
    if (cursor < end) out.push(this.textNode(cursor, end));
    return out;
  }

  private textNode(start: number, end: number): Inline {
    return { type: 'text', value: this.text.slice(start, end), position: this.pos.position(start, end) };
  }

  /** Splits text nodes so that each enumeration marker is a node of its own. */
  private withMarkers(inlines: Inline[], markers: InlineMarkerMatch[], section: Section | undefined): Inline[] {
    if (!markers.length) return inlines;
    const out: Inline[] = [];
    let k = 0;
    for (const node of inlines) {
      if (node.type !== 'text' || k >= markers.length) {
        out.push(node);
        continue;
      }
      const nodeStart = node.position!.start.offset!;
      const nodeEnd = node.position!.end.offset!;
      let cursor = nodeStart;
      while (k < markers.length && markers[k]!.start >= nodeStart && markers[k]!.end <= nodeEnd) {
        const mk = markers[k++]!;
        if (mk.start > cursor) out.push(this.textNode(cursor, mk.start));
        const enumMarker: EnumMarker = {
          type: 'enumMarker', kind: mk.kind, value: mk.value, text: mk.text, position: this.pos.position(mk.start, mk.end),
        };
        out.push(enumMarker);
        this.index.enumMarkers.push(enumMarker);
        this.sectionOf.set(enumMarker, section);
        cursor = mk.end;
      }
      // A marker overlapping a quantity token (rare: "1、2号楼") is dropped rather than splitting the number.
      while (k < markers.length && markers[k]!.start < nodeEnd) k++;
      if (cursor < nodeEnd) out.push(cursor === nodeStart ? node : this.textNode(cursor, nodeEnd));
    }
    return out;
  }
}

/** For rules and the editor: the block children of a section, without its heading. */
export function sectionBody(section: Section): Block[] {
  return section.children.slice(1) as Block[];
}
