/**
 * Findings → LSP diagnostics, one small pure function (as unified-language-server does). The
 * diagnostic carries everything a code action needs in `data`, so quick fixes need no server
 * state; `code` is the rule id and `codeDescription` links to the rule's page.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DiagnosticRelatedInformation, Range } from 'vscode-languageserver';
import type { ConfigProblem } from '../engine/config';
import { SEVERITY_RANK, type LintMessage, type Locale, type Severity } from '../engine/rule';
import type { DiagnosticData } from './protocol';

export const SOURCE = 'report-lint';

/** LSP DiagnosticSeverity values. */
const SEVERITY: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, info: 3, hint: 4 };

/** 1-based line/column spans (as in LintMessage) → a 0-based LSP range; columns are UTF-16 units in both. */
export function toRange(span: { line: number; column: number; endLine: number; endColumn: number }): Range {
  return {
    start: { line: span.line - 1, character: span.column - 1 },
    end: { line: span.endLine - 1, character: span.endColumn - 1 },
  };
}

const docHrefs = new Map<string, string>();

/** A rule's doc page docs/rules/<id>.md as a file: URI; `docsDir` is that folder. Every diagnostic of every keystroke asks, so answers are kept. */
export function ruleDocHref(ruleId: string, docsDir: string): string {
  const key = `${docsDir}\0${ruleId}`;
  let href = docHrefs.get(key);
  if (href === undefined) {
    href = pathToFileURL(path.join(docsDir, `${ruleId}.md`)).href;
    // Rule ids are a fixed set, and docsDir one folder; the bound only guards against misuse.
    if (docHrefs.size < 1024) docHrefs.set(key, href);
  }
  return href;
}

/** Fixes with more edits than this are not embedded in diagnostic.data (see DiagnosticData.largeFix). */
export const EMBEDDED_FIX_EDITS = 20;

export function toDiagnostic(message: LintMessage, uri: string, version: number, docsDir: string): Diagnostic {
  const data: DiagnosticData = { ruleId: message.ruleId, messageId: message.messageId, version };
  if (message.fix && message.fix.edits.length <= EMBEDDED_FIX_EDITS) data.fix = message.fix;
  else if (message.fix) data.largeFix = message.fix.description ?? message.message;
  if (message.computation) data.computation = message.computation;
  const diagnostic: Diagnostic = {
    range: toRange(message),
    severity: SEVERITY[message.severity],
    source: SOURCE,
    code: message.ruleId,
    codeDescription: { href: ruleDocHref(message.ruleId, docsDir) },
    message: message.message,
    data,
  };
  if (message.related?.length) {
    diagnostic.relatedInformation = message.related.map(
      (r): DiagnosticRelatedInformation => ({ location: { uri, range: toRange(r) }, message: r.message }),
    );
  }
  return diagnostic;
}

/** The data of one of our diagnostics, or undefined for anyone else's (or a malformed one). */
export function diagnosticData(diagnostic: Diagnostic): DiagnosticData | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  if (diagnostic.source !== SOURCE || typeof data !== 'object' || data === null) return undefined;
  if (typeof data.ruleId !== 'string' || typeof data.messageId !== 'string' || typeof data.version !== 'number') return undefined;
  return data as DiagnosticData;
}

/**
 * A problem of .reportlintrc.json → a diagnostic on that file, spanning the key or value the
 * problem is about (the token at its line and column).
 */
export function configProblemDiagnostic(problem: ConfigProblem, text: string, locale: Locale): Diagnostic {
  const line = problem.line - 1;
  const character = problem.column - 1;
  const lineText = text.split(/\r\n|\r|\n/)[line] ?? '';
  const token = /^"(?:[^"\\]|\\.)*"|^[^\s,:\]}]+/.exec(lineText.slice(character));
  return {
    range: { start: { line, character }, end: { line, character: character + Math.max(token?.[0].length ?? 1, 1) } },
    severity: 1,
    source: SOURCE,
    message: problem.key ? `${problem.message[locale]} (${problem.key})` : problem.message[locale],
  };
}

/** Findings per rule and per severity, counted before any limit on what is shown. */
export interface FindingSummary {
  counts: Array<{ ruleId: string; count: number }>;
  totals: { error: number; warning: number; information: number; hint: number };
}

const TOTAL_KEY: Record<Severity, keyof FindingSummary['totals']> = { error: 'error', warning: 'warning', info: 'information', hint: 'hint' };

export function summarize(messages: readonly LintMessage[]): FindingSummary {
  const counts = new Map<string, number>();
  const totals = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const m of messages) {
    counts.set(m.ruleId, (counts.get(m.ruleId) ?? 0) + 1);
    totals[TOTAL_KEY[m.severity]]++;
  }
  return {
    counts: [...counts].map(([ruleId, count]) => ({ ruleId, count })).sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId)),
    totals,
  };
}

/**
 * At most `max` findings, the most severe first, back in document order. A pasted 5 MB document
 * can hold ten thousand findings: nobody reads them in an editor, and sending them all would cost
 * megabytes per keystroke (as lsp-sample's maxNumberOfProblems setting also recognises).
 */
export function limitFindings(messages: readonly LintMessage[], max: number): LintMessage[] {
  if (messages.length <= max) return [...messages];
  return [...messages]
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.offset - b.offset)
    .slice(0, max)
    .sort((a, b) => a.offset - b.offset);
}
