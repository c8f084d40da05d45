/**
 * The engine: parse once, run every enabled rule over the read-only tree, turn reports into
 * messages in the chosen language. A rule that throws is reported once and the others still run.
 */
import type { Position } from 'unist';
import { parse } from '../parser';
import type { Root } from '../parser/types';
import { RULES } from '../rules';
import { configRelativePath, matchesFile, type Config, type IgnoreEntry, type RuleSetting } from './config';
import { ENGINE_MESSAGES, formatMessage } from './messages';
import type { LintMessage, Locale, ReportSpec, Rule, RuleContext, Severity, TextEdit } from './rule';
import { PositionMapper } from '../parser/positions';

export interface LintOptions {
  format?: 'text' | 'markdown';
  locale?: Locale;
  config?: Config;
  /** Rules to run instead of the registry (tests). */
  rules?: readonly Rule[];
  /**
   * Path of the checked file (absolute, or relative to the configuration's folder), so that the
   * configuration's per-file "overrides" and "ignore" entries apply. Without it only entries that
   * name no file apply.
   */
  file?: string;
}

export interface RuleFailure {
  ruleId: string;
  message: string;
}

export interface LintResult {
  tree: Root;
  messages: LintMessage[];
  failures: RuleFailure[];
}

export function lintText(text: string, options: LintOptions = {}): LintResult {
  const tree = parse(text, options.format ?? 'text');
  return lintTree(tree, options);
}

export function lintTree(tree: Root, options: LintOptions = {}): LintResult {
  const locale = options.locale ?? options.config?.locale ?? 'zh';
  const rules = options.rules ?? RULES;
  const messages: LintMessage[] = [];
  const failures: RuleFailure[] = [];
  const text = tree.data.text;
  const mapper = new PositionMapper(tree.data.lineStarts);
  const disabled = tree.data.disabledRules;
  const file = options.config && options.file !== undefined ? configRelativePath(options.config, options.file) : undefined;
  const settings = ruleSettings(options.config, file);
  // Messages of one run often share one fix (renumber the run): map its edits once.
  const mappedFixes = new WeakMap<object, LintMessage['fix']>();

  for (const rule of rules) {
    const id = rule.meta.id;
    const setting = settings[id];
    const configured = setting?.severity ?? rule.meta.defaultSeverity;
    if (configured === 'off' || disabled.has(id) || disabled.has('*')) continue;
    const context: RuleContext = {
      text,
      options: setting?.options ?? {},
      report: (spec) => {
        // A user's explicit severity applies to every message of the rule; otherwise messages may differ.
        const severity: Severity = setting ? (configured as Severity) : spec.severity ?? rule.meta.messages[spec.messageId]?.severity ?? (configured as Severity);
        messages.push(toMessage(rule, spec, severity, locale, mapper, mappedFixes));
      },
    };
    try {
      rule.check(tree, context);
    } catch (error) {
      failures.push({ ruleId: id, message: formatMessage(ENGINE_MESSAGES.ruleFailed[locale], { ruleId: id, reason: (error as Error)?.message ?? String(error) }) });
    }
  }
  messages.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId));
  const ignore = options.config?.ignore?.filter((entry) => entry.file === undefined || (file !== undefined && matchesFile(entry.file, file)));
  return { tree, messages: ignore?.length ? withoutIgnored(messages, ignore, text) : messages, failures };
}

/** The configuration's rule settings with the matching "overrides" applied in order (later wins). */
function ruleSettings(config: Config | undefined, file: string | undefined): Record<string, RuleSetting> {
  if (!config) return {};
  if (!config.overrides?.length || file === undefined) return config.rules;
  const settings = { ...config.rules };
  for (const override of config.overrides) {
    if (override.files.some((pattern) => matchesFile(pattern, file))) Object.assign(settings, override.rules);
  }
  return settings;
}

/** Drops findings covered by an occurrence of an ignore entry's text (text, not lines, survives edits elsewhere). */
function withoutIgnored(messages: LintMessage[], ignore: IgnoreEntry[], text: string): LintMessage[] {
  const occurrences = new Map<string, number[]>();
  const startsOf = (needle: string): number[] => {
    let starts = occurrences.get(needle);
    if (!starts) {
      starts = [];
      for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) starts.push(at);
      occurrences.set(needle, starts);
    }
    return starts;
  };
  return messages.filter(
    (m) => !ignore.some((entry) => entry.rule === m.ruleId && startsOf(entry.text).some((at) => at <= m.offset && m.endOffset <= at + entry.text.length)),
  );
}

function template(rule: Rule, messageId: string, locale: Locale): string {
  const spec = rule.meta.messages[messageId];
  if (!spec) throw new Error(`rule ${rule.meta.id} has no message ${messageId}`);
  return spec[locale];
}

function toMessage(
  rule: Rule,
  spec: ReportSpec,
  severity: Severity,
  locale: Locale,
  mapper: PositionMapper,
  mappedFixes: WeakMap<object, LintMessage['fix']>,
): LintMessage {
  const { start, end } = spec.position;
  const message: LintMessage = {
    ruleId: rule.meta.id,
    messageId: spec.messageId,
    severity,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    message: formatMessage(template(rule, spec.messageId, locale), spec.data),
    offset: start.offset ?? 0,
    endOffset: end.offset ?? 0,
  };
  if (spec.fix) {
    if (!rule.meta.fixable) throw new Error(`rule ${rule.meta.id} reports a fix but is not marked fixable`);
    let fix = mappedFixes.get(spec.fix);
    if (!fix) {
      fix = {
        ...(spec.fix.messageId ? { description: formatMessage(template(rule, spec.fix.messageId, locale), spec.fix.data) } : {}),
        edits: spec.fix.edits.map((edit: TextEdit) => withPosition(edit, mapper)),
      };
      mappedFixes.set(spec.fix, fix);
    }
    message.fix = fix;
  }
  if (spec.related?.length) {
    message.related = spec.related.map((r) => ({ ...span(r.position), message: formatMessage(template(rule, r.messageId, locale), r.data) }));
  }
  if (spec.computation) message.computation = spec.computation;
  return message;
}

function span(position: Position) {
  return { line: position.start.line, column: position.start.column, endLine: position.end.line, endColumn: position.end.column };
}

function withPosition(edit: TextEdit, mapper: PositionMapper) {
  const start = mapper.point(edit.start);
  const end = mapper.point(edit.end);
  return { ...edit, line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}
