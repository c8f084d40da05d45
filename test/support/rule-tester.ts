/**
 * Inline valid/invalid cases for one rule, in the manner of ESLint's RuleTester: each invalid case
 * lists the messages it must produce; when the rule is fixable, `output` is the text after every
 * fix is applied, and the fixed text must leave nothing for the same rule to fix.
 */
import { strict as assert } from 'node:assert';
import { parseConfig } from '../../server/src/engine/config';
import { applyEdits, fixText } from '../../server/src/engine/fix';
import { lintText } from '../../server/src/engine/lint';
import type { LintMessage, Locale, Rule, Severity } from '../../server/src/engine/rule';

export interface CaseOptions {
  name?: string;
  text: string;
  format?: 'text' | 'markdown';
  locale?: Locale;
  /** Rule setting as in .reportlintrc.json, e.g. ["warning", { "preferStandard": true }]. */
  setting?: unknown;
}

export interface ExpectedMessage {
  messageId: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  severity?: Severity;
  /** A substring the formatted message must contain. */
  includes?: string;
}

export interface InvalidCase extends CaseOptions {
  errors: ExpectedMessage[];
  /** Text after all fixes; omit for cases without a fix. */
  output?: string;
}

export function lintWith(rule: Rule, c: CaseOptions): LintMessage[] {
  const config = c.setting === undefined ? undefined : parseConfig(JSON.stringify({ rules: { [rule.meta.id]: c.setting } }), new Set([rule.meta.id])).config;
  const result = lintText(c.text, { rules: [rule], format: c.format, locale: c.locale, config });
  if (result.failures.length) throw new Error(result.failures.map((f) => f.message).join('\n'));
  return result.messages;
}

const label = (c: CaseOptions) => c.name ?? (c.text.length > 40 ? c.text.slice(0, 40).replace(/\n/g, '⏎') + '…' : c.text.replace(/\n/g, '⏎'));

export function testRule(rule: Rule, cases: { valid: Array<string | CaseOptions>; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    for (const v of cases.valid) {
      const c = typeof v === 'string' ? { text: v } : v;
      it(`valid: ${label(c)}`, () => {
        const messages = lintWith(rule, c);
        assert.deepEqual(messages.map((m) => `${m.line}:${m.column} ${m.messageId} ${m.message}`), []);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${label(c)}`, () => {
        const messages = lintWith(rule, c);
        const actual = messages.map((m, i) => {
          const e = c.errors[i];
          const shown: Record<string, unknown> = { messageId: m.messageId };
          if (e?.line !== undefined) shown.line = m.line;
          if (e?.column !== undefined) shown.column = m.column;
          if (e?.endLine !== undefined) shown.endLine = m.endLine;
          if (e?.endColumn !== undefined) shown.endColumn = m.endColumn;
          if (e?.severity !== undefined) shown.severity = m.severity;
          if (e?.includes !== undefined) shown.includes = m.message.includes(e.includes) ? e.includes : m.message;
          return shown;
        });
        assert.deepEqual(actual, c.errors.map((e) => ({ ...e })), `messages were:\n${messages.map((m) => `  ${m.line}:${m.column} ${m.messageId} ${m.message}`).join('\n')}`);

        for (const m of messages) {
          for (const edit of m.fix?.edits ?? []) {
            assert.ok(edit.start >= 0 && edit.end <= c.text.length && edit.start <= edit.end, `fix edit out of range: ${JSON.stringify(edit)}`);
          }
          if (m.fix) {
            // A fix changes nothing outside its own ranges.
            const fixed = applyEdits(c.text, m.fix.edits);
            const first = Math.min(...m.fix.edits.map((e) => e.start));
            assert.equal(fixed.slice(0, first), c.text.slice(0, first));
          }
        }
        const hasFix = messages.some((m) => m.fix);
        if (c.output !== undefined) {
          assert.ok(hasFix, 'an output was given but no message carries a fix');
          const { output, messages: remaining } = fixText(c.text, (t) => lintWith(rule, { ...c, text: t }));
          assert.equal(output, c.output);
          assert.deepEqual(remaining.filter((m) => m.fix).map((m) => m.message), [], 'the fixed text still has something to fix');
        } else {
          assert.ok(!hasFix, `the rule offers a fix here; give the expected output (${messages.filter((m) => m.fix).map((m) => m.fix!.description).join(', ')})`);
        }
      });
    }
  });
}
