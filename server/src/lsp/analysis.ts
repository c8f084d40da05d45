/**
 * One analysis of one document version: parse, lint, map to diagnostics. The same functions run
 * on the main thread for ordinary reports and in a worker thread for huge documents (runner.ts),
 * so jobs and results are plain data that can cross threads.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { Config } from '../engine/config';
import { applyEdits, compatibleEdits } from '../engine/fix';
import { lintTree, type LintOptions, type RuleFailure } from '../engine/lint';
import type { LintMessage, Locale, Rule } from '../engine/rule';
import { largeDocumentCheckFor, MAX_FINDINGS_PER_RULE } from '../engine/large-document';
import { parse } from '../parser';
import type { Root } from '../parser/types';
import { RULES } from '../rules';
import type { DocumentFormat } from './detect';
import { SOURCE, limitFindings, summarize, toDiagnostic, type FindingSummary } from './diagnostics';
import { t } from './i18n';
import { documentFacts, type DocumentFacts } from './facts';
import { minimalEdit, type OffsetEdit } from './text';

/** How a document is checked: everything lint needs besides the text. */
export interface CheckOptions {
  format: DocumentFormat;
  locale: Locale;
  config: Config;
  /** File system path, for the configuration's per-file entries. */
  file?: string;
  /** Above this size only the structure rules run (LARGE_DOCUMENT_RULES); absent: no limit. */
  sizeLimit?: SizeLimit;
}

export interface SizeLimit {
  /** Characters. */
  max: number;
  /** The .reportlintrc.json that sets the limit; absent when it comes from the reportLint.maxDocumentSize setting. */
  file?: string;
}

/** The limit a text exceeds, or undefined when it is checked in full. */
export function exceededLimit(text: string, options: Pick<CheckOptions, 'sizeLimit'>): SizeLimit | undefined {
  return options.sizeLimit && text.length > options.sizeLimit.max ? options.sizeLimit : undefined;
}

/** The rules for a text: all of them (undefined), or the capped structure rules when it is above the size limit. */
function rulesFor(text: string, options: Pick<CheckOptions, 'sizeLimit'>): readonly Rule[] | undefined {
  return largeDocumentCheckFor(text, options.sizeLimit?.max)?.rules;
}

export interface AnalyzeJob extends CheckOptions {
  kind: 'analyze';
  uri: string;
  version: number;
  /** Configuration generation the job was prepared with; a newer one makes the result stale. */
  generation: number;
  text: string;
  /** reportLint.enable: when false the outline and hovers still work, but nothing is reported. */
  lint: boolean;
  /** Folder of the rule doc pages, for codeDescription links. */
  docsDir: string;
  /** Compute the facts now: set for worker jobs, whose tree cannot come back to the main thread. */
  eagerFacts: boolean;
  /** At most this many diagnostics are sent (see limitFindings). */
  maxDiagnostics: number;
}

export interface AnalyzeResult {
  uri: string;
  version: number;
  generation: number;
  options: CheckOptions;
  diagnostics: Diagnostic[];
  /** Every finding counted, including those beyond maxDiagnostics. */
  summary: FindingSummary;
  failures: RuleFailure[];
  /** Whether the rules ran (reportLint.enable); the outline is there either way. */
  linted: boolean;
  /** Whether any diagnostic carries a fix (offers "fix all" without computing it). */
  fixable: boolean;
  durationMs: number;
  /** The document is above its size limit: only the structure rules ran, and the facts have no statistics. */
  largeDocument: boolean;
  facts?: DocumentFacts;
}

/**
 * Parses and lints a document version. `rules` replaces the rules the job's size calls for; only
 * code passes it (tests of how a failing rule is handled), never a setting or the document.
 */
export function analyze(job: AnalyzeJob, rules?: readonly Rule[]): { result: AnalyzeResult; tree: Root } {
  const started = performance.now();
  const tree = parse(job.text, job.format);
  const exceeded = exceededLimit(job.text, job);
  const large = largeDocumentCheckFor(job.text, exceeded?.max);
  const lint = job.lint ? lintTree(tree, lintOptions(job, rules ?? large?.rules)) : { messages: [], failures: [] };
  const shown = limitFindings(lint.messages, job.maxDiagnostics);
  const diagnostics = shown.map((m) => toDiagnostic(m, job.uri, job.version, job.docsDir));
  if (shown.length < lint.messages.length) diagnostics.unshift(notice(t('truncated', job.locale, { total: lint.messages.length, shown: shown.length })));
  if (exceeded && job.lint) diagnostics.unshift(notice(largeDocumentNotice(job.text.length, exceeded, job.locale, large!.capped)));
  const result: AnalyzeResult = {
    uri: job.uri,
    version: job.version,
    generation: job.generation,
    options: {
      format: job.format, locale: job.locale, config: job.config, ...(job.file !== undefined ? { file: job.file } : {}), ...(job.sizeLimit ? { sizeLimit: job.sizeLimit } : {}),
    },
    diagnostics,
    summary: summarize(lint.messages),
    failures: lint.failures,
    linted: job.lint,
    fixable: lint.messages.some((m) => m.fix),
    durationMs: 0,
    largeDocument: exceeded !== undefined,
  };
  if (job.eagerFacts) result.facts = documentFacts(tree, { statistics: !exceeded });
  result.durationMs = performance.now() - started;
  return { result, tree };
}

