/**
 * The Node API (built to out/api.cjs) for programs and benchmarks:
 *
 *   const { lint, outline } = require('report-lint/out/api.cjs');
 *   lint(text, { locale: 'en' })   // → the same message objects as the CLI's JSON output
 *   outline(text)                  // → the same outline as `report-lint --outline --format json`
 */
import type { Config } from './engine/config';
import { parseConfig } from './engine/config';
import { largeDocumentCheckFor } from './engine/large-document';
import { lintText, type LintOptions } from './engine/lint';
import { buildOutline, type OutlineItem } from './engine/outline';
import { fixText } from './engine/fix';
import type { LintMessage, Locale } from './engine/rule';
import { parse, parseReport } from './parser';
import { RULES, RULE_IDS } from './rules';

export interface ApiOptions {
  format?: 'text' | 'markdown';
  locale?: Locale;
  /** Rule severities as in .reportlintrc.json's "rules". */
  rules?: Record<string, unknown>;
  config?: Config;
  /**
   * As the CLI's --max-document-size: a longer text gets the cheaper structure check. Unset, every
   * text gets every rule (the CLI and the editor default to 1 000 000 characters).
   */
  maxDocumentSize?: number;
}

function toLintOptions(options: ApiOptions): LintOptions {
  let config = options.config;
  if (!config && options.rules) {
    const parsed = parseConfig(JSON.stringify({ rules: options.rules }), RULE_IDS);
    if (parsed.problems.length) throw new Error(parsed.problems.map((p) => p.message.en).join('; '));
    config = parsed.config;
  }
  return { format: options.format, locale: options.locale, config };
}

function lintOptionsFor(text: string, options: ApiOptions): LintOptions {
  const lintOptions = toLintOptions(options);
  const large = largeDocumentCheckFor(text, options.maxDocumentSize);
  return large ? { ...lintOptions, rules: large.rules } : lintOptions;
}

export function lint(text: string, options: ApiOptions = {}): LintMessage[] {
  return lintText(text, lintOptionsFor(text, options)).messages;
}

export function outline(text: string, options: Pick<ApiOptions, 'format'> = {}): OutlineItem[] {
  return buildOutline(parse(text, options.format ?? 'text'));
}

export function fix(text: string, options: ApiOptions = {}): { output: string; messages: LintMessage[] } {
  const { output, messages } = fixText(text, (t) => lintText(t, lintOptionsFor(t, options)).messages);
  return { output, messages };
}

export const rules = RULES.map((rule) => rule.meta);
export { parseReport };
