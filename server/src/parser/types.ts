/**
 * The report syntax tree: a unist tree whose every node carries an exact position
 * (1-based line and column, 0-based offset; columns count UTF-16 code units, as LSP does).
 *
 * root
 * ├─ title?                      the report's title line
 * ├─ paragraph*                  opening paragraphs (and anything before the first section)
 * ├─ section*                    levels 1–4, nested by level
 * │   ├─ heading                 marker + heading sentence
 * │   ├─ paragraph*              body; the rest of the heading line is the first paragraph
 * │   └─ section*                deeper levels
 * ├─ closing?                    closing organ(s) and date
 * └─ paragraph*                  whatever follows the closing (often pasted page furniture)
 *
 * paragraph → sentence* → inline (text | quantity | percentage | date | enumMarker)
 */
import type { Node, Parent, Position } from 'unist';

export type { Position };

/** Structural numbering markers of GB/T 9704-2012 §7.3.3, outermost first. */
export type MarkerKind =
  | 'cn-dun' //       一、        level 1
  | 'cn-paren' //     （一） (一)   level 2
  | 'arabic-dot' //   1. 1、 1．   level 3
  | 'arabic-paren'; // （1） (1)   level 4

/** Inline enumeration markers: 一是…二是…, 第一，…第二，…, or a section marker written inside a paragraph. */
export type InlineMarkerKind = 'cn-shi' | 'cn-di' | MarkerKind;

export type Level = 1 | 2 | 3 | 4;

export type BracketStyle = 'full' | 'ascii' | 'mixed';

export interface Marker {
  kind: MarkerKind;
  level: Level;
  /** Ordinal value: 十一、 → 11, （3） → 3. */
  value: number;
  /** The marker exactly as written, e.g. "（一）", "(一)", "1、", "十、". */
  text: string;
  /**
   * The delimiter as written: "、" "." "．" for 一、 and 1.; for bracketed markers the pair, e.g. "（）", "()", "(）".
   */
  delimiter: string;
  /** Only for bracketed markers. */
  bracket?: BracketStyle;
  position: Position;
}

export interface Text extends Node {
  type: 'text';
  value: string;
}

/** Approximation words that turn a number into an interval. */
export type ApproxWord =
  | '余' | '多' | '近' | '约' | '超' | '超过' | '逾' | '以上' | '以下' | '以内' | '左右'
  | '不少于' | '不低于' | '不超过' | '不足' | '不到';

export interface Quantity extends Node {
  type: 'quantity';
  /** Nominal value with multipliers applied: 6.5万 → 65000. */
  value: number;
  /** The interval the written number stands for; equal to value when exact. */
  low: number;
  high: number;
  exact: boolean;
  /** Unit as written after the number, longest match: 人次, 个工作日, 万元 (multiplier moved into value: 元). '' if none. */
  unit: string;
  approx: ApproxWord[];
  /** Source text of the whole quantity including approximation words. */
  raw: string;
  numeral: 'arabic' | 'chinese';
  /** Offset range of the number itself (without approximation words or unit). */
  numberStart: number;
  numberEnd: number;
}

export interface Percentage extends Node {
  type: 'percentage';
  value: number;
  /** Decimals as written: "5.9%" → 1, "100％" → 0. */
  decimals: number;
  sign: '%' | '％' | '百分之';
  approx: ApproxWord[];
  low: number;
  high: number;
  exact: boolean;
  raw: string;
  numberStart: number;
  numberEnd: number;
}

export interface DateNode extends Node {
  type: 'date';
  year?: number;
  /** For ranges such as 2021—2025年. */
  endYear?: number;
  month?: number;
  endMonth?: number;
  day?: number;
  endDay?: number;
  /** false for 13月, 2月30日 and the like. */
  valid: boolean;
  raw: string;
}

export interface EnumMarker extends Node {
  type: 'enumMarker';
  kind: InlineMarkerKind;
  value: number;
  text: string;
}

export type Inline = Text | Quantity | Percentage | DateNode | EnumMarker;

export interface Sentence extends Parent {
  type: 'sentence';
  children: Inline[];
}

export interface Paragraph extends Parent {
  type: 'paragraph';
  children: Sentence[];
  /** Plain text of the paragraph (indentation trimmed). */
  value: string;
}

export interface Heading extends Parent {
  type: 'heading';
  level: Level;
  /** Undefined only for Markdown headings written without a numbering marker. */
  marker?: Marker;
  /** Heading text without the marker and without the closing 。. */
  title: string;
  children: Inline[];
}

export interface Section extends Parent {
  type: 'section';
  level: Level;
  marker?: Marker;
  title: string;
  /** children[0] is always the heading. */
  children: [Heading, ...Block[]];
}

export interface Title extends Node {
  type: 'title';
  value: string;
}

export interface OrganName extends Node {
  type: 'organ';
  value: string;
}

export interface Closing extends Parent {
  type: 'closing';
  children: Array<OrganName | DateNode>;
  organs: OrganName[];
  date?: DateNode;
}

export type Block = Title | Paragraph | Section | Closing;

export interface ReportIndex {
  sections: Section[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  quantities: Quantity[];
  percentages: Percentage[];
  dates: DateNode[];
  enumMarkers: EnumMarker[];
}

export interface ReportData {
  /** The source text; every offset in the tree points into it. */
  text: string;
  format: 'text' | 'markdown';
  /** Offset of the first character of each line (0-based line numbers). */
  lineStarts: number[];
  /** Every node of each kind in document order, so rules need not walk the tree. */
  index: ReportIndex;
  /** Innermost enclosing section of each paragraph / enumeration marker, by node. */
  sectionOf: Map<Node, Section | undefined>;
  /** Directives from Markdown comments: <!-- report-lint-disable rule-id --> (ids; '*' for all). */
  disabledRules: Set<string>;
}

export interface Root extends Parent {
  type: 'root';
  children: Block[];
  title?: Title;
  closing?: Closing;
  data: ReportData;
}

export type ReportNode = Root | Block | Heading | Sentence | Inline | OrganName;
