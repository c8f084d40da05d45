import { reportTitle } from '../../server/src/rules/report-title';
import { testRule } from '../support/rule-tester';

const lines = (...l: string[]) => l.join('\n');

testRule(reportTitle, {
  valid: [
    '枣阳市2023年法治政府建设年度报告\n2023年，枣阳市全面推进法治政府建设。',
    { name: 'department, 关于…情况的报告', text: '市司法局关于2023年度法治政府建设情况的报告\n2023年，市司法局全面推进法治政府建设。' },
    { name: 'Markdown title', format: 'markdown', text: '# 北碚区XX镇2019年法治政府建设工作报告\n\n2019年，我镇深入推进法治政府建设。\n' },
    { name: 'nothing written yet', text: '' },
    { name: 'not a report on law-based government', text: '一、甲\n三、乙\n' },
  ],
  invalid: [
    {
      name: 'no place',
      text: '关于2023年度法治政府建设情况的报告\n2023年，我局全面推进法治政府建设。',
      errors: [{ messageId: 'titleNoPlace', line: 1, severity: 'hint', includes: '标题「关于2023年度法治政府建设情况的报告」没有写明报告的地方或部门' }],
    },
    {
      name: 'no year and not 法治政府建设',
      text: 'XX县依法行政工作报告\n2023年，我县全面推进依法行政。',
      errors: [
        { messageId: 'titleNoYear', line: 1, includes: '应写明所报告的年度，如「2023年」' },
        { messageId: 'titleNoTopic', line: 1 },
      ],
    },
    {
      name: 'missing: a title from the closing organ and the report year is inserted above the opening',
      text: lines('2020年，我县全面推进法治政府建设，取得明显成效。', '一、主要举措和成效', '连江县人民政府', '2020年12月15日'),
      errors: [{ messageId: 'missingTitle', line: 1, column: 1, severity: 'hint', includes: '如「连江县2020年法治政府建设年度报告」' }],
      output: lines('连江县2020年法治政府建设年度报告', '2020年，我县全面推进法治政府建设，取得明显成效。', '一、主要举措和成效', '连江县人民政府', '2020年12月15日'),
    },
    {
      name: 'missing after page furniture: the title goes above the opening, not the furniture',
      text: lines('移动端应用', '政务微信', '2022年,溧阳市深入学习贯彻习近平法治思想,全面完成各项目标任务。', '一、强化组织领导'),
      errors: [{ messageId: 'missingTitle', line: 3 }],
      output: lines('移动端应用', '政务微信', '溧阳市2022年法治政府建设年度报告', '2022年,溧阳市深入学习贯彻习近平法治思想,全面完成各项目标任务。', '一、强化组织领导'),
    },
    {
      name: 'missing in Markdown: the place from the opening sentence, a # heading',
      format: 'markdown',
      text: '洛浦县2022年法治政府建设工作坚持以习近平法治思想为指导，现将法治政府建设工作总结如下：\n\n## 一、主要举措\n',
      errors: [{ messageId: 'missingTitle', line: 1 }],
      output: '# 洛浦县2022年法治政府建设年度报告\n\n洛浦县2022年法治政府建设工作坚持以习近平法治思想为指导，现将法治政府建设工作总结如下：\n\n## 一、主要举措\n',
    },
    {
      name: 'only a closing, no paragraph or section: the hint is on the closing, no fix',
      text: lines('连江县人民政府法治办', '2021年1月5日'),
      errors: [{ messageId: 'missingTitle', line: 1, column: 1, endLine: 2, endColumn: 10 }],
    },
    {
      name: 'Markdown whose text is all inside an unclosed comment: the hint is on the document, no fix',
      format: 'markdown',
      text: '<!--加强党对法治政府建设的领导。',
      errors: [{ messageId: 'missingTitle', line: 1, column: 1 }],
    },
    {
      name: 'missing, place unknown (我镇): no fix',
      text: '2019年，我镇法治政府建设工作深入推进，取得明显成效。\n一、主要举措',
      errors: [{ messageId: 'missingTitle', line: 1, includes: '如「XX县2019年法治政府建设年度报告」' }],
    },
    {
      name: 'English messages',
      locale: 'en',
      text: 'XX县依法行政工作报告\n2023年，我县全面推进依法行政。',
      errors: [
        { messageId: 'titleNoYear', includes: 'The title “XX县依法行政工作报告” does not state the year' },
        { messageId: 'titleNoTopic', includes: 'does not say 法治政府建设' },
      ],
    },
  ],
});
