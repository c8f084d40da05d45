/** Output formats of the CLI. The JSON shapes are a contract other tools read. */
import type { OutlineItem } from './engine/outline';
import type { LintMessage, Locale, Severity } from './engine/rule';

/**
 * A finding as the CLI reports it. For a Word draft (.docx) it also carries where it is in terms
 * the document's reader can use, the paragraph number (¶N) and an excerpt; line and column then
 * count in the text extracted from the document.
 */
export interface ReportMessage extends LintMessage {
  paragraph?: number;
  excerpt?: string;
}

export interface FileResult {
  file: string;
  messages: ReportMessage[];
  error?: string;
}

/** The public JSON shape of a message: positions are 1-based; offsets stay internal. */
export function publicMessage(m: ReportMessage) {
  const { offset: _offset, endOffset: _endOffset, ...rest } = m;
  return rest;
}

/** The quotation marks messages use in each language. */
export const QUOTE: Record<Locale, (s: string) => string> = { zh: (s) => `「${s}」`, en: (s) => `“${s}”` };

/** Where a finding is, for people: ¶12 in a Word draft, line:column elsewhere. */
export function placeOf(m: ReportMessage): string {
  return m.paragraph !== undefined ? `¶${m.paragraph}` : `${m.line}:${m.column}`;
}

/** The message, after the excerpt it is about when the position alone would not find it (Word drafts). */
export function messageWithExcerpt(m: ReportMessage, locale: Locale): string {
  return m.excerpt ? `${QUOTE[locale](m.excerpt)} ${m.message}` : m.message;
}

export function formatJson(results: FileResult[]): string {
  return JSON.stringify(results.map((r) => ({ file: r.file, messages: r.messages.map(publicMessage), ...(r.error ? { error: r.error } : {}) })), null, 2) + '\n';
}

interface PublicOutlineItem {
  marker: string;
  level: number;
  title: string;
  line: number;
  inline?: true;
  children: PublicOutlineItem[];
}

function publicOutline(items: OutlineItem[]): PublicOutlineItem[] {
  return items.map((item) => ({
    marker: item.marker,
    level: item.level,
    title: item.title,
    line: item.line,
    ...(item.inline ? { inline: true as const } : {}),
    children: publicOutline(item.children),
  }));
}

export function formatOutlineJson(outlines: Array<{ file: string; outline: OutlineItem[] }>): string {
  return JSON.stringify(outlines.map((o) => ({ file: o.file, outline: publicOutline(o.outline) })), null, 2) + '\n';
}

export function formatOutlineStylish(outlines: Array<{ file: string; outline: OutlineItem[] }>): string {
  let out = '';
  const write = (items: OutlineItem[], depth: number) => {
    for (const item of items) {
      out += `${'  '.repeat(depth)}${item.marker}${item.title}  (${item.line})\n`;
      write(item.children, depth + 1);
    }
  };
  for (const o of outlines) {
    out += `${o.file}\n`;
    write(o.outline, 1);
    out += '\n';
  }
  return out;
}

export const LABEL: Record<Locale, Record<Severity, string>> = {
  zh: { error: '错误', warning: '警告', info: '信息', hint: '提示' },
  en: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
};
export const COLOR: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[90m' };
export const DIM = '\x1b[2m';
export const RESET = '\x1b[0m';

/** Display width of a string in a terminal: CJK characters take two columns. */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
export const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));

export function formatStylish(results: FileResult[], locale: Locale, color: boolean): string {
  const paint = (code: string, s: string) => (color ? code + s + RESET : s);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let out = '';
  for (const r of results) {
    if (!r.messages.length) continue;
    out += `\n${color ? '\x1b[4m' + r.file + RESET : r.file}\n`;
    const positions = r.messages.map(placeOf);
    // Loops, not Math.max(...): a file can have more findings than a call takes arguments.
    let posWidth = 0;
    for (const p of positions) posWidth = Math.max(posWidth, p.length);
    let labelWidth = 0;
    for (const m of r.messages) labelWidth = Math.max(labelWidth, width(LABEL[locale][m.severity]));
    r.messages.forEach((m, i) => {
      counts[m.severity]++;
      out += `  ${paint(DIM, pad(positions[i]!, posWidth))}  ${paint(COLOR[m.severity], pad(LABEL[locale][m.severity], labelWidth))}  ${messageWithExcerpt(m, locale)}  ${paint(DIM, m.ruleId)}\n`;
    });
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const unchecked = results.filter((r) => r.error !== undefined).length;
  if (total === 0 && unchecked) {
    return locale === 'zh'
      ? `已检查的文件未发现问题；${unchecked} 个文件未能检查（见上方的说明）。\n`
      : `No problems found in the files checked; ${unchecked} file${unchecked === 1 ? '' : 's'} could not be checked (see above).\n`;
  }
  if (total === 0) return locale === 'zh' ? '未发现问题。\n' : 'No problems found.\n';
  const summary =
    locale === 'zh'
      ? `共 ${total} 个问题（错误 ${counts.error}，警告 ${counts.warning}，信息 ${counts.info}，提示 ${counts.hint}）`
      : `${total} problem${total === 1 ? '' : 's'} (${counts.error} errors, ${counts.warning} warnings, ${counts.info} info, ${counts.hint} hints)`;
  return `${out}\n${paint(counts.error ? COLOR.error : COLOR.warning, '✖ ' + summary)}\n`;
}
