/**
 * The reviewers' summary as one self-contained HTML page (`report-lint --summary --format html`):
 * the table of reports, then each report's text with its findings highlighted where they are and
 * explained beside the line (and on hover). Everything is inline — no scripts, stylesheets or
 * fonts are fetched — so the page can be mailed or opened from a USB stick on an offline machine.
 */
import type { Locale, Severity } from '../engine/rule';
import type { DocxParagraph } from '../docx/extract';
import { LABEL, placeOf, type ReportMessage } from '../reporters';
import { REPORT_PART_LABELS } from '../rules/support/report-parts';
import { PART_LABELS, PART_ORDER, SEVERITY_ORDER, type ReportSummary } from './summarize';

export interface SummarySource {
  text: string;
  /** Every finding, with offsets into text. */
  messages: ReportMessage[];
  /** For a Word draft: its paragraphs, numbered ¶1… in the margin instead of line numbers. */
  paragraphs?: DocxParagraph[];
}

export interface HtmlOptions {
  locale: Locale;
  version: string;
  /** ISO date of the run, shown in the header. */
  generated: string;
}

const T = {
  zh: {
    title: '法治政府建设年度报告检查汇总',
    reports: (n: number) => `${n} 份报告`,
    file: '报告',
    place: '地方',
    year: '年度',
    parts: '四项必备内容',
    counts: '问题数',
    worst: '主要问题',
    present: '有',
    missing: '缺少',
    none: '未发现问题',
    unknown: '未写明',
    unreadable: '无法读取',
    findings: (n: number) => `${n} 个问题`,
    intro: '各报告正文中，有问题的文字以颜色标出，右侧逐条说明（鼠标悬停也可查看）。',
    line: '行',
    paragraph: '段',
    back: '返回汇总表',
  },
  en: {
    title: 'Annual reports on building law-based government: review summary',
    reports: (n: number) => `${n} report${n === 1 ? '' : 's'}`,
    file: 'Report',
    place: 'Place',
    year: 'Year',
    parts: 'Required items',
    counts: 'Findings',
    worst: 'Main findings',
    present: 'present',
    missing: 'missing',
    none: 'No problems found',
    unknown: 'not stated',
    unreadable: 'cannot be read',
    findings: (n: number) => `${n} finding${n === 1 ? '' : 's'}`,
    intro: 'In each report below, flagged text is highlighted and explained beside its line (hover for the same).',
    line: 'line',
    paragraph: 'paragraph',
    back: 'Back to the summary',
  },
} as const;

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const STYLE = `
:root { --error: #c62828; --warning: #b26a00; --info: #1565c0; --hint: #607d8b; --line: #e0e0e0; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px 32px 64px; font: 15px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #212121; background: #fafafa; }
/* English text in a CJK font gets full-width quotes and odd spacing: Latin fonts first, CJK for the report texts. */
html[lang="en"] body { font-family: "Segoe UI", "Helvetica Neue", Arial, "Noto Sans", "DejaVu Sans", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
h1 { font-size: 22px; margin: 0 0 4px; }
.meta { color: #616161; margin: 0 0 16px; }
table.summary { border-collapse: collapse; width: 100%; background: #fff; box-shadow: 0 1px 2px rgba(0,0,0,.12); }
table.summary th, table.summary td { border: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: left; }
table.summary thead th { background: #eceff1; font-weight: 600; white-space: nowrap; }
td.part, td.count, td.year { text-align: center; white-space: nowrap; }
td.place { white-space: nowrap; }
tbody th { font-weight: 600; min-width: 9em; }
tbody th .dir { font-weight: 400; color: #757575; }
td.part.yes { color: #2e7d32; }
td.part.no { color: var(--error); background: #ffebee; font-weight: 700; }
td.count.error:not(.zero) { color: var(--error); font-weight: 700; }
td.count.warning:not(.zero) { color: var(--warning); font-weight: 700; }
td.count.zero { color: #9e9e9e; }
ol.worst { margin: 0; padding-left: 1.4em; }
ol.worst li { margin: 0 0 2px; }
.sev { display: inline-block; min-width: 2.6em; padding: 0 4px; margin-right: 4px; border-radius: 3px; color: #fff; font-size: 12px; text-align: center; }
.sev.error { background: var(--error); } .sev.warning { background: var(--warning); } .sev.info { background: var(--info); } .sev.hint { background: var(--hint); }
.where { color: #616161; font-variant-numeric: tabular-nums; margin-right: 4px; }
a { color: inherit; }
section.report { margin-top: 32px; background: #fff; box-shadow: 0 1px 2px rgba(0,0,0,.12); padding: 16px 20px; }
section.report h2 { font-size: 18px; margin: 0 0 8px; }
section.report h2 small { font-weight: 400; color: #616161; margin-left: 8px; }
.text { display: grid; grid-template-columns: 4.5em minmax(0, 1fr) minmax(14em, 34%); border-top: 1px solid var(--line); }
.row { display: contents; }
.row > * { border-bottom: 1px solid #f0f0f0; padding: 2px 6px; }
.ln { color: #9e9e9e; text-align: right; font-variant-numeric: tabular-nums; user-select: none; }
.src { white-space: pre-wrap; overflow-wrap: anywhere; }
.notes { font-size: 13px; }
.note { margin: 0 0 4px; }
.note code { color: #757575; font-size: 12px; }
mark { background: none; border-bottom: 2px solid; padding: 0 1px; }
mark.error { background: #ffcdd2; border-color: var(--error); }
mark.warning { background: #ffe0b2; border-color: var(--warning); }
mark.info { background: #bbdefb; border-color: var(--info); }
mark.hint { background: #eceff1; border-color: var(--hint); border-bottom-style: dotted; }
mark.at { border-left: 2px solid; border-bottom: none; padding: 0; margin: 0 1px; }
sup.ref { font-size: 11px; color: #fff; border-radius: 7px; padding: 0 4px; margin-left: 1px; }
sup.ref.error { background: var(--error); } sup.ref.warning { background: var(--warning); } sup.ref.info { background: var(--info); } sup.ref.hint { background: var(--hint); }
:target { outline: 2px solid #5c6bc0; outline-offset: 1px; }
.back { font-size: 13px; }
@media print { body { background: #fff; padding: 0; } section.report { box-shadow: none; break-before: page; } }
`;

