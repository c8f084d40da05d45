/**
 * Text → segments: the logical lines the block parser reads. A plain-text draft is read line by
 * line. A Markdown draft is read through remark-parse, so that code, HTML and front matter are
 * left out and heading syntax is stripped; paragraph lines stay separate lines because writers
 * put 一、 （一） 1. on consecutive lines without blank lines between them.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root as MdRoot, RootContent as MdNode } from 'mdast';

export interface Segment {
  /** Content range after indentation and syntax, before trailing space. */
  start: number;
  end: number;
  /** Markdown heading depth, when the line is an ATX/setext heading. */
  headingDepth?: number;
}

const INDENT = new Set([' ', '\t', '\u3000', '\u00a0', '\ufeff', '\u2002', '\u2003', '\u200b']);

/** Trims indentation and trailing space; returns undefined for a blank range. */
function trimmed(text: string, start: number, end: number): [number, number] | undefined {
  while (start < end && INDENT.has(text[start]!)) start++;
  while (end > start && INDENT.has(text[end - 1]!)) end--;
  return start < end ? [start, end] : undefined;
}

export function textSegments(text: string, lineStarts: number[]): Segment[] {
  const segments: Segment[] = [];
  for (let i = 0; i < lineStarts.length; i++) {
    const lineStart = lineStarts[i]!;
    let lineEnd = i + 1 < lineStarts.length ? lineStarts[i + 1]! : text.length;
    while (lineEnd > lineStart && (text[lineEnd - 1] === '\n' || text[lineEnd - 1] === '\r')) lineEnd--;
    const range = trimmed(text, lineStart, lineEnd);
    if (range) segments.push({ start: range[0], end: range[1] });
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

export function markdownSegments(text: string, lineStarts: number[]): MarkdownScan {
  const tree = markdownParser.parse(text) as MdRoot;
  const segments: Segment[] = [];
  const disabledRules = new Set<string>();

  const lineRange = (line: number): [number, number] => {
    const start = lineStarts[line]!;
    let end = line + 1 < lineStarts.length ? lineStarts[line + 1]! : text.length;
    while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    return [start, end];
  };

  const addLines = (node: MdNode) => {
    const pos = node.position;
    if (!pos) return;
    for (let line = pos.start.line - 1; line <= pos.end.line - 1; line++) {
      let [start, end] = lineRange(line);
      if (line === pos.start.line - 1) start = Math.max(start, pos.start.offset ?? start);
      if (line === pos.end.line - 1) end = Math.min(end, pos.end.offset ?? end);
      const range = trimmed(text, start, end);
      if (!range) continue;
      const syntax = LEADING_SYNTAX.exec(text.slice(range[0], Math.min(range[1], range[0] + 16)));
      const from = range[0] + (syntax ? syntax[0].length : 0);
      if (from < range[1]) segments.push({ start: from, end: range[1] });
    }
  };

  const visit = (node: MdNode) => {
    switch (node.type) {
      case 'heading': {
        const first = node.children[0]?.position?.start.offset;
        const last = node.children[node.children.length - 1]?.position?.end.offset;
        if (first === undefined || last === undefined) return;
        const range = trimmed(text, first, last);
        if (range) segments.push({ start: range[0], end: range[1], headingDepth: node.depth });
        return;
      }
      case 'paragraph':
      case 'table':
        addLines(node);
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
            const itemStart = node.position.start.offset!;
            const range = trimmed(text, itemStart, firstChild.position.start.offset!);
            if (range && /^\d/.test(text.slice(range[0], range[1]))) {
              addLines({ ...firstChild, position: { ...firstChild.position, start: node.position.start } });
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

/** Length of a leading YAML front matter block, or 0. */
function frontMatterLength(text: string): number {
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  return m ? open[0].length + m.index + m[0].length : 0;
}
