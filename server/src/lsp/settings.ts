/**
 * The `reportLint` settings section, read per document with workspace/configuration. Settings
 * come from a JSON file the user edits by hand, so every value is checked: a wrong type falls back
 * to its default and is named in a problem (the server logs it) rather than breaking the check.
 */
import { parseConfig, type Config, type RuleSetting } from '../engine/config';
import { localeFrom } from '../engine/messages';
import type { Locale } from '../engine/rule';

export type LocaleSetting = 'auto' | 'zh' | 'en';

export interface Settings {
  enable: boolean;
  autoDetect: boolean;
  locale: LocaleSetting;
  rules: Record<string, RuleSetting>;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({ enable: true, autoDetect: true, locale: 'auto', rules: {} });

export interface ParsedSettings {
  settings: Settings;
  /** One English line per ignored value, for window/logMessage. */
  problems: string[];
}

export function parseSettings(raw: unknown, knownRules: ReadonlySet<string>): ParsedSettings {
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push(`reportLint: expected an object, got ${JSON.stringify(raw)}; using defaults`);
    return { settings, problems };
  }
  const value = raw as Record<string, unknown>;
  for (const key of ['enable', 'autoDetect'] as const) {
    if (value[key] === undefined || value[key] === null) continue;
    if (typeof value[key] === 'boolean') settings[key] = value[key];
    else problems.push(`reportLint.${key}: expected true or false, got ${JSON.stringify(value[key])}; using ${settings[key]}`);
  }
  if (value.locale !== undefined && value.locale !== null) {
    if (value.locale === 'auto' || value.locale === 'zh' || value.locale === 'en') settings.locale = value.locale;
    else problems.push(`reportLint.locale: expected "auto", "zh" or "en", got ${JSON.stringify(value.locale)}; using "auto"`);
  }
  if (value.rules !== undefined && value.rules !== null) {
    if (typeof value.rules !== 'object' || Array.isArray(value.rules)) {
      problems.push(`reportLint.rules: expected an object {"rule-id": "warning"}, got ${JSON.stringify(value.rules)}; ignored`);
    } else {
      // The same validation as .reportlintrc.json's "rules", so both accept exactly the same values.
      const parsed = parseConfig(JSON.stringify({ rules: value.rules }), knownRules);
      settings.rules = parsed.config.rules;
      for (const problem of parsed.problems) problems.push(`reportLint.${problem.key}: ${problem.message.en}; ignored`);
    }
  }
  return { settings, problems };
}

/**
 * The configuration a document is checked with: the settings' rules, then the nearest
 * .reportlintrc.json, which wins for its folder (a project's file is shared by everyone who
 * edits the reports; settings are one person's).
 */
export function effectiveConfig(settings: Settings, file: Config | undefined): Config {
  if (!file) return { rules: settings.rules };
  return { ...file, rules: { ...settings.rules, ...file.rules } };
}

/** Message language: the configuration file's "locale", else the setting, else (auto) the client's display language. */
export function resolveLocale(setting: LocaleSetting, clientLocale: string | undefined, file?: Config): Locale {
  if (file?.locale) return file.locale;
  if (setting !== 'auto') return setting;
  return localeFrom(clientLocale);
}
