import type { Locale, Localized } from './rule';

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` placeholders; an unknown name stays visible so a missing value is noticed in tests. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in data ? String(data[name]) : whole));
}

/** zh for any Chinese display language (zh-cn, zh-tw…), en otherwise. */
export function localeFrom(value: string | undefined): Locale {
  return value && value.toLowerCase().startsWith('zh') ? 'zh' : value ? 'en' : 'zh';
}

/** Messages of the engine itself (configuration problems, failing rules), in both languages. */
export const ENGINE_MESSAGES = {
  invalidJson: { zh: '配置文件不是有效的 JSON：{reason}', en: 'The configuration file is not valid JSON: {reason}' },
  notObject: { zh: '配置文件的顶层应为 JSON 对象', en: 'The configuration file must contain a JSON object' },
  unknownKey: { zh: '未知的配置项「{key}」', en: 'Unknown configuration key “{key}”' },
  unknownRule: { zh: '未知的规则「{key}」', en: 'Unknown rule “{key}”' },
  badSeverity: {
    zh: '「{key}」的级别「{value}」无效，应为 off、hint、info、warning 或 error 之一',
    en: 'Invalid severity “{value}” for “{key}”: expected one of off, hint, info, warning, error',
  },
  badType: { zh: '「{key}」应为{expected}', en: '“{key}” must be {expected}' },
  ruleFailed: { zh: '规则「{ruleId}」检查时出错：{reason}', en: 'Rule “{ruleId}” failed: {reason}' },
} satisfies Record<string, Localized>;
