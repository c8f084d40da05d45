/**
 * The pure halves of the commands and the checklist request: what to insert, what to count. The
 * server applies the results through workspace/applyEdit.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { Locale } from '../engine/rule';
import { matchLeadingMarker } from '../parser/markers';
import { ruleById } from '../rules';
import { renumberedMarker } from '../rules/support/numbering';
import { partTemplate, REPORT_PART_LABELS, type ReportPartId } from '../rules/support/report-parts';
import { diagnosticData, type FindingSummary } from './diagnostics';
import type { DocumentFacts } from './facts';
import type { ChecklistResult } from './protocol';
import { unistToRange, type OffsetEdit } from './text';

export const REPORT_PART_IDS: readonly ReportPartId[] = ['measures', 'shortcomings', 'leaderDuty', 'plans'];

export function isReportPartId(value: unknown): value is ReportPartId {
  return typeof value === 'string' && (REPORT_PART_IDS as readonly string[]).includes(value);
}

/** The rules whose fixes renumber: those of them that the registry has. */
export function numberingRuleIds(): string[] {
  return ['numbering-sequence', 'enumeration-sequence', 'numbering-style'].filter((id) => ruleById(id));
}

const REQUIRED_SECTION = 'required-section';
/** The required-section rule's message for each missing part (its messageIds are part of its tests' contract). */
const MISSING_MESSAGES: Record<ReportPartId, readonly string[]> = {
  measures: ['missingMeasures'],
  shortcomings: ['missingShortcomings'],
  leaderDuty: ['missingLeaderDuty', 'leaderDutyOnlyPlanned'],
  plans: ['missingPlans'],
};

/** The required-section rule's diagnostic that reports a part missing and carries a fix (embedded or too large to embed). */
export function missingPartDiagnostic(partId: ReportPartId, diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  return diagnostics.find((diagnostic) => {
    const data = diagnosticData(diagnostic);
    return data?.ruleId === REQUIRED_SECTION && (data.fix || data.largeFix !== undefined) && MISSING_MESSAGES[partId].includes(data.messageId);
  });
}

/**
 * The edits inserting a missing part: the required-section rule's own fix when it reported the
 * part with one embedded (it knows where the part belongs and renumbers what follows; a fix too
 * large to embed is recomputed by the caller), else the part's template as a new last section,
 * before the closing.
 */
export function insertSectionEdits(
  partId: ReportPartId,
  facts: DocumentFacts,
  diagnostics: readonly Diagnostic[],
  text: string,
  locale: Locale,
): OffsetEdit[] | undefined {
  if (facts.parts[partId]) return undefined;
  const reported = missingPartDiagnostic(partId, diagnostics);
  const fix = reported && diagnosticData(reported)?.fix;
  if (fix) return fix.edits.map(({ start, end, text: newText }) => ({ start, end, text: newText }));
  const lastTop = [...facts.outline].reverse().find((item) => !item.inline && item.level === 1);
  const marker = lastTop ? nextTopMarker(lastTop.marker) : '';
  const template = partTemplate(partId, { marker, year: facts.reportYear, locale });
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  if (facts.closingStart !== undefined) {
    return [{ start: facts.closingStart, end: facts.closingStart, text: `${template}${nl}` }];
  }
  const end = text.length;
  const needsBreak = end > 0 && !/[\r\n]$/.test(text);
  return [{ start: end, end, text: `${needsBreak ? nl : ''}${template}${nl}` }];
}

function nextTopMarker(marker: string): string {
  const found = matchLeadingMarker(marker);
  return found ? renumberedMarker(found, found.value + 1) : '';
}

/** For the client's checklist view: the required parts, findings per rule and totals per severity. */
export function checklist(facts: DocumentFacts | undefined, summary: FindingSummary, locale: Locale): ChecklistResult {
  const items = REPORT_PART_IDS.map((id) => {
    const part = facts?.parts[id];
    return { id, label: REPORT_PART_LABELS[id][locale], present: !!part, ...(part ? { range: unistToRange(part.position) } : {}) };
  });
  return { items, counts: summary.counts, totals: summary.totals };
}