/** An information diagnostic at the start of the document, about the check itself rather than the text. */
function notice(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, source: SOURCE, message };
}

/** Why a document got the cheaper check: its size, the limit, what was skipped, and where the limit is set. */
export function largeDocumentNotice(size: number, limit: SizeLimit, locale: Locale, capped: readonly string[] = []): string {
  const count = (n: number) => new Intl.NumberFormat('en-US').format(n);
  const where = limit.file ? t('limitInFile', locale, { file: limit.file }) : t('limitInSetting', locale);
  const cappedText = capped.length ? t('cappedRules', locale, { rules: capped.join(locale === 'zh' ? '、' : ', '), max: count(MAX_FINDINGS_PER_RULE) }) : '';
  return t('largeDocument', locale, { size: count(size), limit: count(limit.max), where, capped: cappedText });
}

function lintOptions(options: CheckOptions, rules?: readonly Rule[]): LintOptions {
  return { format: options.format, locale: options.locale, config: options.config, ...(options.file !== undefined ? { file: options.file } : {}), ...(rules ? { rules } : {}) };
}

/** Apply fixes over several passes: all of them (fix all), or those of some rules, optionally inside [start, end). */
export interface FixJob extends CheckOptions {
  kind: 'fix';
  text: string;
  /** Only these rules, run whatever their configured severity (an explicit command such as renumber). */
  ruleIds?: string[];
  range?: { start: number; end: number };
}

export interface FixResult {
  /** One replacement turning the text into the fixed text; undefined when nothing changed. */
  edit?: OffsetEdit;
  /** Fixes applied over all passes. */
  applied: number;
}

const MAX_PASSES = 10;

export function fix(job: FixJob): FixResult {
  let rules: readonly Rule[] | undefined = rulesFor(job.text, job);
  let config = job.config;
  if (job.ruleIds) {
    // An explicit command (renumber) runs the rules it names whatever the document's size, and even
    // where settings or per-file overrides turned them off.
    rules = RULES.filter((rule) => job.ruleIds!.includes(rule.meta.id));
    const forced = { ...config.rules };
    for (const rule of rules) {
      const setting = forced[rule.meta.id];
      forced[rule.meta.id] = { severity: setting && setting.severity !== 'off' ? setting.severity : 'warning', options: setting?.options ?? {} };
    }
    config = { ...config, rules: forced, overrides: [] };
  }
  const options = lintOptions({ ...job, config }, rules);
  let text = job.text;
  let range = job.range && { ...job.range };
  let applied = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const messages = lintTree(parse(text, job.format), options).messages;
    const candidates = range ? insideRange(messages, range) : messages;
    const { edits, applied: count } = compatibleEdits(candidates);
    if (!count) break;
    if (range) {
      // Keep the selection over the same text as it grows or shrinks (九、 → 十一、).
      const end = range.end;
      for (const e of edits) if (e.end <= end) range.end += e.text.length - (e.end - e.start);
    }
    text = applyEdits(text, edits);
    applied += count;
  }
  const edit = minimalEdit(job.text, text);
  return { ...(edit ? { edit } : {}), applied };
}

/** Messages whose fixes are cut down to the edits inside the range (a selection renumbers only what it covers). */
function insideRange(messages: LintMessage[], range: { start: number; end: number }): LintMessage[] {
  const out: LintMessage[] = [];
  for (const m of messages) {
    if (!m.fix) continue;
    const edits = m.fix.edits.filter((e) => e.start >= range.start && e.end <= range.end);
    if (edits.length) out.push({ ...m, fix: { ...m.fix, edits } });
  }
  return out;
}

/** The fix of one finding, found again by rule, message and place (for fixes too large to embed in diagnostics). */
export interface MessageFixJob extends CheckOptions {
  kind: 'messageFix';
  text: string;
  ruleId: string;
  messageId: string;
  start: number;
  end: number;
}

export function messageFix(job: MessageFixJob): OffsetEdit[] | undefined {
  const rules = RULES.filter((rule) => rule.meta.id === job.ruleId);
  const messages = lintTree(parse(job.text, job.format), lintOptions(job, rules)).messages;
  const found = messages.find((m) => m.messageId === job.messageId && m.offset === job.start && m.endOffset === job.end && m.fix);
  return found?.fix!.edits.map(({ start, end, text }) => ({ start, end, text }));
}

export type Job = AnalyzeJob | FixJob | MessageFixJob;

/** Runs any job: the single entry point of worker threads. */
export function execute(job: Job): AnalyzeResult | FixResult | OffsetEdit[] | undefined {
  switch (job.kind) {
    case 'analyze':
      return analyze(job).result;
    case 'fix':
      return fix(job);
    case 'messageFix':
      return messageFix(job);
  }
}