export function formatSummaryHtml(rows: ReportSummary[], sources: Array<SummarySource | undefined>, options: HtmlOptions): string {
  const t = T[options.locale];
  const locale = options.locale;
  const anchor = (r: number) => `r${r + 1}`;
  const findingId = (r: number, m: ReportMessage, source: SummarySource | undefined) => `${anchor(r)}-f${(source?.messages.indexOf(m) ?? -1) + 1}`;

  const head = `<tr><th rowspan="2">${t.file}</th><th rowspan="2">${t.place}</th><th rowspan="2">${t.year}</th><th colspan="4">${t.parts}</th><th colspan="4">${t.counts}</th><th rowspan="2">${t.worst}</th></tr>
<tr>${PART_ORDER.map((id) => `<th title="${escape(REPORT_PART_LABELS[id][locale])}">${escape(PART_LABELS[id][locale])}</th>`).join('')}${SEVERITY_ORDER.map((s) => `<th>${LABEL[locale][s]}</th>`).join('')}</tr>`;

  const body = rows
    .map((row, r) => {
      const source = sources[r];
      const parts = PART_ORDER.map((id) => {
        if (!row.parts) return `<td class="part">—</td>`;
        const present = row.parts[id];
        return `<td class="part ${present ? 'yes' : 'no'}" title="${escape(`${REPORT_PART_LABELS[id][locale]}：${present ? t.present : t.missing}`)}">${present ? '✓' : '✗'}</td>`;
      }).join('');
      const counts = SEVERITY_ORDER.map((s) => `<td class="count ${s}${row.counts[s] ? '' : ' zero'}">${row.error ? '—' : row.counts[s]}</td>`).join('');
      const worst = row.error
        ? `<span class="sev error">${t.unreadable}</span> ${escape(row.error)}`
        : row.worst.length
          ? `<ol class="worst">${row.worst
              .map((m) => `<li><span class="sev ${m.severity}">${LABEL[locale][m.severity]}</span><a class="where" href="#${findingId(r, m, source)}">${escape(placeOf(m))}</a>${escape(m.message)}</li>`)
              .join('')}</ol>`
          : t.none;
      return `<tr data-file="${escape(row.file)}"><th><a href="#${anchor(r)}">${fileLabel(row.file)}</a></th><td class="place">${escape(row.place ?? t.unknown)}</td><td class="year">${row.year ?? '—'}</td>${parts}${counts}<td>${worst}</td></tr>`;
    })
    .join('\n');

  const reports = rows
    .map((row, r) => {
      const source = sources[r];
      const subtitle = [row.place, row.year !== undefined ? String(row.year) : undefined, row.error ? t.unreadable : t.findings(source?.messages.length ?? 0)].filter(Boolean).join(' · ');
      const content = source ? renderText(source, anchor(r), locale) : `<p>${escape(row.error ?? '')}</p>`;
      return `<section class="report" id="${anchor(r)}"><h2>${escape(row.file)}<small>${escape(subtitle)}</small></h2>${content}<p class="back"><a href="#summary">↑ ${t.back}</a></p></section>`;
    })
    .join('\n');

  return `<!DOCTYPE html>
<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="report-lint ${escape(options.version)}">
<title>${escape(t.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1 id="summary">${escape(t.title)}</h1>
<p class="meta">report-lint ${escape(options.version)} · ${t.reports(rows.length)} · ${escape(options.generated)}</p>
<table class="summary">
<thead>${head}</thead>
<tbody>
${body}
</tbody>
</table>
<p class="meta">${escape(t.intro)}</p>
${reports}
</body>
</html>
`;
}

