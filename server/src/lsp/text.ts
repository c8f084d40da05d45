/** Small text utilities shared by the feature modules. */
import type { Position as UnistPosition } from 'unist';
import type { Position, Range } from 'vscode-languageserver';

export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The single replacement that turns `before` into `after`: the differing middle between the
 * common prefix and suffix. Fix-all sends this instead of the whole text so the editor keeps the
 * cursor, folding and undo granularity. Never splits a surrogate pair or a CRLF.
 */
export function minimalEdit(before: string, after: string): OffsetEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  if (start > 0 && (isLowSurrogate(before.charCodeAt(start)) || isLowSurrogate(after.charCodeAt(start)) || (before[start] === '\n' && before[start - 1] === '\r'))) start--;
  let beforeEnd = before.length - end;
  let afterEnd = after.length - end;
  if (end > 0 && (isHighSurrogate(before.charCodeAt(beforeEnd - 1)) || (before[beforeEnd - 1] === '\r' && before[beforeEnd] === '\n'))) {
    beforeEnd++;
    afterEnd++;
  }
  return { start, end: beforeEnd, text: after.slice(start, afterEnd) };
}

/** A unist position (1-based) → an LSP range (0-based); columns are UTF-16 units in both. */
export function unistToRange(position: UnistPosition): Range {
  return {
    start: { line: position.start.line - 1, character: position.start.column - 1 },
    end: { line: position.end.line - 1, character: position.end.column - 1 },
  };
}

/** Whether an LSP position lies in a range (ends inclusive, so a cursor right after a marker still counts). */
export function rangeContains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

