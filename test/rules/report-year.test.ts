import { reportYear } from '../../server/src/rules/report-year';
import { testRule } from '../support/rule-tester';

const lines = (...l: string[]) => l.join('\n');
/** A small report with the years under test in its title, opening, first heading and plans heading. */
const report = (title: string, opening: string, measures: string, plans: string) =>
  lines(title, opening, measures, '（一）县委书记切实履行推进法治建设第一责任人职责。', '二、存在的不足和原因', '原因是力量不足。', plans, '继续推进。');

testRule(reportYear, {
  valid: [
    {
      name: 'other years in the text are not statements of the report year',
      text: report(
        'XX县2022年法治政府建设年度报告',
        '2022年，我县深入实施《法治政府建设实施纲要（2021—2025年）》，信访量与2021年同期持平，2018年以来累计办理案件300件。',
        '一、2022年推进法治政府建设的主要举措和成效',
        '三、2023年法治政府建设重点工作',
      ),
    },
    {
      name: 'department report, plans heading without a year',
      text: report('市司法局关于2023年度法治政府建设情况的报告', '2023年，市司法局全面推进法治政府建设。', '一、主要做法和成效', '三、下一步工作计划'),
    },
    {
      name: 'years written in Chinese numerals',
      text: report('XX县二〇二二年法治政府建设年度报告', '二〇二二年，我县全面推进法治政府建设。', '一、主要举措和成效', '三、二〇二三年工作打算'),
    },
    {
      name: 'unnumbered plans about next year',
      text: lines(
        '2022年，我市全面推进法治政府建设，现将工作情况报告如下：',
        '一、强化组织领导',
        '（一）切实履行“第一责任人”职责。',
        '2022年，我市法治政府建设取得了一定成绩，但还存在一些不足：一是能力不足。',
        '2023年，我们将继续推进法治政府建设：一是强化组织领导。',
      ),
    },
    {
      name: 'a year further into a heading is its topic, not its year',
      text: lines('XX县2022年法治政府建设年度报告', '2022年，我县全面推进法治政府建设。', '一、2022年主要举措和成效', '二、持续推进2021年度督察反馈问题整改', '三、存在的问题', '四、2023年工作打算'),
    },
    { name: 'nothing written yet', text: '' },
    { name: 'not a report on law-based government', text: '一、2021年工作打算\n（一）甲' },
  ],
  invalid: [
    {
      name: 'plans about the report year itself',
      text: report('XX县2022年法治政府建设年度报告', '2022年，我县全面推进法治政府建设。', '一、2022年主要举措和成效', '三、2022年工作打算'),
      errors: [{ messageId: 'plansYear', line: 7, column: 3, endColumn: 8, includes: '下一年度安排写的是「2022年」，报告年度为「2022年」，安排应针对「2023年」' }],
      output: report('XX县2022年法治政府建设年度报告', '2022年，我县全面推进法治政府建设。', '一、2022年主要举措和成效', '三、2023年工作打算'),
    },
    {
      name: 'a measures heading left at last year',
      text: report('XX县2022年法治政府建设年度报告', '2022年，我县全面推进法治政府建设。', '一、2021年推进法治政府建设的主要举措和成效', '三、2023年工作打算'),
      errors: [{ messageId: 'headingYear', line: 3, includes: '标题「2021年推进法治政府建设的主要举措和成效」写的是「2021年」，而本报告是「2022年」的年度报告' }],
      output: report('XX县2022年法治政府建设年度报告', '2022年，我县全面推进法治政府建设。', '一、2022年推进法治政府建设的主要举措和成效', '三、2023年工作打算'),
    },
    {
      name: 'a title left at last year, against the opening and the headings',
      text: report('XX县2021年法治政府建设年度报告', '2022年，我县全面推进法治政府建设。', '一、2022年推进法治政府建设的主要举措和成效', '三、2023年工作打算'),
      errors: [{ messageId: 'titleYear', line: 1, column: 4, endColumn: 9 }],
      output: report('XX县2022年法治政府建设年度报告', '2022年，我县全面推进法治政府建设。', '一、2022年推进法治政府建设的主要举措和成效', '三、2023年工作打算'),
    },
    {
      name: 'title against opening only: reported with the title as the reference, no fix (one statement each)',
      text: report('XX县2022年法治政府建设年度报告', '2021年，我县全面推进法治政府建设。', '一、主要举措和成效', '三、下一步工作计划'),
      errors: [{ messageId: 'openingYear', line: 2, column: 1, includes: '开头写的年度「2021年」与标题或各部分标题写明的报告年度「2022年」不一致' }],
    },
    {
      name: 'a stale unnumbered plans paragraph, no fix (only the opening states the year)',
      text: lines(
        '2022年，我市全面推进法治政府建设，现将工作情况报告如下：',
        '一、强化组织领导',
        '（一）切实履行“第一责任人”职责。',
        '2022年，我市法治政府建设取得了一定成绩，但还存在一些不足：一是能力不足。',
        '2022年，我们将继续推进法治政府建设：一是强化组织领导。',
      ),
      errors: [{ messageId: 'plansYear', line: 5, column: 1 }],
    },
    {
      name: 'a year in Chinese numerals is reported without a fix',
      text: report('XX县二〇二二年法治政府建设年度报告', '二〇二二年，我县全面推进法治政府建设。', '一、主要举措和成效', '三、二〇二二年工作打算'),
      errors: [{ messageId: 'plansYear', line: 7, includes: '「二〇二二年」' }],
    },
    {
      name: 'no year anywhere: hint, with an example year from the closing date',
      text: lines('我县全面推进法治政府建设。', '一、主要举措和成效', '二、存在问题', '三、下一步打算', 'XX县人民政府', '2023年1月5日'),
      errors: [{ messageId: 'yearNotStated', line: 1, severity: 'hint', includes: '「2022年，我县（市、区）……」' }],
    },
    {
      name: 'no year and no paragraph, only headings: the hint is on the first heading',
      text: lines('一、强化法治政府建设组织领导', '二、存在问题'),
      errors: [{ messageId: 'yearNotStated', line: 1, column: 1, endLine: 1, endColumn: 15 }],
    },
    {
      name: 'Markdown whose text is all inside an unclosed comment: the hint is on the document',
      format: 'markdown',
      text: '<!--加强党对法治政府建设的领导。',
      errors: [{ messageId: 'yearNotStated', line: 1, column: 1 }],
    },
    {
      name: 'English messages',
      locale: 'en',
      text: report('XX县2022年法治政府建设年度报告', '2022年，我县全面推进法治政府建设。', '一、2022年主要举措和成效', '三、2022年工作打算'),
      errors: [{ messageId: 'plansYear', includes: 'The plans are for “2022年”, but the report is on “2022年”: the plans should be for “2023年”' }],
      output: report('XX县2022年法治政府建设年度报告', '2022年，我县全面推进法治政府建设。', '一、2022年主要举措和成效', '三、2023年工作打算'),
    },
  ],
});
