/**
 * Configuration: `.reportlintrc.json`, found upward from each checked file.
 *
 *   { "locale": "en", "rules": { "numbering-sequence": "error", "report-title": "off",
 *                                "some-rule": ["warning", { "option": 1 }] },
 *     "overrides": [{ "files": ["drafts/2023.txt", "archive/**"], "rules": { "numbering-style": "off" } }],
 *     "ignore": [{ "rule": "numbering-sequence", "file": "drafts/2023.txt", "text": "（三）深化政务公开" }] }
 *
 * `overrides` change rule settings for some files (paths relative to the configuration file's
 * folder; `*`, `**` and `?` as in .gitignore). `ignore` silences single findings that a reviewer
 * has accepted: a finding of `rule` is dropped when `text` occurs in the report and covers it, so
 * the entry survives edits elsewhere in the report (line numbers would not).
 *
 * `maxDocumentSize` (characters) is the size above which a document gets the cheaper check of
 * its structure only (rules/index.ts, LARGE_DOCUMENT_RULES).
 *
 * Configuration is data only: nothing in it is executed or used to load code, and there is no key
 * that names another file to read. Every problem is reported with the file, the line and the
 * key, and everything valid still applies.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pointAt } from '../parser/positions';
import { ENGINE_MESSAGES, formatMessage } from './messages';
import { SEVERITY_SETTINGS, type Locale, type Localized, type SeveritySetting } from './rule';
import { ruleById } from '../rules';

export const CONFIG_FILE_NAME = '.reportlintrc.json';

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

/** One accepted finding: `rule`'s findings covered by an occurrence of `text` (in `file`, or in any file). */
export interface IgnoreEntry {
  rule: string;
  text: string;
  file?: string;
}

export interface ConfigOverride {
  /** Glob patterns relative to the configuration file's folder. */
  files: string[];
  rules: Record<string, RuleSetting>;
}

export interface Config {
  locale?: Locale;
  rules: Record<string, RuleSetting>;
  /** Documents with more characters than this are checked for their structure only. */
  maxDocumentSize?: number;
  overrides?: ConfigOverride[];
  ignore?: IgnoreEntry[];
  /** Folder of the configuration file: `overrides` and `ignore` paths are relative to it. */
  baseDir?: string;
}

export interface ConfigProblem {
  /** Key path, e.g. rules.numbering-sequence. */
  key: string;
  line: number;
  column: number;
  message: Localized;
}

export interface LoadedConfig {
  config: Config;
  problems: ConfigProblem[];
  file?: string;
}

export const emptyConfig = (): Config => ({ rules: {} });

/**
 * Above this many characters a document is checked for its structure and numbering only. A real
 * annual report has 10 000 to 60 000 characters; a million is a pasted archive, where the full
 * check would take seconds and report thousands of findings nobody reads.
 */
export const DEFAULT_MAX_DOCUMENT_SIZE = 1_000_000;

/** Whether a value can be a size limit: a whole number of characters, at least 1. */
export const isDocumentSize = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;

const DOCUMENT_SIZE_EXPECTED: Localized = { zh: '正整数（字符数），例如 2000000', en: 'a positive whole number of characters, e.g. 2000000' };

/**
 * What a configuration file of an untrusted workspace may change: the severities in "rules" and
 * nothing else. Options, overrides, ignore entries, the locale and the size limit are dropped, so
 * that a folder opened from elsewhere can neither hide findings by text nor make the checker slow.
 */
export function severitiesOnly(config: Config): Config {
  const rules: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(config.rules)) rules[id] = { severity: setting.severity, options: {} };
  return { rules, ...(config.baseDir !== undefined ? { baseDir: config.baseDir } : {}) };
}

/** The keys severitiesOnly drops that a configuration sets, for telling the user what was left out. */
export function droppedWhenUntrusted(config: Config): string[] {
  const dropped: string[] = [];
  if (Object.values(config.rules).some((setting) => Object.keys(setting.options).length)) dropped.push('rules (options)');
  for (const key of ['overrides', 'ignore', 'locale', 'maxDocumentSize'] as const) {
    const value = config[key];
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) dropped.push(key);
  }
  return dropped;
}

