/**
 * report-year — the report states one year throughout: the title, the opening ("2022年，…",
 * "现将…2022年…报告如下") and the headings of its parts are about the report year, and the plans
 * part is about the year after it. Reports are drafted from last year's file, so a heading or
 * title left at the old year ("2021年…主要举措" in a 2022 report, "2022年工作打算" in the plans of
 * a 2022 report) is a common slip.
 *
 * The report year is the majority of these statements (title first on a tie), so one stale
 * heading is reported against the others rather than the other way round. Other years in the
 * text are legitimate and never counted: 2021年同期, 2018年以来, 《…（2021—2025年）》,
 * 2021—2025年, years inside quotation marks, and anything outside titles, openings and the
 * headings of the report's parts.
 *
 * Fix: rewrite the stale year, only when at least two statements agree on the report year (so
 * the fix does not side with one typo against another) and the year is written in digits.
 */
import type { Rule } from '../engine/rule';
import { analyzeReport, type YearStatement } from './support/report-analysis';

const SOURCE_MESSAGES: Record<YearStatement['source'], string> = {
  title: 'titleYear',
  opening: 'openingYear',
  heading: 'headingYear',
  plans: 'plansYear',
};

export const reportYear: Rule = {
  meta: {
    id: 'report-year',
    description: {
      zh: '标题、开头和各部分标题中的年度应一致，下一年度安排应是报告年度的下一年',
      en: 'The title, opening and part headings state one report year; the plans are about the year after it',
    },
    defaultSeverity: 'warning',
    fixable: true,
    messages: {
      titleYear: {
        zh: '标题中的年度「{found}」与报告其他地方写明的报告年度「{expected}」不一致',
        en: 'The title says “{found}”, but the rest of the report states the report year “{expected}”',
      },
      openingYear: {
        zh: '开头写的年度「{found}」与标题或各部分标题写明的报告年度「{expected}」不一致',
        en: 'The opening says “{found}”, but the title or the headings state the report year “{expected}”',
      },
      headingYear: {
        zh: '标题「{heading}」写的是「{found}」，而本报告是「{expected}」的年度报告',
        en: 'The heading “{heading}” says “{found}”, but this is the report on “{expected}”',
      },
      plansYear: {
        zh: '下一年度安排写的是「{found}」，报告年度为「{reportYear}」，安排应针对「{expected}」',
        en: 'The plans are for “{found}”, but the report is on “{reportYear}”: the plans should be for “{expected}”',
      },
      yearNotStated: {
        zh: '报告没有写明所报告的年度：应在标题或开头写明，如「{example}」',
        en: 'The report does not state which year it covers: state it in the title or the opening, e.g. “{example}”',
        severity: 'hint',
      },
      reportYearHere: { zh: '此处写明报告年度为「{expected}」', en: 'the report year “{expected}” is stated here' },
      replaceYear: { zh: '改为「{expected}」', en: 'Change to “{expected}”' },
    },
  },

  check(tree, context) {
    const { genre, years, yearSupport, parts } = analyzeReport(tree);
    if (!genre) return;
    const year = parts.reportYear;
    if (year === undefined) {
      // Where the year belongs: the title, else the first sentence, else (a report of headings only) the first heading.
      const firstParagraph = tree.data.index.paragraphs[0];
      const position = (tree.title ?? firstParagraph?.children[0] ?? firstParagraph ?? tree.data.index.sections[0]?.children[0] ?? tree.children[0] ?? tree).position!;
      // A report dated early in a year is about the year before; otherwise the example cannot know the year.
      const dated = tree.closing?.date;
      const guess = dated?.year !== undefined && dated.month !== undefined ? (dated.month <= 6 ? dated.year - 1 : dated.year) : undefined;
      context.report({ messageId: 'yearNotStated', data: { example: `${guess ?? '××××'}年，我县（市、区）……` }, position });
      return;
    }
    const corroborated = yearSupport.length >= 2;
    const text = tree.data.text;
    for (const statement of years) {
      const expected = statement.source === 'plans' ? year + 1 : year;
      if (statement.year === expected) continue;
      const support = yearSupport.find((s) => s.source !== statement.source) ?? yearSupport[0];
      const written = text.slice(statement.start, statement.end);
      const data = {
        found: written,
        expected: `${expected}年`,
        reportYear: `${year}年`,
        heading: statement.label,
      };
      const digits = /^\d{4}/.exec(written);
      const fix = corroborated && statement.arabic && digits
        ? { messageId: 'replaceYear', data, edits: [{ start: statement.start, end: statement.start + 4, text: String(expected) }] }
        : undefined;
      context.report({
        messageId: SOURCE_MESSAGES[statement.source],
        data,
        position: statement.position,
        ...(fix ? { fix } : {}),
        ...(support ? { related: [{ position: support.position, messageId: 'reportYearHere', data: { expected: `${support.source === 'plans' ? support.year - 1 : support.year}年` } }] } : {}),
      });
    }
  },
};
