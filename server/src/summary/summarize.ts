/**
 * One row per report for reviewers who check a folder of reports (`report-lint --summary`): who
 * reports and on which year, whether the four required items of the 2019 regulation are there,
 * how many findings of each severity, and the worst few.
 */
import { SEVERITY_RANK, type Severity } from '../engine/rule';
import type { Root } from '../parser/types';
import type { ReportMessage } from '../reporters';
import { findReportParts, type ReportPartId } from '../rules/support/report-parts';
import { reportPlace } from './place';

export const PART_ORDER: readonly ReportPartId[] = ['measures', 'shortcomings', 'leaderDuty', 'plans'];
export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
/** How many findings a row names. */
export const WORST_COUNT = 3;

export interface ReportSummary {
  /** As given on the command line, relative to the working folder. */
  file: string;
  title?: string;
  /** The place or department reporting; undefined when the report does not say. */
  place?: string;
  year?: number;
  /** Which of the four required items the report contains; undefined for a file that could not be read. */
  parts?: Record<ReportPartId, boolean>;
  counts: Record<Severity, number>;
  /** The most severe findings, earliest first within a severity. */
  worst: ReportMessage[];
  /** Why the file could not be checked. */
  error?: string;
}

export function summarizeReport(file: string, tree: Root, messages: ReportMessage[]): ReportSummary {
  const found = findReportParts(tree);
  const parts = Object.fromEntries(PART_ORDER.map((id) => [id, found.parts[id] !== undefined])) as Record<ReportPartId, boolean>;
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const m of messages) counts[m.severity]++;
  const worst = [...messages]
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || a.offset - b.offset)
    .slice(0, WORST_COUNT);
  const place = reportPlace(tree);
  return {
    file,
    ...(tree.title ? { title: tree.title.value } : {}),
    ...(place ? { place } : {}),
    ...(found.reportYear !== undefined ? { year: found.reportYear } : {}),
    parts,
    counts,
    worst,
  };
}

export function unreadableReport(file: string, error: string): ReportSummary {
  return { file, counts: { error: 0, warning: 0, info: 0, hint: 0 }, worst: [], error };
}

/** Short column labels for the four items, and their full names from the regulation. */
export const PART_LABELS: Record<ReportPartId, { zh: string; en: string }> = {
  measures: { zh: '举措成效', en: 'Measures' },
  shortcomings: { zh: '不足原因', en: 'Shortcomings' },
  leaderDuty: { zh: '第一责任人', en: 'Leaders’ duty' },
  plans: { zh: '下年安排', en: 'Plans' },
};
