/**
 * report-date — dates must exist (no 2月30日, no 13月, no range that runs backwards), and the
 * closing date (成文日期) must fit the reporting calendar of 《法治政府建设与责任落实督察工作规定》:
 * a report on year Y sums up the whole of Y, is reported before 1 March of Y+1 and published
 * before 1 April of Y+1.
 *
 *   before Y                  warning  (the date or the year is wrong)
 *   within Y                  hint     (written before the year it reports on had ended)
 *   1 Jan – end Feb of Y+1    fine
 *   March of Y+1              info     (after the 1 March reporting deadline; provincial reports
 *                                       to the centre are due by 1 April, so this is only a note)
 *   1 April of Y+1 or later   warning  (after the publication deadline)
 */
import type { Rule } from '../engine/rule';
import type { DateNode } from '../parser/types';
import { analyzeReport } from './support/report-analysis';

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(month: number, year: number | undefined): number {
  if (month === 2) return year === undefined || isLeap(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const key = (y: number, m: number, d: number) => y * 10000 + m * 100 + d;

/** Why a date the parser marked invalid is invalid, with what the message needs. */
function diagnose(date: DateNode): { messageId: string; data: Record<string, string | number> } {
  const data: Record<string, string | number> = { date: date.raw };
  for (const month of [date.month, date.endMonth]) {
    if (month !== undefined && (month < 1 || month > 12)) return { messageId: 'invalidMonth', data: { ...data, month } };
  }
  const checks: Array<[number | undefined, number | undefined, number | undefined]> = [
    [date.day, date.month, date.year],
    [date.endDay, date.endMonth ?? date.month, date.endYear ?? date.year],
  ];
  for (const [day, month, year] of checks) {
    if (day === undefined || month === undefined) continue;
    const days = daysInMonth(month, year);
    if (day < 1 || day > days) return { messageId: 'invalidDay', data: { ...data, month, days } };
  }
  const from = key(date.year ?? 0, date.month ?? 0, date.day ?? 0);
  const to = key(date.endYear ?? date.year ?? 0, date.endMonth ?? date.month ?? 0, date.endDay ?? date.day ?? 0);
  if (to < from) return { messageId: 'reversedRange', data };
  if (date.year !== undefined || date.month !== undefined) return { messageId: 'invalidTime', data };
  return { messageId: 'invalidDate', data };
}

export const reportDate: Rule = {
  meta: {
    id: 'report-date',
    description: {
      zh: '日期应真实存在，成文日期应在报告年度结束后、次年报送和公开期限之前',
      en: 'Dates must exist; the closing date must fall after the report year and before the reporting and publication deadlines',
    },
    defaultSeverity: 'warning',
    fixable: false,
    messages: {
      invalidMonth: { zh: '「{date}」中的月份「{month}」不存在：月份应在1至12之间', en: '“{date}” has month “{month}”, which does not exist: months run from 1 to 12' },
      invalidDay: { zh: '「{date}」不是有效日期：{month}月只有{days}天', en: '“{date}” is not a real date: month {month} has only {days} days' },
      reversedRange: { zh: '「{date}」的起止顺序颠倒：结束应晚于开始', en: '“{date}” runs backwards: the end should come after the start' },
      invalidTime: { zh: '「{date}」中的时间不存在：小时应在0至23之间，分、秒应在0至59之间', en: '“{date}” has a time that does not exist: hours run 0–23, minutes and seconds 0–59' },
      invalidDate: { zh: '「{date}」不是有效日期：应写成如「2023年1月10日」的形式', en: '“{date}” is not a valid date: write it like “2023年1月10日”' },
      closingBeforeYear: {
        zh: '成文日期「{date}」早于报告年度「{reportYear}」：报告不可能在所报告的年度开始前成文，日期或报告年度有误',
        en: 'The closing date “{date}” is before the report year “{reportYear}” began: either the date or the report year is wrong',
      },
      closingWithinYear: {
        zh: '成文日期「{date}」还在报告年度「{reportYear}」之内：年度报告总结全年工作，一般在年度结束后、次年3月1日前成文报送',
        en: 'The closing date “{date}” is within the report year “{reportYear}”: an annual report covers the whole year and is normally dated after it ends, before 1 March',
        severity: 'hint',
      },
      closingAfterReportingDeadline: {
        zh: '成文日期「{date}」晚于报送期限「{deadline}」：县级以上政府及其部门应在每年3月1日前报告上一年度法治政府建设情况',
        en: 'The closing date “{date}” is after the reporting deadline “{deadline}”: governments and departments at county level and above report on the previous year before 1 March',
        severity: 'info',
      },
      closingAfterPublicationDeadline: {
        zh: '成文日期「{date}」已过公开期限「{deadline}」：年度报告应在每年4月1日前向社会公开',
        en: 'The closing date “{date}” is past the publication deadline “{deadline}”: annual reports are published before 1 April',
      },
      reportYearHere: { zh: '报告年度「{reportYear}」写在此处', en: 'the report year “{reportYear}” is stated here' },
    },
  },

  check(tree, context) {
    let previous: DateNode | undefined;
    for (const date of tree.data.index.dates) {
      // the parser lists the closing date twice (as inline content and as the closing's date)
      if (date.valid || date === previous) continue;
      previous = date;
      const { messageId, data } = diagnose(date);
      context.report({ messageId, data, position: date.position! });
    }

    const closing = tree.closing?.date;
    if (!closing?.valid || closing.year === undefined || closing.month === undefined || closing.day === undefined) return;
    const { genre, parts, yearSupport } = analyzeReport(tree);
    const y = parts.reportYear;
    if (!genre || y === undefined) return;
    const at = key(closing.year, closing.month, closing.day);
    const data = { date: closing.raw, reportYear: `${y}年` };
    let spec: { messageId: string; data: Record<string, string> } | undefined;
    if (at < key(y, 1, 1)) spec = { messageId: 'closingBeforeYear', data };
    else if (at <= key(y, 12, 31)) spec = { messageId: 'closingWithinYear', data };
    else if (at >= key(y + 1, 4, 1)) spec = { messageId: 'closingAfterPublicationDeadline', data: { ...data, deadline: `${y + 1}年4月1日` } };
    else if (at >= key(y + 1, 3, 1)) spec = { messageId: 'closingAfterReportingDeadline', data: { ...data, deadline: `${y + 1}年3月1日` } };
    if (!spec) return;
    const support = yearSupport[0];
    context.report({
      ...spec,
      position: closing.position!,
      ...(support ? { related: [{ position: support.position, messageId: 'reportYearHere', data }] } : {}),
    });
  },
};
