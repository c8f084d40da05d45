/**
 * The properties every report must satisfy, whatever its text: shared by the mocha tests
 * (test/properties/*.test.ts), the saved regressions (test/fixtures/fuzz/) and the fuzz script
 * (scripts/fuzz.mjs). Each property checks one Case and throws an AssertionError when it does not
 * hold.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint as apiLint, outline as apiOutline } from '../../server/src/api';
import { main as cliMain } from '../../server/src/cli';
import { parseConfig, type Config } from '../../server/src/engine/config';
import { decodeReport, encodeReport } from '../../server/src/engine/decode';
import { applyEdits, fixText } from '../../server/src/engine/fix';
import { lintText, lintTree, type LintOptions } from '../../server/src/engine/lint';
import { buildOutline, type OutlineItem } from '../../server/src/engine/outline';
import type { LintMessage } from '../../server/src/engine/rule';
import { fix as fixCommand } from '../../server/src/lsp/analysis';
import { numberingRuleIds } from '../../server/src/lsp/commands';
import { parse } from '../../server/src/parser';
import type { Root } from '../../server/src/parser/types';
import { RULES, RULE_IDS } from '../../server/src/rules';
import type { Case } from './generators';

export type { Case } from './generators';

export interface Property {
  /** Kebab-case; recorded in saved regression fixtures. */
  name: string;
  /** Runs per `npm test`: the expensive properties run fewer cases, the fuzz script runs them all without end. */
  runs: number;
  check(c: Case): void;
}

// ---- configuration -----------------------------------------------------------------------------

function configOf(rules: Record<string, unknown>): Config {
  const parsed = parseConfig(JSON.stringify({ rules }), RULE_IDS);
  assert.deepEqual(parsed.problems, []);
  return parsed.config;
}

/** Every rule on (those off by default as warnings), numbering-style with its stricter option. */
const ALL_RULES_SETTINGS: Record<string, unknown> = Object.fromEntries(
  RULES.map((rule) => [rule.meta.id, rule.meta.id === 'numbering-style' ? ['warning', { preferStandard: true }] : rule.meta.defaultSeverity === 'off' ? 'warning' : rule.meta.defaultSeverity]),
);
const CONFIGS: Record<Case['rules'], Config> = { default: configOf({}), all: configOf(ALL_RULES_SETTINGS) };
const SETTINGS: Record<Case['rules'], Record<string, unknown>> = { default: {}, all: ALL_RULES_SETTINGS };

/** How a case is checked: its format and rule set. */
export function lintOptionsOf(c: Case, locale: 'zh' | 'en' = 'zh'): LintOptions {
  return { format: c.format, locale, config: CONFIGS[c.rules] };
}

function lintCase(c: Case, text = c.text, locale: 'zh' | 'en' = 'zh') {
  const result = lintText(text, lintOptionsOf(c, locale));
  assert.deepEqual(result.failures, [], `a rule threw: ${result.failures.map((f) => f.message).join('; ')}`);
  return result;
}

// ---- positions, computed independently of the parser -------------------------------------------

/** Offsets where lines start; a line ends at \r\n, \r or \n, as editors count lines. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') starts.push(i + 1);
    else if (text[i] === '\r') {
      if (text[i + 1] === '\n') i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

class Points {
  readonly starts: number[];
  constructor(readonly text: string) {
    this.starts = lineStartsOf(text);
  }
  /** 1-based line and column (UTF-16 units) of an offset. */
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo]! + 1 };
  }
  /** Length of a line with its line break, so that a column may point just past its last character. */
  lineLength(line: number): number {
    const next = line < this.starts.length ? this.starts[line]! : this.text.length;
    return next - this.starts[line - 1]!;
  }
}

/** An offset inside the document that an editor can express: not between \r and \n, not inside a surrogate pair. */
function assertOffset(text: string, offset: number, what: string): void {
  assert.ok(Number.isInteger(offset) && offset >= 0 && offset <= text.length, `${what}: offset ${offset} outside 0..${text.length}`);
  assert.ok(!(text[offset - 1] === '\r' && text[offset] === '\n'), `${what}: offset ${offset} splits a \\r\\n line break`);
}

function assertNotSplittingPair(text: string, offset: number, what: string): void {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  assert.ok(!(before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff), `${what}: offset ${offset} splits a surrogate pair`);
}

