/**
 * Inserting whole lines (a missing section, a title) so that they look like the lines around
 * them: the document's line ending, its blank-line habit (portal text often has a blank line
 * between paragraphs), and the indentation or Markdown heading syntax of a neighbouring line.
 */
import type { Root } from '../../parser/types';

export interface Layout {
  /** The line ending the document uses. */
  nl: string;
  /** What separates two blocks: nl, or nl twice when the document puts blank lines between paragraphs. */
  sep: string;
}

const SPACE = new Set([' ', '\t', '\u3000', '\u00a0', '\r', '\n']);

/** Lines looked at to learn the blank-line habit: enough to see it, few enough to cost nothing on a long report. */
const SAMPLE_LINES = 40;

export function layoutOf(tree: Root): Layout {
  const { text, lineStarts } = tree.data;
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  let blank = 0;
  let filled = 0;
  for (let i = 0; i < Math.min(lineStarts.length, SAMPLE_LINES); i++) {
    const end = i + 1 < lineStarts.length ? lineStarts[i + 1]! : text.length;
    let empty = true;
    // almost every line starts with text, so this loop nearly always stops at its first character
    for (let k = lineStarts[i]!; k < end; k++) {
      if (!SPACE.has(text[k]!)) {
        empty = false;
        break;
      }
    }
    if (empty) blank++;
    else filled++;
  }
  // Markdown needs a blank line to end a paragraph before a heading; plain text follows its own habit.
  const blankStyle = tree.data.format === 'markdown' || (filled > 1 && blank >= (filled - 1) / 2);
  return { nl, sep: blankStyle ? nl + nl : nl };
}

/** Offset of the start of the line holding `offset`. */
export function lineStartAt(tree: Root, offset: number): number {
  const starts = tree.data.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return starts[lo]!;
}

/** What precedes a block on its line: indentation, and for Markdown the heading or list syntax. */
export function linePrefix(tree: Root, offset: number): string {
  return tree.data.text.slice(lineStartAt(tree, offset), offset);
}

/** Only the indentation of a prefix, for a body line under a heading. */
export function indentOf(prefix: string): string {
  return /^[ \t\u3000\u00a0]*/.exec(prefix)![0];
}
