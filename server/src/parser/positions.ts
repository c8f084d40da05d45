import type { Position } from './types';

/** Offsets of the first character of every line; a line ends at \r\n, \r or \n. */
export function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

const POINT_CACHE_SIZE = 16; // a power of two

/**
 * Turns offsets into unist points. Nodes are created in document order, so the lookup
 * starts from the line of the previous call and only falls back to binary search on a jump back.
 */
export class PositionMapper {
  private lastLine = 0;
  /**
   * Adjacent nodes share boundaries (a text node ends where a quantity starts, a sentence starts
   * where its first child does), so recent points are reused rather than allocated again. Points
   * are never mutated, which makes sharing them safe.
   */
  private readonly recent: Array<{ line: number; column: number; offset: number } | undefined> = new Array(POINT_CACHE_SIZE);
  constructor(private readonly lineStarts: number[]) {}

  lineOf(offset: number): number {
    const starts = this.lineStarts;
    let line = this.lastLine;
    let lo: number;
    let hi: number;
    if (offset < starts[line]!) {
      lo = 0;
      hi = line;
    } else {
      // A few steps forward cover the parser's document-order calls; a longer jump (a rule's
      // findings are in its own order) is a binary search, or a 100 000-line document would walk
      // its lines once per finding.
      for (let step = 0; step < 8; step++) {
        if (line + 1 >= starts.length || starts[line + 1]! > offset) {
          this.lastLine = line;
          return line;
        }
        line++;
      }
      lo = line;
      hi = starts.length - 1;
    }
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.lastLine = lo;
    return lo;
  }

  point(offset: number): { line: number; column: number; offset: number } {
    const slot = offset & (POINT_CACHE_SIZE - 1);
    const cached = this.recent[slot];
    if (cached !== undefined && cached.offset === offset) return cached;
    const line = this.lineOf(offset);
    const point = { line: line + 1, column: offset - this.lineStarts[line]! + 1, offset };
    this.recent[slot] = point;
    return point;
  }

  position(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }
}

/** One offset's 1-based line and column, for callers that need a single point rather than a mapper. */
export function pointAt(text: string, offset: number): { line: number; column: number; offset: number } {
  return new PositionMapper(computeLineStarts(text)).point(offset);
}