function assertPoint(points: Points, offset: number, line: number, column: number, what: string): void {
  assertOffset(points.text, offset, what);
  assert.deepEqual({ line, column }, points.at(offset), `${what}: line/column of offset ${offset}`);
}

/** A line/column pair (no offset given) that names a place in the document. */
function assertInside(points: Points, line: number, column: number, what: string): void {
  assert.ok(Number.isInteger(line) && line >= 1 && line <= points.starts.length, `${what}: line ${line} outside 1..${points.starts.length}`);
  assert.ok(Number.isInteger(column) && column >= 1 && column <= points.lineLength(line) + 1, `${what}: column ${column} outside line ${line}`);
}

const before = (a: { line: number; column: number }, b: { line: number; column: number }) => a.line < b.line || (a.line === b.line && a.column <= b.column);

function assertMessageRanges(c: Case, messages: readonly LintMessage[]): void {
  const points = new Points(c.text);
  for (const m of messages) {
    const what = `${m.ruleId}/${m.messageId} at ${m.line}:${m.column}`;
    assert.ok(m.offset <= m.endOffset, `${what}: starts after it ends`);
    assertPoint(points, m.offset, m.line, m.column, `${what} start`);
    assertPoint(points, m.endOffset, m.endLine, m.endColumn, `${what} end`);
    for (const [i, e] of (m.fix?.edits ?? []).entries()) {
      assert.ok(e.start <= e.end, `${what} fix edit ${i}: starts after it ends`);
      assertPoint(points, e.start, e.line, e.column, `${what} fix edit ${i} start`);
      assertPoint(points, e.end, e.endLine, e.endColumn, `${what} fix edit ${i} end`);
    }
    for (const [i, r] of (m.related ?? []).entries()) {
      assertInside(points, r.line, r.column, `${what} related ${i} start`);
      assertInside(points, r.endLine, r.endColumn, `${what} related ${i} end`);
      assert.ok(before(r, { line: r.endLine, column: r.endColumn }), `${what} related ${i}: starts after it ends`);
    }
  }
}

function assertOutlineRanges(points: Points, items: readonly OutlineItem[]): void {
  for (const item of items) {
    const what = `outline ${item.marker || item.title} at line ${item.line}`;
    for (const [name, position] of [['position', item.position], ['selection', item.selection]] as const) {
      const { start, end } = position;
      assertPoint(points, start.offset!, start.line, start.column, `${what} ${name} start`);
      assertPoint(points, end.offset!, end.line, end.column, `${what} ${name} end`);
      assert.ok(start.offset! <= end.offset!, `${what} ${name}: starts after it ends`);
    }
    assert.equal(item.line, item.selection.start.line, `${what}: line is where its marker starts`);
    assert.ok(item.position.start.offset! <= item.selection.start.offset! && item.selection.end.offset! <= item.position.end.offset!, `${what}: selection inside the item`);
    assertOutlineRanges(points, item.children);
  }
}

// ---- helpers for the fix properties ------------------------------------------------------------

