/**
 * The rule registry: every rule the engine runs, in reporting order. To add a rule, add its file
 * in this folder (file name = rule id), one line here, a test in test/rules/ and a page in
 * docs/rules/ — test/rules/registry.test.ts fails when any of them is missing.
 */
import type { Rule } from '../engine/rule';
// Report parts and metadata
import { requiredSection } from './required-section';
import { reportYear } from './report-year';
import { reportDate } from './report-date';
import { reportTitle } from './report-title';
import { reportSignature } from './report-signature';
// Numbering and text hygiene
import { numberingSequence } from './numbering-sequence';
import { numberingHierarchy } from './numbering-hierarchy';
import { numberingStyle } from './numbering-style';
import { enumerationSequence } from './enumeration-sequence';
import { duplicateParagraph } from './duplicate-paragraph';
import { pageResidue } from './page-residue';
// Statistics
import { rateMismatch } from './rate-mismatch';
import { rateImpossible } from './rate-impossible';
import { rateRange } from './rate-range';
import { sumMismatch } from './sum-mismatch';
import { partExceedsWhole } from './part-exceeds-whole';
import { approximationConflict } from './approximation-conflict';
import { changeMismatch } from './change-mismatch';
// Writing standards
import { numberUsage } from './number-usage';
import { punctuation } from './punctuation';
import { punctuationWidth } from './punctuation-width';
import { repeatedWord } from './repeated-word';
import { wordUsage } from './word-usage';

export const RULES: readonly Rule[] = [
  // Report parts and metadata
  requiredSection,
  reportYear,
  reportDate,
  reportTitle,
  reportSignature,
  // Numbering and text hygiene
  numberingSequence,
  numberingHierarchy,
  numberingStyle,
  enumerationSequence,
  duplicateParagraph,
  pageResidue,
  // Statistics
  rateMismatch,
  rateImpossible,
  rateRange,
  sumMismatch,
  partExceedsWhole,
  approximationConflict,
  changeMismatch,
  // Writing standards
  numberUsage,
  punctuation,
  punctuationWidth,
  repeatedWord,
  wordUsage,
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((rule) => rule.meta.id));

/**
 * The rules that still run on a document above the size limit (maxDocumentSize): the report's
 * parts and its numbering. They read the title, the headings, the markers and the closing, each in
 * one pass over what the parser has indexed. The statistics, duplicate-paragraph, page-residue and
 * writing-standard rules read every sentence, and are left out.
 */
export const LARGE_DOCUMENT_RULE_IDS: ReadonlySet<string> = new Set([
  'required-section',
  'report-year',
  'report-date',
  'report-title',
  'report-signature',
  'numbering-sequence',
  'numbering-hierarchy',
  'numbering-style',
  'enumeration-sequence',
]);

export const LARGE_DOCUMENT_RULES: readonly Rule[] = RULES.filter((rule) => LARGE_DOCUMENT_RULE_IDS.has(rule.meta.id));

export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.meta.id === id);
}