function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  const { line, column } = pointAt(text, offset);
  return { line, column };
}

/** Where a key is written in the source, so a message can point at it. */
function locateKey(text: string, key: string, after = 0): { line: number; column: number } {
  const at = text.indexOf(JSON.stringify(key), after);
  return lineColumnAt(text, at >= 0 ? at : 0);
}

function localized(template: Localized, data: Record<string, string>): Localized {
  return { zh: formatMessage(template.zh, data), en: formatMessage(template.en, data) };
}

/**
 * Parses and validates configuration text. `knownRules` lists the rule ids that exist.
 * Invalid entries are dropped with a problem each; the rest applies.
 */
export function parseConfig(text: string, knownRules: ReadonlySet<string>): { config: Config; problems: ConfigProblem[] } {
  const config = emptyConfig();
  const problems: ConfigProblem[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = (error as Error).message;
    const at = /position (\d+)/.exec(reason);
    const where = at ? lineColumnAt(text, Number(at[1])) : { line: 1, column: 1 };
    problems.push({ key: '', ...where, message: localized(ENGINE_MESSAGES.invalidJson, { reason }) });
    return { config, problems };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    problems.push({ key: '', line: 1, column: 1, message: localized(ENGINE_MESSAGES.notObject, {}) });
    return { config, problems };
  }
  let offsets: Map<string, number> | undefined;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === '$schema') continue;
    if (key === 'locale') {
      if (value === 'zh' || value === 'en') config.locale = value;
      else problems.push({ key, ...locateKey(text, key), message: localized(ENGINE_MESSAGES.badType, { key, expected: '"zh" / "en"' }) });
      continue;
    }
    if (key === 'maxDocumentSize') {
      if (isDocumentSize(value)) config.maxDocumentSize = value;
      else {
        const { zh, en } = ENGINE_MESSAGES.badType;
        const message = { zh: formatMessage(zh, { key, expected: DOCUMENT_SIZE_EXPECTED.zh }), en: formatMessage(en, { key, expected: DOCUMENT_SIZE_EXPECTED.en }) };
        problems.push({ key, ...locateKey(text, key), message });
      }
      continue;
    }
    if (key === 'rules') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        problems.push({ key, ...locateKey(text, key), message: localized(ENGINE_MESSAGES.badType, { key, expected: 'object {"rule-id": "warning"}' }) });
        continue;
      }
      const rulesAt = text.indexOf('"rules"');
      for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
        const where = locateKey(text, id, rulesAt);
        const keyPath = `rules.${id}`;
        if (!knownRules.has(id)) {
          problems.push({ key: keyPath, ...where, message: localized(ENGINE_MESSAGES.unknownRule, { key: id }) });
          continue;
        }
        const parsed = parseRuleSetting(setting);
        if (typeof parsed === 'string') {
          problems.push({ key: keyPath, ...where, message: localized(ENGINE_MESSAGES.badSeverity, { key: keyPath, value: parsed }) });
          continue;
        }
        config.rules[id] = parsed;
        for (const problem of optionProblems(id, setting, parsed, keyPath)) {
          offsets ??= jsonOffsets(text);
          const at = offsets.get(problem.key);
          problems.push({ key: problem.key, ...(at === undefined ? where : lineColumnAt(text, at)), message: problem.message });
        }
      }
      continue;
    }
    if (key === 'overrides' || key === 'ignore') {
      offsets ??= jsonOffsets(text);
      const where = offsets;
      const report = (keyPath: string, message: Localized) => problems.push({ key: keyPath, ...lineColumnAt(text, where.get(keyPath) ?? 0), message });
      if (key === 'overrides') config.overrides = parseOverrides(value, knownRules, report);
      else config.ignore = parseIgnore(value, knownRules, report);
      continue;
    }
    problems.push({ key, ...locateKey(text, key), message: localized(ENGINE_MESSAGES.unknownKey, { key }) });
  }
  return { config, problems };
}

