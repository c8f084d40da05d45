/**
 * What a rule is. A rule is one file in server/src/rules/ exporting a `Rule`: metadata (id,
 * descriptions, default severity, fixable, messages keyed by id in Chinese and English) and a
 * `check` that reads the tree and reports through the context. Rules never mutate the tree and
 * never hold message text in their logic: they report a messageId and data.
 */
import type { Position } from 'unist';
import type { Root } from '../parser/types';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['off', 'hint', 'info', 'warning', 'error'];
export const SEVERITY_RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };

export type Locale = 'zh' | 'en';
export type Localized = Record<Locale, string>;

export interface MessageSpec extends Localized {
  /** A message may be quieter or louder than its rule's default (e.g. a carry-over that is only worth a hint). */
  severity?: Severity;
}

export interface RuleMeta {
  /** Kebab-case id; part of the JSON contract and the name of the rule's file and doc page. */
  id: string;
  description: Localized;
  defaultSeverity: SeveritySetting;
  fixable: boolean;
  /** Message templates; `{name}` is replaced by data.name. Values are quoted 「」 in zh, “” in en. */
  messages: Record<string, MessageSpec>;
}

/** A replacement of text[start, end) (offsets into the checked text) by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  /** Message id (in the rule's messages) describing the fix, for quick-fix titles. */
  messageId?: string;
  data?: Record<string, string | number>;
  edits: TextEdit[];
}

export interface RelatedSpec {
  position: Position;
  messageId: string;
  data?: Record<string, string | number>;
}

/** A computation behind a statistics finding, kept structured so an editor can show and fix it. */
export interface Computation {
  expression: string;
  value: number;
  stated?: string;
  [key: string]: unknown;
}

export interface ReportSpec {
  messageId: string;
  data?: Record<string, string | number>;
  /** Where: a node's position, or an explicit one. */
  position: Position;
  fix?: Fix;
  related?: RelatedSpec[];
  computation?: Computation;
  severity?: Severity;
}

export interface RuleContext {
  readonly text: string;
  /** Options from configuration (`["warning", {…}]`), {} when none. */
  readonly options: Readonly<Record<string, unknown>>;
  report(spec: ReportSpec): void;
}

/** A problem in the options a configuration gives a rule; `key` is the path inside the options, e.g. "words[2].right". */
export interface OptionProblem {
  key: string;
  message: Localized;
}

export interface Rule {
  meta: RuleMeta;
  check(tree: Root, context: RuleContext): void;
  /**
   * For rules that take options: the problems in them, reported with the configuration's other
   * problems (the file, the line and the key). The rule still receives the options as written and
   * must ignore what it cannot use.
   */
  validateOptions?(options: Readonly<Record<string, unknown>>): OptionProblem[];
}

export interface RelatedLocation {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

export interface MessageFix {
  description?: string;
  edits: Array<TextEdit & { line: number; column: number; endLine: number; endColumn: number }>;
}

/** A finding, as every front end receives it. Lines and columns are 1-based, columns in UTF-16 units. */
export interface LintMessage {
  ruleId: string;
  messageId: string;
  severity: Severity;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** 0-based offsets of the range, for editors. */
  offset: number;
  endOffset: number;
  fix?: MessageFix;
  related?: RelatedLocation[];
  computation?: Computation;
}