/** The edits of a fix sorted, after checking they can apply together (in range, no two overlapping). */
function sortedEdits(text: string, m: LintMessage) {
  const edits = [...m.fix!.edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i]!;
    assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${m.ruleId}/${m.messageId}: edit [${e.start}, ${e.end}) outside the document`);
    const next = edits[i + 1];
    if (next) assert.ok(e.end <= next.start, `${m.ruleId}/${m.messageId}: edits overlap: ${JSON.stringify([e, next])}`);
  }
  return edits;
}

const fixable = (messages: readonly LintMessage[]) => messages.filter((m) => m.fix);
const brief = (m: LintMessage) => `${m.ruleId}/${m.messageId} ${m.line}:${m.column} ${m.message}`;

/** What an editor shows of a finding: everything but offsets and fix edits (whose offsets move with the line breaks). */
function shownFinding(m: LintMessage) {
  return {
    ruleId: m.ruleId,
    messageId: m.messageId,
    severity: m.severity,
    message: m.message,
    range: [m.line, m.column, m.endLine, m.endColumn],
    fixable: m.fix !== undefined,
    related: m.related?.map((r) => [r.line, r.column, r.endLine, r.endColumn, r.message]),
  };
}

function shownOutline(items: readonly OutlineItem[]): unknown[] {
  return items.map((item) => ({
    marker: item.marker,
    level: item.level,
    title: item.title,
    line: item.line,
    inline: item.inline ?? false,
    position: [item.position.start.line, item.position.start.column, item.position.end.line, item.position.end.column],
    selection: [item.selection.start.line, item.selection.start.column, item.selection.end.line, item.selection.end.column],
    children: shownOutline(item.children),
  }));
}

/** The tree as data: everything a rule could change (the index holds the same nodes, so it is covered). */
function treeSnapshot(tree: Root): string {
  return JSON.stringify({
    children: tree.children,
    position: tree.position,
    title: tree.title,
    closing: tree.closing,
    index: tree.data.index,
    text: tree.data.text,
    lineStarts: tree.data.lineStarts,
    disabledRules: [...tree.data.disabledRules],
    sectionOf: tree.data.sectionOf.size,
  });
}

let cliDir: string | undefined;
/** A scratch folder for CLI runs, one per process, removed when the process exits. */
function scratchDir(): string {
  if (!cliDir) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-lint-properties-'));
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    cliDir = dir;
  }
  return cliDir;
}

// ---- the properties ----------------------------------------------------------------------------

export const PROPERTIES: readonly Property[] = [
  {
    name: 'never-throws',
    runs: 150,
    check(c) {
      // lintCase asserts that no rule threw (LintResult.failures is empty).
      lintCase(c);
      lintCase(c, c.text, 'en');
      apiLint(c.text, { format: c.format, locale: 'en', rules: SETTINGS[c.rules] });
      apiOutline(c.text, { format: c.format });
    },
  },
  {
    name: 'ranges-inside-document',
    runs: 200,
    check(c) {
      const { tree, messages } = lintCase(c);
      assertMessageRanges(c, messages);
      assertOutlineRanges(new Points(c.text), buildOutline(tree));
    },
  },
  {
    name: 'fix-changes-only-its-ranges',
    runs: 200,
    check(c) {
      for (const m of fixable(lintCase(c).messages)) {
        const edits = sortedEdits(c.text, m);
        for (const e of edits) {
          assertNotSplittingPair(c.text, e.start, `${brief(m)}: fix edit start`);
          assertNotSplittingPair(c.text, e.end, `${brief(m)}: fix edit end`);
        }
        const fixed = applyEdits(c.text, m.fix!.edits);
        assert.notEqual(fixed, c.text, `${brief(m)}: the fix changes nothing`);
        // Walk the result: every stretch between edits is the original text, every edit its replacement.
        let original = 0;
        let at = 0;
        for (const e of edits) {
          const kept = c.text.slice(original, e.start);
          assert.equal(fixed.slice(at, at + kept.length), kept, `${brief(m)}: text before [${e.start}, ${e.end}) changed`);
          at += kept.length;
          assert.equal(fixed.slice(at, at + e.text.length), e.text, `${brief(m)}: replacement of [${e.start}, ${e.end}) not in place`);
          at += e.text.length;
          original = e.end;
        }
        assert.equal(fixed.slice(at), c.text.slice(original), `${brief(m)}: text after its last edit changed`);
      }
    },
  },
  {
    name: 'fix-all-is-idempotent',
    runs: 80,
    check(c) {
      const lint = (text: string) => lintCase(c, text).messages;
      const once = fixText(c.text, lint);
      // Fix-all stops when nothing fixable is left, so applying it again changes nothing.
      const left = fixable(once.messages);
      assert.deepEqual(left.map(brief), [], `fix-all left findings with fixes: ${left.map((m) => `${m.ruleId}/${m.messageId}`).join(', ')}`);
      const twice = fixText(once.output, lint);
      assert.equal(twice.output, once.output, 'fix-all applied twice differs from once');
    },
  },
  {
    name: 'renumber-leaves-nothing-to-renumber',
    runs: 100,
    check(c) {
      const ruleIds = numberingRuleIds();
      const result = fixCommand({ kind: 'fix', text: c.text, format: c.format, locale: 'zh', config: CONFIGS[c.rules], ruleIds });
      const output = result.edit ? applyEdits(c.text, [result.edit]) : c.text;
      const numberingRules = RULES.filter((rule) => ruleIds.includes(rule.meta.id));
      const after = lintText(output, { format: c.format, config: CONFIGS[c.rules], rules: numberingRules });
      assert.deepEqual(after.failures, []);
      // The command applies the numbering rules' fixes until none is left. Every numbering finding
      // carries a fix except enumeration-sequence's "restart" (一是 二是 [一是 二是] 三是: a list
      // nested in an item but counted like its parent, which only the writer can resolve), so
      // that is the one finding that may remain.
      const left = after.messages.filter((m) => !(m.ruleId === 'enumeration-sequence' && m.messageId === 'restart' && !m.fix));
      assert.deepEqual(left.map(brief), [], `renumbering left numbering findings: ${left.map((m) => `${m.ruleId}/${m.messageId}`).join(', ')}`);
      assert.equal(result.edit !== undefined, result.applied > 0, 'fixes counted as applied but the text did not change, or the reverse');
    },
  },
  {
    name: 'line-endings-do-not-matter',
    runs: 80,
    check(c) {
      const lf = c.text.replace(/\r\n?/g, '\n');
      const variants = [c.text, lf, lf.replace(/\n/g, '\r\n'), lf.replace(/\n/g, '\r')];
      const shown = variants.map((text) => {
        const { tree, messages } = lintCase(c, text);
        return { outline: shownOutline(buildOutline(tree)), findings: messages.map(shownFinding) };
      });
      for (let i = 1; i < variants.length; i++) {
        const name = ['as written', 'LF', 'CRLF', 'CR'][i];
        assert.deepEqual(shown[i]!.outline, shown[0]!.outline, `outline with ${name} line endings`);
        assert.deepEqual(shown[i]!.findings, shown[0]!.findings, `findings with ${name} line endings`);
      }
    },
  },
  {
    name: 'parse-is-pure',
    runs: 120,
    check(c) {
      const tree = parse(c.text, c.format);
      const snapshot = treeSnapshot(tree);
      assert.equal(treeSnapshot(parse(c.text, c.format)), snapshot, 'parsing the same text twice gives different trees');
      const result = lintTree(tree, { format: c.format, config: CONFIGS[c.rules] });
      assert.deepEqual(result.failures, []);
      assert.equal(treeSnapshot(tree), snapshot, 'a rule changed the tree');
    },
  },
  {
    name: 'cli-agrees-with-api',
    runs: 60,
    check(c) {
      // The CLI reads bytes: compare it with the API on the text those bytes decode to (lone
      // surrogates do not survive UTF-8, and a leading BOM is taken as the encoding's mark).
      const bytes = encodeReport(c.text, 'utf-8', false);
      const text = decodeReport(bytes).text;
      const dir = fs.mkdtempSync(path.join(scratchDir(), 'case-'));
      try {
        const file = path.join(dir, c.format === 'markdown' ? 'report.md' : 'report.txt');
        fs.writeFileSync(file, bytes);
        fs.writeFileSync(path.join(dir, '.reportlintrc.json'), JSON.stringify({ rules: SETTINGS[c.rules] }));
        let stdout = '';
        let stderr = '';
        const status = cliMain(['--format', 'json', '--locale', 'en', path.basename(file)], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: dir, env: {} });
        assert.equal(typeof status, 'number');
        assert.equal(stderr, '', 'the CLI wrote to stderr');
        const cli = JSON.parse(stdout) as Array<{ messages: Array<Record<string, unknown>> }>;
        // The CLI lists a large fix shared by several findings (renumbering a whole run) with the
        // first of them only, where the API gives it with each: such a repeat may be missing.
        const shared = new Set<object>();
        const api = apiLint(text, { format: c.format, locale: 'en', rules: SETTINGS[c.rules] }).map(({ offset: _offset, endOffset: _endOffset, ...rest }, i) => {
          if (!rest.fix) return rest;
          const repeated = shared.has(rest.fix);
          shared.add(rest.fix);
          if (!repeated || cli[0]!.messages[i]?.fix !== undefined) return rest;
          const { fix: _repeated, ...withoutFix } = rest;
          return withoutFix;
        });
        assert.deepEqual(cli[0]!.messages, JSON.parse(JSON.stringify(api)));
        assert.equal(status, api.some((m) => m.severity === 'error') ? 1 : 0, 'exit status');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];

export function propertyByName(name: string): Property | undefined {
  return PROPERTIES.find((p) => p.name === name);
}
