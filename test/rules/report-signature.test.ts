import { reportSignature } from '../../server/src/rules/report-signature';
import { testRule } from '../support/rule-tester';

const lines = (...l: string[]) => l.join('\n');

testRule(reportSignature, {
  valid: [
    lines('2022年，我县全面推进法治政府建设。', 'XX县人民政府', '2023年1月10日'),
    { name: 'two organs on one line', text: lines('2022年，我县全面推进法治政府建设。', '中共XX县委    XX县人民政府', '2023年1月10日') },
    { name: 'page furniture after the closing', text: lines('2022年，我县全面推进法治政府建设。', 'XX县人民政府', '2023年1月10日', '扫一扫在手机上查看当前页面') },
    { name: 'nothing written yet', text: '' },
    { name: 'not a report on law-based government', text: '一、甲\n三、乙\n' },
  ],
  invalid: [
    {
      name: 'no organ, no date: one message at the end of the text',
      text: lines('2022年，我县全面推进法治政府建设。', '一、主要举措', '继续推进法治政府建设。取得新成效。'),
      errors: [{ messageId: 'missingSignature', line: 3, column: 12, severity: 'hint', includes: '没有署名和成文日期' }],
    },
    {
      name: 'ends on a heading',
      text: lines('2022年，我县全面推进法治政府建设。', '三、下一步打算'),
      errors: [{ messageId: 'missingSignature', line: 2, column: 1 }],
    },
    {
      name: 'a date without an organ',
      text: lines('2022年，我县全面推进法治政府建设。', '2023年1月10日'),
      errors: [{ messageId: 'missingOrgan', line: 2, includes: '成文日期「2023年1月10日」之前没有发文机关署名' }],
    },
    {
      name: 'an organ without a date',
      text: lines('2022年，我县全面推进法治政府建设。', '继续推进。', 'XX县人民政府'),
      errors: [{ messageId: 'missingDate', line: 3, includes: '署名「XX县人民政府」之后没有成文日期' }],
    },
    {
      name: 'English messages',
      locale: 'en',
      text: lines('2022年，我县全面推进法治政府建设。', '2023年1月10日'),
      errors: [{ messageId: 'missingOrgan', includes: 'No reporting organ is named above the date “2023年1月10日”' }],
    },
  ],
});
