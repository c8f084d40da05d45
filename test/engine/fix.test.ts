import { strict as assert } from 'node:assert';
import { applyEdits, compatibleEdits } from '../../server/src/engine/fix';
import type { LintMessage, TextEdit } from '../../server/src/engine/rule';

function message(edits: TextEdit[]): LintMessage {
  return {
    ruleId: 'test', messageId: 'test', severity: 'warning', line: 1, column: 1, endLine: 1, endColumn: 1, message: '', offset: 0, endOffset: 0,
    fix: { edits: edits.map((e) => ({ ...e, line: 1, column: 1, endLine: 1, endColumn: 1 })) },
  };
}

/** The rule the fast version must keep, written the slow way: every pair compared. */
function slowCompatible(messages: LintMessage[]): { edits: TextEdit[]; applied: number } {
  const accepted: TextEdit[] = [];
  const seen = new Set<string>();
  let applied = 0;
  const overlap = (a: TextEdit, b: TextEdit) => a.start < b.end && b.start < a.end;
  for (const m of messages) {
    if (!m.fix) continue;
    const edits = m.fix.edits.map(({ start, end, text }) => ({ start, end, text })).sort((a, b) => a.start - b.start || a.end - b.end);
    const key = JSON.stringify(edits);
    if (seen.has(key)) continue;
    if (edits.some((e) => accepted.some((a) => overlap(a, e)) || edits.some((o) => o !== e && overlap(e, o)))) continue;
    seen.add(key);
    accepted.push(...edits);
    applied++;
  }
  return { edits: accepted.sort((a, b) => a.start - b.start || a.end - b.end), applied };
}

describe('fixes', () => {
  it('accepts the same fixes as comparing every pair, on random fixes', () => {
    let seed = 11;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    for (let trial = 0; trial < 500; trial++) {
      const messages: LintMessage[] = [];
      for (let k = random(12); k >= 0; k--) {
        const edits: TextEdit[] = [];
        for (let n = random(4); n >= 0; n--) {
          const start = random(40);
          edits.push({ start, end: start + random(3), text: String(random(3)) });
        }
        messages.push(message(edits));
        if (random(4) === 0) messages.push(messages[random(messages.length)]!);
      }
      const fast = compatibleEdits(messages);
      const slow = slowCompatible(messages);
      assert.equal(fast.applied, slow.applied, `trial ${trial}`);
      assert.deepEqual(fast.edits.map(({ start, end, text }) => ({ start, end, text })), slow.edits, `trial ${trial}`);
    }
  });

  it('applies a fix shared by the findings of a long run once', () => {
    const text = '一、甲\n'.repeat(50_000);
    const edits: TextEdit[] = [];
    for (let i = 1; i < 50_000; i++) edits.push({ start: i * 4, end: i * 4 + 1, text: 'X' });
    const shared = message(edits);
    // Every finding of the run carries the same fix object, as lint() gives it.
    const messages = Array.from({ length: 1000 }, () => shared);
    const { edits: accepted, applied } = compatibleEdits(messages);
    assert.equal(applied, 1);
    assert.equal(accepted.length, 49_999);
    assert.equal(applyEdits(text, accepted).split('\n')[1], 'X、甲');
  });
});
