/**
 * Configuration: `.reportlintrc.json`, found upward from each checked file.
 *
 *   { "locale": "en", "rules": { "numbering-sequence": "error", "report-title": "off",
 *                                "some-rule": ["warning", { "option": 1 }] } }
 *
 * Configuration is data only: nothing in it is executed or used to load code. Every problem is
 * reported with the file, the line and the key, and everything valid still applies.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENGINE_MESSAGES, formatMessage } from './messages';
import { SEVERITY_SETTINGS, type Locale, type Localized, type SeveritySetting } from './rule';

export const CONFIG_FILE_NAME = '.reportlintrc.json';

export interface RuleSetting {
  severity: SeveritySetting;
  options: Record<string, unknown>;
}

export interface Config {
  locale?: Locale;
  rules: Record<string, RuleSetting>;
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

function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
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
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === '$schema') continue;
    if (key === 'locale') {
      if (value === 'zh' || value === 'en') config.locale = value;
      else problems.push({ key, ...locateKey(text, key), message: localized(ENGINE_MESSAGES.badType, { key, expected: '"zh" / "en"' }) });
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
      }
      continue;
    }
    problems.push({ key, ...locateKey(text, key), message: localized(ENGINE_MESSAGES.unknownKey, { key }) });
  }
  return { config, problems };
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
  return { ...parseConfig(text, knownRules), file };
}