const ENTRY_MESSAGES = {
  notArray: { zh: '「{key}」应为数组：{expected}', en: '“{key}” must be an array: {expected}' },
  notObject: { zh: '「{key}」应为对象：{expected}', en: '“{key}” must be an object: {expected}' },
  notString: { zh: '「{key}」应为非空字符串', en: '“{key}” must be a non-empty string' },
  missing: { zh: '「{key}」缺少必填项「{name}」', en: '“{key}” lacks the required “{name}”' },
} satisfies Record<string, Localized>;

type Report = (keyPath: string, message: Localized) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** "overrides": [{ "files": "a.txt" | ["a.txt", "drafts/**"], "rules": { … } }]; invalid entries are dropped. */
function parseOverrides(value: unknown, knownRules: ReadonlySet<string>, report: Report): ConfigOverride[] {
  const overrides: ConfigOverride[] = [];
  if (!Array.isArray(value)) {
    report('overrides', localized(ENTRY_MESSAGES.notArray, { key: 'overrides', expected: '[{"files": ["…"], "rules": {…}}]' }));
    return overrides;
  }
  value.forEach((entry, i) => {
    const at = `overrides[${i}]`;
    if (!isObject(entry)) {
      report(at, localized(ENTRY_MESSAGES.notObject, { key: at, expected: '{"files": ["…"], "rules": {…}}' }));
      return;
    }
    let ok = true;
    for (const key of Object.keys(entry)) {
      if (key !== 'files' && key !== 'rules') {
        report(`${at}.${key}`, localized(ENGINE_MESSAGES.unknownKey, { key: `${at}.${key}` }));
      }
    }
    const files = typeof entry.files === 'string' ? [entry.files] : entry.files;
    if (files === undefined) {
      report(at, localized(ENTRY_MESSAGES.missing, { key: at, name: 'files' }));
      ok = false;
    } else if (!Array.isArray(files) || !files.length || !files.every(isText)) {
      report(`${at}.files`, localized(ENTRY_MESSAGES.notArray, { key: `${at}.files`, expected: '["path/to/report.txt", "drafts/**"]' }));
      ok = false;
    }
    const rules: Record<string, RuleSetting> = {};
    if (!isObject(entry.rules)) {
      report(entry.rules === undefined ? at : `${at}.rules`, localized(ENTRY_MESSAGES.notObject, { key: `${at}.rules`, expected: '{"rule-id": "off"}' }));
      ok = false;
    } else {
      for (const [id, setting] of Object.entries(entry.rules)) {
        const keyPath = `${at}.rules.${id}`;
        if (!knownRules.has(id)) {
          report(keyPath, localized(ENGINE_MESSAGES.unknownRule, { key: id }));
          continue;
        }
        const parsed = parseRuleSetting(setting);
        if (typeof parsed === 'string') report(keyPath, localized(ENGINE_MESSAGES.badSeverity, { key: keyPath, value: parsed }));
        else {
          rules[id] = parsed;
          for (const problem of optionProblems(id, setting, parsed, keyPath)) report(problem.key, problem.message);
        }
      }
    }
    if (ok) overrides.push({ files: files as string[], rules });
  });
  return overrides;
}

/** "ignore": [{ "rule": "rule-id", "text": "…", "file"?: "path/to/report.txt" }]; invalid entries are dropped. */
function parseIgnore(value: unknown, knownRules: ReadonlySet<string>, report: Report): IgnoreEntry[] {
  const entries: IgnoreEntry[] = [];
  if (!Array.isArray(value)) {
    report('ignore', localized(ENTRY_MESSAGES.notArray, { key: 'ignore', expected: '[{"rule": "…", "text": "…", "file": "…"}]' }));
    return entries;
  }
  value.forEach((entry, i) => {
    const at = `ignore[${i}]`;
    if (!isObject(entry)) {
      report(at, localized(ENTRY_MESSAGES.notObject, { key: at, expected: '{"rule": "…", "text": "…", "file": "…"}' }));
      return;
    }
    let ok = true;
    for (const key of Object.keys(entry)) {
      if (key !== 'rule' && key !== 'text' && key !== 'file') report(`${at}.${key}`, localized(ENGINE_MESSAGES.unknownKey, { key: `${at}.${key}` }));
    }
    for (const name of ['rule', 'text'] as const) {
      if (entry[name] === undefined) {
        report(at, localized(ENTRY_MESSAGES.missing, { key: at, name }));
        ok = false;
      } else if (!isText(entry[name])) {
        report(`${at}.${name}`, localized(ENTRY_MESSAGES.notString, { key: `${at}.${name}` }));
        ok = false;
      }
    }
    if (isText(entry.rule) && !knownRules.has(entry.rule)) {
      report(`${at}.rule`, localized(ENGINE_MESSAGES.unknownRule, { key: entry.rule }));
      ok = false;
    }
    if (entry.file !== undefined && !isText(entry.file)) {
      report(`${at}.file`, localized(ENTRY_MESSAGES.notString, { key: `${at}.file` }));
      ok = false;
    }
    if (ok) entries.push({ rule: entry.rule as string, text: entry.text as string, ...(entry.file !== undefined ? { file: entry.file as string } : {}) });
  });
  return entries;
}