/** The text, one grid row per line: number, the line with its findings marked, the notes of findings that start on it. */
function renderText(source: SummarySource, anchor: string, locale: Locale): string {
  const { text, messages } = source;
  const lines: Array<{ start: number; end: number }> = [];
  for (let start = 0; ; ) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    lines.push({ start, end: end > start && text[end - 1] === '\r' ? end - 1 : end });
    if (nl === -1) break;
    start = nl + 1;
  }
  // A finding belongs to the line it starts on (its note is beside that line).
  const lineOf = (offset: number) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const findings = messages.map((m, i) => {
    const start = Math.min(m.offset, text.length);
    return { m, n: i + 1, start, end: Math.min(Math.max(m.endOffset, start), text.length), line: lineOf(start) };
  });
  const paragraphStarts = new Map(source.paragraphs?.map((p) => [p.start, p.number]));
  const t = T[locale];

  const rows = lines.map((line, index) => {
    const mine = findings.filter((f) => f.line === index);
    const cuts = new Set<number>([line.start, line.end]);
    for (const f of findings) {
      if (f.start > line.start && f.start < line.end) cuts.add(f.start);
      if (f.end > line.start && f.end < line.end) cuts.add(f.end);
    }
    const points = [...cuts].sort((a, b) => a - b);
    // Findings of no extent (a missing part, reported where it should be) show as a caret.
    const carets = (at: number) => mine.filter((f) => f.start === f.end && Math.min(f.start, line.end) === at).map(caret).join('');
    let html = '';
    for (let i = 0; i < points.length - 1; i++) {
      const [a, b] = [points[i]!, points[i + 1]!];
      html += carets(a);
      const active = findings.filter((f) => f.start <= a && f.end >= b && f.end > f.start);
      const segment = escape(text.slice(a, b));
      if (active.length) {
        const title = active.map((f) => `${f.n}. ${f.m.message} (${f.m.ruleId})`).join('\n');
        html += `<mark class="${mostSevere(active.map((f) => f.m.severity))}" title="${escape(title)}">${segment}</mark>`;
      } else {
        html += segment;
      }
      // The reference number follows the flagged text, on the line where the finding starts.
      for (const f of mine) if (f.end > f.start && Math.min(f.end, line.end) === b) html += `<sup class="ref ${f.m.severity}">${f.n}</sup>`;
    }
    html += carets(line.end);
    const label = source.paragraphs ? (paragraphStarts.has(line.start) ? `¶${paragraphStarts.get(line.start)}` : '') : String(index + 1);
    const notes = mine
      .map(
        (f) =>
          `<p class="note" id="${anchor}-f${f.n}"><sup class="ref ${f.m.severity}">${f.n}</sup> <span class="sev ${f.m.severity}">${LABEL[locale][f.m.severity]}</span>${escape(f.m.message)} <code>${escape(f.m.ruleId)}</code></p>`,
      )
      .join('');
    const title = source.paragraphs ? t.paragraph : t.line;
    return `<div class="row" id="${anchor}-l${index + 1}"><span class="ln" title="${title}">${label}</span><div class="src">${html || '&#8203;'}</div><div class="notes">${notes}</div></div>`;
  });
  return `<div class="text">${rows.join('\n')}</div>`;
}

function caret(f: { m: ReportMessage; n: number }): string {
  return `<mark class="${f.m.severity} at" title="${escape(`${f.n}. ${f.m.message} (${f.m.ruleId})`)}"></mark><sup class="ref ${f.m.severity}">${f.n}</sup>`;
}

/** A file name that wraps after its folder rather than inside a word. */
function fileLabel(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1;
  return cut > 0 ? `<span class="dir">${escape(file.slice(0, cut))}</span><wbr>${escape(file.slice(cut))}` : escape(file);
}

function mostSevere(severities: Severity[]): Severity {
  return SEVERITY_ORDER.find((s) => severities.includes(s)) ?? 'hint';
}
