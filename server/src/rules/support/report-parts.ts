/**
 * The four items an annual report must contain (《法治政府建设与责任落实督察工作规定》, 厅字〔2019〕28号,
 * 第二十五条), found however the report words and numbers them. Used by the required-section and
 * report-year rules and by the editor's checklist view and "insert required section" command, so
 * the exports below are a contract: keep their signatures.
 *
 * The detection itself lives in report-analysis.ts and is memoised per tree.
 */
import type { Position, Root, Section } from '../../parser/types';
import { analyzeReport } from './report-analysis';

export type ReportPartId = 'measures' | 'shortcomings' | 'leaderDuty' | 'plans';

export interface ReportPart {
  id: ReportPartId;
  /** where it is: the heading or the paragraph that opens it */
  position: Position;
  /** the section, if the part is a numbered section */
  section?: Section;
  /** true when found only as an unnumbered paragraph */
  unnumbered: boolean;
}

export interface ReportParts {
  parts: Partial<Record<ReportPartId, ReportPart>>;
  /** the plans part's year, if stated */
  plansYear?: number;
  /** the report year, see report-year */
  reportYear?: number;
}

/** The parts of the report, computed once per tree. */
export function findReportParts(tree: Root): ReportParts {
  return analyzeReport(tree).parts;
}

export const REPORT_PART_LABELS: Record<ReportPartId, { zh: string; en: string }> = {
  measures: { zh: '上一年度推进法治政府建设的主要举措和成效', en: 'measures and results of the past year' },
  shortcomings: { zh: '上一年度推进法治政府建设存在的不足和原因', en: 'shortcomings of the past year and their causes' },
  leaderDuty: {
    zh: '上一年度党政主要负责人履行推进法治建设第一责任人职责情况',
    en: 'how the principal Party and government leaders performed their duty as first person responsible for rule of law in the past year',
  },
  plans: { zh: '下一年度推进法治政府建设的主要安排', en: 'main plans for the next year' },
};

type Words = (year: number | undefined) => { heading: string; body: string };

const TEMPLATES: Record<ReportPartId, { zh: Words; en: Words }> = {
  measures: {
    zh: (y) => ({
      heading: `${y ? `${y}年` : '上一年度'}推进法治政府建设的主要举措和成效`,
      body: `（待补充：${y ? `${y}年` : '上一年度'}推进法治政府建设的主要举措和取得的成效。）`,
    }),
    en: (y) => ({
      heading: `Main measures and results of building law-based government in ${y ?? 'the past year'}`,
      body: `(To be completed: the main measures taken in ${y ?? 'the past year'} and what they achieved.)`,
    }),
  },
  shortcomings: {
    zh: (y) => ({
      heading: `${y ? `${y}年` : '上一年度'}推进法治政府建设存在的不足和原因`,
      body: '（待补充：推进法治政府建设存在的不足，以及产生这些不足的原因。）',
    }),
    en: (y) => ({
      heading: `Shortcomings in building law-based government in ${y ?? 'the past year'} and their causes`,
      body: '(To be completed: the shortcomings, and the causes behind them.)',
    }),
  },
  leaderDuty: {
    zh: (y) => ({
      heading: '党政主要负责人履行推进法治建设第一责任人职责情况',
      body: `（待补充：${y ? `${y}年` : '上一年度'}党政主要负责人履行推进法治建设第一责任人职责、加强法治政府建设的有关情况。）`,
    }),
    en: (y) => ({
      heading: 'How the principal Party and government leaders performed their duty as first person responsible for rule of law',
      body: `(To be completed: how the principal leaders performed that duty and strengthened law-based government in ${y ?? 'the past year'}.)`,
    }),
  },
  plans: {
    zh: (y) => ({
      heading: `${y ? `${y + 1}年` : '下一年度'}推进法治政府建设的主要安排`,
      body: `（待补充：${y ? `${y + 1}年` : '下一年度'}推进法治政府建设的主要安排。）`,
    }),
    en: (y) => ({
      heading: `Main plans for building law-based government in ${y ? y + 1 : 'the next year'}`,
      body: `(To be completed: the main plans for ${y ? y + 1 : 'the next year'}.)`,
    }),
  },
};

/**
 * Text of a section template for the part, in the given marker style, for fixes, snippets and commands.
 *
 * `marker` is written before the heading as given ("三、", "（二）", "4."); with an empty marker the
 * part is one unnumbered paragraph ("2023年推进法治政府建设的主要安排：（待补充：…）"), the way
 * reports that do not number these parts write them. `year` is the report year: the plans
 * template is about the year after it. Numbered templates are two lines, heading and body, joined
 * by "\n".
 */
export function partTemplate(id: ReportPartId, opts: { marker: string; year?: number; locale?: 'zh' | 'en' }): string {
  const [heading, body] = partLines(id, opts);
  if (opts.marker) return `${heading}\n${body}`;
  return (opts.locale ?? 'zh') === 'zh' ? `${heading}：${body}` : `${heading}: ${body}`;
}

/**
 * The template as a heading line and a body line, also when the heading has no marker (a
 * Markdown heading that numbers nothing: "## 存在的不足和原因").
 */
export function partLines(id: ReportPartId, opts: { marker: string; year?: number; locale?: 'zh' | 'en' }): [heading: string, body: string] {
  const { heading, body } = TEMPLATES[id][opts.locale ?? 'zh'](opts.year);
  // "1.2022年…" reads as the number 1.2022, not as a heading: a space keeps the marker a marker.
  const gap = /\d[.．]$/.test(opts.marker) && /^\d/.test(heading) ? ' ' : '';
  return [`${opts.marker}${gap}${heading}`, body];
}
