import type { Locale, Localized } from './rule';

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A template split once into its literal text and placeholder names: `parts[0] {names[0]}
 * parts[1] …`. Every finding formats its message, and a large document has thousands of them;
 * a regular-expression replace with a callback per message cost more than the rule that found it.
 */
interface CompiledTemplate {
  parts: string[];
  names: string[];
}

/** Templates are the rules' message texts: a fixed, small set, so the cache never grows past it. */
const compiled = new Map<string, CompiledTemplate>();

function compile(template: string): CompiledTemplate {
  let entry = compiled.get(template);
  if (entry) return entry;
  entry = { parts: [], names: [] };
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    entry.parts.push(template.slice(at, m.index));
    entry.names.push(m[1]!);
    at = m.index + m[0].length;
  }
  entry.parts.push(template.slice(at));
  if (compiled.size < 4096) compiled.set(template, entry);
  return entry;
}

/** Fills `{name}` placeholders; an unknown name stays visible so a missing value is noticed in tests. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  const { parts, names } = compile(template);
  let out = parts[0]!;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    out += (name in data ? String(data[name]) : `{${name}}`) + parts[i + 1]!;
  }
  return out;
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
