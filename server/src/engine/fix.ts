/**
 * Applying fixes. Each message's fix is a set of edits that must apply together; fixes whose
 * ranges overlap an already accepted fix wait for the next pass (the text is re-checked between
 * passes), as ESLint does.
 */
import type { LintMessage, TextEdit } from './rule';

/** Applies non-overlapping edits to text; edits must not overlap each other. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    out += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return out + text.slice(cursor);
}

/** Edits in document order: by start, then end (an insertion before a replacement at the same place). */
const byPlace = (a: TextEdit, b: TextEdit) => a.start - b.start || a.end - b.end;

/** Whether two edits touch the same text (insertions at one point do not). */
const overlap = (a: TextEdit, b: TextEdit) => a.start < b.end && b.start < a.end;

/**
 * The fixes of `messages` that can be applied together in one pass, as one list of edits in
 * document order. A renumbering fix can hold an edit for each of a hundred thousand markers and be
 * shared by every finding of its run, so fixes are compared by identity first and edits are
 * checked against the accepted ones by binary search: the work stays n log n in the edits.
 */
export function compatibleEdits(messages: readonly LintMessage[]): { edits: TextEdit[]; applied: number } {
  let accepted: TextEdit[] = [];
  const seenFixes = new Set<object>();
  const seenKeys = new Set<string>();
  let applied = 0;
  for (const message of messages) {
    const fix = message.fix;
    if (!fix || seenFixes.has(fix)) continue;
    seenFixes.add(fix);
    const edits = fix.edits.map(({ start, end, text }) => ({ start, end, text })).sort(byPlace);
    // Equal fixes of different messages (several messages of one run, copied): applied once.
    const key = editsKey(edits);
    if (seenKeys.has(key)) continue;
    if (!fitsAmong(edits, accepted)) continue;
    seenKeys.add(key);
    accepted = merged(accepted, edits);
    applied++;
  }
  return { edits: accepted, applied };
}

/** A fix's identity for deduplication; long fixes by a digest, so that no key grows with the run. */
function editsKey(edits: readonly TextEdit[]): string {
  if (edits.length <= 32) return JSON.stringify(edits);
  let hash = 0x811c9dc5;
  for (const e of edits) {
    hash = Math.imul(hash ^ e.start, 0x01000193);
    hash = Math.imul(hash ^ e.end, 0x01000193);
    for (let i = 0; i < e.text.length; i++) hash = Math.imul(hash ^ e.text.charCodeAt(i), 0x01000193);
  }
  return `${edits.length}:${edits[0]!.start}:${edits[edits.length - 1]!.end}:${hash >>> 0}`;
}

/** Whether sorted `edits` overlap neither each other nor any of the sorted, disjoint `accepted`. */
function fitsAmong(edits: readonly TextEdit[], accepted: readonly TextEdit[]): boolean {
  let maxEnd = -1;
  for (const e of edits) {
    if (e.start < maxEnd) return false;
    maxEnd = Math.max(maxEnd, e.end);
    // Disjoint edits in document order have non-decreasing ends: the first accepted edit ending
    // after e starts is the only one that can overlap it.
    let lo = 0;
    let hi = accepted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (accepted[mid]!.end > e.start) hi = mid;
      else lo = mid + 1;
    }
    if (lo < accepted.length && overlap(accepted[lo]!, e)) return false;
  }
  return true;
}

/** Sorted a and b as one sorted list. A few edits are put in place (a memory move each); many are merged. */
function merged(a: TextEdit[], b: readonly TextEdit[]): TextEdit[] {
  if (!a.length) return [...b];
  if (b.length * 16 < a.length) {
    for (const e of b) {
      let lo = 0;
      let hi = a.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (byPlace(a[mid]!, e) <= 0) lo = mid + 1;
        else hi = mid;
      }
      a.splice(lo, 0, e);
    }
    return a;
  }
  const out: TextEdit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && byPlace(a[i]!, b[j]!) <= 0)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/**
 * Repeatedly lints and applies compatible fixes until nothing fixable is left (at most `passes` times).
 * Returns the fixed text and the messages that remain.
 */
export function fixText(
  text: string,
  lint: (text: string) => LintMessage[],
  passes = 10,
): { output: string; messages: LintMessage[]; fixed: boolean } {
  let current = text;
  let messages = lint(current);
  let fixed = false;
  for (let pass = 0; pass < passes; pass++) {
    const { edits, applied } = compatibleEdits(messages);
    if (!applied) break;
    current = applyEdits(current, edits);
    fixed = true;
    messages = lint(current);
  }
  return { output: current, messages, fixed };
}
