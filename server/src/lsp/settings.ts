/**
 * The `reportLint` settings section, read per document with workspace/configuration. Settings
 * come from a JSON file the user edits by hand, so every value is checked: a wrong type falls back
 * to its default and is named in a problem (the server logs it and shows it once) rather than
 * breaking the check.
 */
import { DEFAULT_MAX_DOCUMENT_SIZE, isDocumentSize, parseConfig, severitiesOnly, type Config, type RuleSetting } from '../engine/config';
import { localeFrom } from '../engine/messages';
import type { Locale, Localized } from '../engine/rule';

export type LocaleSetting = 'auto' | 'zh' | 'en';

export interface Settings {
  enable: boolean;
  autoDetect: boolean;
  locale: LocaleSetting;
  rules: Record<string, RuleSetting>;
  /** Documents with more characters than this are checked for their structure only. */
  maxDocumentSize: number;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ enable: true, autoDetect: true, locale: 'auto', rules: {}, maxDocumentSize: DEFAULT_MAX_DOCUMENT_SIZE });

/** A settings value that was not used: the setting, and what is wrong with it and what is used instead. */
export interface SettingsProblem {
  /** e.g. reportLint.enable, reportLint.rules.numbering-sequence */
  key: string;
  message: Localized;
}

export interface ParsedSettings {
  settings: Settings;
  problems: SettingsProblem[];
}

/** One line for the log: "reportLint.enable: expected true or false, got "yes"; using true". */
export const problemLine = (problem: SettingsProblem): string => `${problem.key}: ${problem.message.en}`;

/** The sentence shown to the user, naming the setting. */
export function problemNotice(problem: SettingsProblem, locale: Locale): string {
  return locale === 'zh'
    ? `report-lint：设置「${problem.key}」的值无效：${problem.message.zh}。`
    : `report-lint: the setting “${problem.key}” is invalid: ${problem.message.en}.`;
}

const json = (value: unknown): string => JSON.stringify(value) ?? String(value);

export function parseSettings(raw: unknown, knownRules: ReadonlySet<string>): ParsedSettings {
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  const problems: SettingsProblem[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ key: 'reportLint', message: { zh: `应为对象，实际为 ${json(raw)}；使用默认设置`, en: `expected an object, got ${json(raw)}; using defaults` } });
    return { settings, problems };
  }
  const value = raw as Record<string, unknown>;
  for (const key of ['enable', 'autoDetect'] as const) {
    if (value[key] === undefined || value[key] === null) continue;
    if (typeof value[key] === 'boolean') settings[key] = value[key];
    else {
      const got = json(value[key]);
      problems.push({
        key: `reportLint.${key}`,
        message: { zh: `应为 true 或 false，实际为 ${got}；使用 ${settings[key]}`, en: `expected true or false, got ${got}; using ${settings[key]}` },
      });
    }
  }
  if (value.locale !== undefined && value.locale !== null) {
    if (value.locale === 'auto' || value.locale === 'zh' || value.locale === 'en') settings.locale = value.locale;
    else {
      const got = json(value.locale);
      problems.push({ key: 'reportLint.locale', message: { zh: `应为 "auto"、"zh" 或 "en"，实际为 ${got}；使用 "auto"`, en: `expected "auto", "zh" or "en", got ${got}; using "auto"` } });
    }
  }
  if (value.maxDocumentSize !== undefined && value.maxDocumentSize !== null) {
    if (isDocumentSize(value.maxDocumentSize)) settings.maxDocumentSize = value.maxDocumentSize;
    else {
      const got = json(value.maxDocumentSize);
      const fallback = DEFAULT_MAX_DOCUMENT_SIZE;
      problems.push({
        key: 'reportLint.maxDocumentSize',
        message: { zh: `应为正整数（字符数），实际为 ${got}；使用 ${fallback}`, en: `expected a positive whole number of characters, got ${got}; using ${fallback}` },
      });
    }
  }
  if (value.rules !== undefined && value.rules !== null) {
    if (typeof value.rules !== 'object' || Array.isArray(value.rules)) {
      const got = json(value.rules);
      problems.push({ key: 'reportLint.rules', message: { zh: `应为对象 {"规则": "warning"}，实际为 ${got}；已忽略`, en: `expected an object {"rule-id": "warning"}, got ${got}; ignored` } });
    } else {
      // The same validation as .reportlintrc.json's "rules", so both accept exactly the same values.
      const parsed = parseConfig(JSON.stringify({ rules: value.rules }), knownRules);
      settings.rules = parsed.config.rules;
      for (const problem of parsed.problems) {
        problems.push({ key: `reportLint.${problem.key}`, message: { zh: `${problem.message.zh}；已忽略`, en: `${problem.message.en}; ignored` } });
      }
    }
  }
  return { settings, problems };
}

/**
 * The configuration a document is checked with: the settings' rules, then the nearest
 * .reportlintrc.json, which wins for its folder (a project's file is shared by everyone who
 * edits the reports; settings are one person's). In a workspace the user has not trusted, the file
 * contributes its rule severities only (see severitiesOnly).
 */
export function effectiveConfig(settings: Settings, file: Config | undefined, trusted = true): Config {
  if (!file) return { rules: settings.rules };
  const applied = trusted ? file : severitiesOnly(file);
  return { ...applied, rules: { ...settings.rules, ...applied.rules } };
}

/** The size limit for a document: the trusted configuration file's, else the setting. */
export function resolveMaxDocumentSize(settings: Settings, file: Config | undefined, trusted = true): number {
  return (trusted ? file?.maxDocumentSize : undefined) ?? settings.maxDocumentSize;
}

/** Message language: the configuration file's "locale", else the setting, else (auto) the client's display language. */
export function resolveLocale(setting: LocaleSetting, clientLocale: string | undefined, file?: Config): Locale {
  if (file?.locale) return file.locale;
  if (setting !== 'auto') return setting;
  return localeFrom(clientLocale);
}