/** Offsets are kept this deep: problems name at most a few levels (rules.word-usage[1].words[0].right). */
const OFFSET_DEPTH = 16;

/**
 * Offsets of the values in valid JSON text by key path ("ignore[0].text", "overrides[1].rules.x"),
 * so that a problem deep inside an array points at its own line. JSON.parse gives no positions.
 * The containers being read are kept on a list rather than the call stack: a file nested a
 * hundred thousand levels deep is valid JSON, and must get its problems, not a stack overflow.
 */
function jsonOffsets(text: string): Map<string, number> {
  const offsets = new Map<string, number>();
  let i = 0;
  const space = () => {
    while (i < text.length && /[\s\uFEFF]/.test(text[i]!)) i++;
  };
  const string = (): string => {
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const open: Array<{ path: string; array: boolean; count: number }> = [];
  let path = '';
  for (;;) {
    space();
    if (open.length <= OFFSET_DEPTH) offsets.set(path, i);
    const c = text[i];
    if (c === '{' || c === '[') {
      i++;
      open.push({ path, array: c === '[', count: 0 });
    } else if (c === '"') string();
    else while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    // The next value: after a comma in the innermost open container, or further out once it closes.
    let next: string | undefined;
    while (next === undefined && open.length) {
      const container = open[open.length - 1]!;
      space();
      if (container.count > 0 && text[i] === ',') {
        i++;
        space();
      }
      if (i >= text.length || text[i] === (container.array ? ']' : '}')) {
        i++;
        open.pop();
        continue;
      }
      if (container.array) next = `${container.path}[${container.count}]`;
      else {
        const key = string();
        space();
        i++; // :
        next = container.path ? `${container.path}.${key}` : key;
      }
      container.count++;
    }
    if (next === undefined) return offsets;
    path = open.length <= OFFSET_DEPTH ? next : '';
  }
}

/** The checked file's path relative to the configuration's folder, with forward slashes. */
export function configRelativePath(config: Pick<Config, 'baseDir'>, file: string): string {
  const relative = config.baseDir && path.isAbsolute(file) ? path.relative(config.baseDir, file) : file;
  return relative.replace(/\\/g, '/').replace(/^\.\//, '');
}

/** Glob tokens besides literal characters (char codes): any folders, any text, any name, one character. */
const ANY_FOLDERS = -1;
const ANY_TEXT = -2;
const ANY_NAME = -3;
const ONE_CHARACTER = -4;
const SLASH = 0x2f;

const globCache = new Map<string, number[]>();

function globTokens(pattern: string): number[] {
  const normalized = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  // A pattern without a slash names a file in any folder, as in .gitignore.
  const tokens = normalized.includes('/') ? [] : [ANY_FOLDERS];
  for (let i = 0; i < normalized.length; i++) {
    const c = normalized[i]!;
    if (c === '*' && normalized[i + 1] === '*') {
      const slash = normalized[i + 2] === '/';
      tokens.push(slash ? ANY_FOLDERS : ANY_TEXT);
      i += slash ? 2 : 1;
    } else if (c === '*') tokens.push(ANY_NAME);
    else if (c === '?') tokens.push(ONE_CHARACTER);
    else tokens.push(normalized.charCodeAt(i));
  }
  return tokens;
}

/**
 * Whether a relative path matches a pattern of "overrides"/"ignore": `**` any folders, `*` and `?`
 * within a name. Matched by one pass per token over the path (time pattern × path), not by a
 * regular expression: a pattern that repeats `**` and `*` many times makes a backtracking matcher
 * take exponential time, and a configuration file must not be able to hang the checker.
 */
export function matchesFile(pattern: string, relativePath: string): boolean {
  let tokens = globCache.get(pattern);
  if (!tokens) globCache.set(pattern, (tokens = globTokens(pattern)));
  const n = relativePath.length;
  // reached[j]: the tokens so far can match relativePath[0, j).
  let reached = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  reached[0] = 1;
  for (const token of tokens) {
    next.fill(0);
    let any = false;
    // Whether the tokens so far matched some prefix shorter than j (any folders end in a slash).
    let earlier = false;
    for (let j = 0; j <= n; j++) {
      const previous = j > 0 ? relativePath.charCodeAt(j - 1) : -1;
      let ok: boolean;
      if (token === ANY_FOLDERS) ok = reached[j] === 1 || (earlier && previous === SLASH);
      else if (token === ANY_TEXT) ok = reached[j] === 1 || (j > 0 && next[j - 1] === 1);
      else if (token === ANY_NAME) ok = reached[j] === 1 || (j > 0 && next[j - 1] === 1 && previous !== SLASH);
      else if (token === ONE_CHARACTER) ok = j > 0 && reached[j - 1] === 1 && previous !== SLASH;
      else ok = j > 0 && reached[j - 1] === 1 && previous === token;
      if (reached[j]) earlier = true;
      if (ok) {
        next[j] = 1;
        any = true;
      }
    }
    if (!any) return false;
    [reached, next] = [next, reached];
  }
  return reached[n] === 1;
}

/**
 * Problems in a rule's options, as the rule itself judges them (Rule.validateOptions), with key
 * paths into the configuration: "rules.word-usage[1].words[0].right".
 */
function optionProblems(id: string, setting: unknown, parsed: RuleSetting, keyPath: string): Array<{ key: string; message: Localized }> {
  const problems = ruleById(id)?.validateOptions?.(parsed.options) ?? [];
  const base = Array.isArray(setting) ? `${keyPath}[1]` : keyPath;
  return problems.map((p) => ({ key: `${base}.${p.key}`, message: p.message }));
}

/** "warning" | ["warning", {…}] | {"severity": "warning", …}; returns the bad value as text when invalid. */
function parseRuleSetting(setting: unknown): RuleSetting | string {
  const isSeverity = (v: unknown): v is SeveritySetting => typeof v === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(v);
  if (isSeverity(setting)) return { severity: setting, options: {} };
  if (Array.isArray(setting) && isSeverity(setting[0])) {
    const options = setting[1];
    if (setting.length <= 2 && (options === undefined || (typeof options === 'object' && options !== null && !Array.isArray(options)))) {
      return { severity: setting[0], options: (options as Record<string, unknown>) ?? {} };
    }
  }
  if (typeof setting === 'object' && setting !== null && !Array.isArray(setting)) {
    const { severity, ...options } = setting as Record<string, unknown>;
    if (isSeverity(severity)) return { severity, options };
    return JSON.stringify(severity ?? null);
  }
  return JSON.stringify(setting);
}

/** Finds `.reportlintrc.json` in dir or the nearest ancestor. */
export function findConfigFile(dir: string): string | undefined {
  let current = path.resolve(dir);
  for (;;) {
    const candidate = path.join(current, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

export function loadConfigFile(file: string, knownRules: ReadonlySet<string>): LoadedConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return {
      config: emptyConfig(),
      problems: [{ key: '', line: 1, column: 1, message: { zh: `无法读取配置文件：${(error as Error).message}`, en: `Cannot read the configuration file: ${(error as Error).message}` } }],
      file,
    };
  }
  const parsed = parseConfig(text, knownRules);
  parsed.config.baseDir = path.dirname(file);
  return { ...parsed, file };
}
