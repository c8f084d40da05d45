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

/** The fixes of `messages` that can be applied together in one pass, as one list of edits. */
export function compatibleEdits(messages: readonly LintMessage[]): { edits: TextEdit[]; applied: number } {
  const accepted: TextEdit[] = [];
  const seen = new Set<string>();
  let applied = 0;
  for (const message of messages) {
    if (!message.fix) continue;
    const edits = message.fix.edits.map(({ start, end, text }) => ({ start, end, text }));
    const key = JSON.stringify(edits);
    if (seen.has(key)) continue; // several messages of one run share the run's fix
    const overlaps = edits.some((e) => accepted.some((a) => e.start < a.end && a.start < e.end) || edits.some((o) => o !== e && e.start < o.end && o.start < e.end));
    if (overlaps) continue;
    seen.add(key);
    accepted.push(...edits);
    applied++;
  }
  return { edits: accepted, applied };
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
