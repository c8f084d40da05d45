/**
 * The reviewers' summary as a terminal table (stylish) and as JSON. The JSON shape is a contract:
 *
 *   [{ "file", "title"?, "place": string|null, "year": number|null,
 *      "parts": { "measures", "shortcomings", "leaderDuty", "plans": boolean } | null,
 *      "counts": { "error", "warning", "info", "hint" },
 *      "worst": [message as in --format json],
 *      "error"? }]
 */
import type { Locale } from '../engine/rule';
import { COLOR, DIM, LABEL, RESET, messageWithExcerpt, pad, placeOf, publicMessage, width } from '../reporters';
import { PART_LABELS, PART_ORDER, SEVERITY_ORDER, type ReportSummary } from './summarize';

export function formatSummaryJson(rows: ReportSummary[]): string {
  return (
    JSON.stringify(
      rows.map((row) => ({
        file: row.file,
        ...(row.title !== undefined ? { title: row.title } : {}),
        place: row.place ?? null,
        year: row.year ?? null,
        parts: row.parts ?? null,
        counts: row.counts,
        worst: row.worst.map(publicMessage),
        ...(row.error !== undefined ? { error: row.error } : {}),
      })),
      null,
      2,
    ) + '\n'
  );
}

const HEADINGS: Record<Locale, { file: string; place: string; year: string }> = {
  zh: { file: '报告', place: '地方', year: '年度' },
  en: { file: 'Report', place: 'Place', year: 'Year' },
};
const GREEN = '\x1b[32m';

export function formatSummaryStylish(rows: ReportSummary[], locale: Locale, color: boolean): string {
  const paint = (code: string, s: string) => (color ? code + s + RESET : s);
  const h = HEADINGS[locale];
  const header = [h.file, h.place, h.year, ...PART_ORDER.map((id) => PART_LABELS[id][locale]), ...SEVERITY_ORDER.map((s) => LABEL[locale][s])];
  const cells = rows.map((row) => [
    row.file,
    row.place ?? '—',
    row.year !== undefined ? String(row.year) : '—',
    ...PART_ORDER.map((id) => (row.parts ? (row.parts[id] ? '✓' : '✗') : '—')),
    ...SEVERITY_ORDER.map((s) => (row.error ? '—' : String(row.counts[s]))),
  ]);
  const widths = header.map((title, i) => Math.max(width(title), ...cells.map((c) => width(c[i]!))));
  const line = (values: string[], paintCell: (value: string, column: number) => string = (v) => v) =>
    values.map((v, i) => paintCell(pad(v, widths[i]!), i)).join('  ').trimEnd() + '\n';

  let out = line(header, (v) => paint('\x1b[1m', v));
  rows.forEach((row, r) => {
    out += line(cells[r]!, (v, i) => {
      if (v.startsWith('✗')) return paint(COLOR.error, v);
      if (v.startsWith('✓')) return paint(GREEN, v);
      const severity = SEVERITY_ORDER[i - 3 - PART_ORDER.length];
      return severity && !/^0\s*$/.test(v) && !v.startsWith('—') ? paint(COLOR[severity], v) : v;
    });
    if (row.error) out += `    ${paint(COLOR.error, row.error)}\n`;
    const labelWidth = Math.max(0, ...row.worst.map((m) => width(LABEL[locale][m.severity])));
    const placeWidth = Math.max(0, ...row.worst.map((m) => placeOf(m).length));
    for (const m of row.worst) {
      out += `    ${paint(COLOR[m.severity], pad(LABEL[locale][m.severity], labelWidth))}  ${paint(DIM, pad(placeOf(m), placeWidth))}  ${messageWithExcerpt(m, locale)}  ${paint(DIM, m.ruleId)}\n`;
    }
  });
  return out + '\n' + footer(rows, locale) + '\n';
}

function footer(rows: ReportSummary[], locale: Locale): string {
  const checked = rows.filter((r) => r.parts);
  const complete = checked.filter((r) => PART_ORDER.every((id) => r.parts![id])).length;
  const total = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of rows) for (const s of SEVERITY_ORDER) total[s] += r.counts[s];
  const unreadable = rows.length - checked.length;
  if (locale === 'zh') {
    return (
      `共 ${rows.length} 份报告：${complete} 份四项必备内容齐全，${checked.length - complete} 份有缺项` +
      `${unreadable ? `，${unreadable} 份无法读取` : ''}；错误 ${total.error}，警告 ${total.warning}，信息 ${total.info}，提示 ${total.hint}。`
    );
  }
  return (
    `${rows.length} report${rows.length === 1 ? '' : 's'}: ${complete} with all four required items, ${checked.length - complete} missing some` +
    `${unreadable ? `, ${unreadable} unreadable` : ''}; ${total.error} errors, ${total.warning} warnings, ${total.info} info, ${total.hint} hints.`
  );
}
