/**
 * Identifiers shared by the client code and package.json. This module has no runtime imports, so
 * the plain-Node tests in test/client can check package.json and the snippets against it.
 */
import type { ReportPartId } from '../../server/src/rules/support/report-parts';

/** Commands the client registers and package.json contributes to the Command Palette. */
export const COMMANDS = {
  renumber: 'reportLint.renumberDocument',
  insertSection: 'reportLint.insertRequiredSection',
  fixAll: 'reportLint.fixAll',
  newReport: 'reportLint.newReport',
  restartServer: 'reportLint.restartServer',
  openWordDraft: 'reportLint.openWordDraft',
  checkWorkspace: 'reportLint.checkWorkspace',
} as const;

export const CHECKLIST_VIEW = 'reportLint.checklist';

/** Context keys used in package.json `when` clauses. */
export const CONTEXT = {
  /** The active editor holds a document the server treats as a report. */
  activeReport: 'reportLint.activeReport',
  /** A report has been open in this window; shows the checklist view from then on. */
  seenReport: 'reportLint.seenReport',
} as const;

/** The four required parts of the annual report (2019 regulation, items 1–4), in document order. */
export const PART_IDS: readonly ReportPartId[] = ['measures', 'shortcomings', 'leaderDuty', 'plans'];
export type PartId = ReportPartId;

/** The name (key) of the full-report snippet in snippets/skeleton.code-snippets, inserted by the New Report Draft command. */
export const SKELETON_SNIPPET = '报告全文框架 · Report skeleton';
