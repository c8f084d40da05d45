import { reportDate } from '../../server/src/rules/report-date';
import { testRule } from '../support/rule-tester';

const lines = (...l: string[]) => l.join('\n');
const dated = (date: string) => lines('XX县2022年法治政府建设年度报告', '2022年，我县全面推进法治政府建设。', 'XX县人民政府', date);

testRule(reportDate, {
  valid: [
    { name: 'dated in January of the next year', text: dated('2023年1月10日') },
    { name: 'dated on the last day of February', text: dated('2023年2月28日') },
    { name: '29 February of a leap year, ranges and times that exist', text: '2024年2月29日召开会议，3—8月开展整治，4月19日-20日培训，日期：2024-03-14 08:45' },
    { name: 'no report year known: the closing date is not judged', text: lines('我县全面推进法治政府建设。', 'XX县人民政府', '2025年6月1日') },
  ],
  invalid: [
    {
      name: 'dates that do not exist',
      text: '2022年，我县于2022年2月30日召开会议，13月开展检查，2022年8—3月集中整治，4月31日验收。',
      errors: [
        { messageId: 'invalidDay', line: 1, column: 10, endColumn: 20, includes: '「2022年2月30日」不是有效日期：2月只有28天' },
        { messageId: 'invalidMonth', column: 25, includes: '「13月」中的月份「13」不存在' },
        { messageId: 'reversedRange', column: 33, includes: '「2022年8—3月」的起止顺序颠倒' },
        { messageId: 'invalidDay', column: 47, includes: '4月只有30天' },
      ],
    },
    {
      name: 'a time that does not exist',
      text: '日期：2024-03-14 25:10',
      errors: [{ messageId: 'invalidTime', line: 1, column: 4 }],
    },
    {
      name: 'an invalid closing date is reported once, and its window is not judged',
      text: dated('2023年2月29日'),
      errors: [{ messageId: 'invalidDay', line: 4, severity: 'warning' }],
    },
    {
      name: 'dated within the report year: hint',
      text: dated('2022年12月15日'),
      errors: [{ messageId: 'closingWithinYear', line: 4, column: 1, severity: 'hint', includes: '成文日期「2022年12月15日」还在报告年度「2022年」之内' }],
    },
    {
      name: 'dated in March of the next year: info',
      text: dated('2023年3月15日'),
      errors: [{ messageId: 'closingAfterReportingDeadline', line: 4, severity: 'info', includes: '晚于报送期限「2023年3月1日」' }],
    },
    {
      name: 'dated on or after 1 April of the next year: warning',
      text: dated('2023年4月1日'),
      errors: [{ messageId: 'closingAfterPublicationDeadline', line: 4, severity: 'warning', includes: '已过公开期限「2023年4月1日」' }],
    },
    {
      name: 'dated before the report year began: warning',
      text: dated('2021年12月30日'),
      errors: [{ messageId: 'closingBeforeYear', line: 4, severity: 'warning' }],
    },
    {
      name: 'English messages',
      locale: 'en',
      text: dated('2022年12月15日'),
      errors: [{ messageId: 'closingWithinYear', includes: 'The closing date “2022年12月15日” is within the report year “2022年”' }],
    },
  ],
});
