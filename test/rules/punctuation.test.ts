import { strict as assert } from 'node:assert';
import { punctuation } from '../../server/src/rules/punctuation';
import { lintWith, testRule } from '../support/rule-tester';

testRule(punctuation, {
  valid: [
    { name: 'titles and quotations side by side', text: '按照《2022年常州市法治政府建设工作要点》《溧阳市2022年法治政府建设工作要点》等文件要求，落实“放管服”“双随机、一公开”改革。' },
    { name: 'a 顿号 after a bracketed note between titles is right', text: '修订《条例》（2020年）、《办法》（2021年）等制度。' },
    { name: 'a 顿号 between a title and other words', text: '制定《柳荫镇工程项目管理办法》、修订完善各项制度。' },
    { name: 'pasted ASCII brackets and commas', text: '10个乡镇(街道)的20名主要负责人参加了述法,其中乡镇(街道)10名书记现场述法。' },
    { name: 'year ranges with the standard dash throughout', text: '实施《法治政府建设实施纲要（2021—2025年）》，对照2021年—2025年规划。' },
    { name: 'year ranges with the 浪纹线 throughout', text: '实施《规划（2021～2025年）》。' },
    { name: 'dates and numbers that are not year ranges', text: '日期:2024-03-14 08:45，于4月19日-20日、3—8月组织，电话0591-12345。' },
    { name: 'one percent sign throughout', text: '纠错率5.9%，化解率46.5%，执行率100%。' },
    { name: 'numbering markers followed by text only', text: '一、主要举措\n（一）强化组织领导\n1.加强学习\n（1）学法' },
    { name: 'enumerations may take a comma', text: '一是，加强学习；二是：强化考核。第一，完善制度。' },
    { name: 'list markers closed by a bracket alone', text: '主要做法：1)加强学习；2)强化考核；a)其他。' },
    { name: 'nested quotes and titles', text: '开展“学习《宪法》、讲好“法治故事””活动，印发《关于〈实施纲要〉的通知》。' },
    { name: 'a bracket pair of mixed width around a numeral is numbering-style’s', text: '主要做法：(一）加强学习。' },
    { name: 'ASCII quotes in pairs', text: '提升推进"一县(区)一特色品牌"示范点建设。' },
    { name: 'indentation is not a space before a mark', text: '　　2023年，全面推进。' },
  ],
  invalid: [
    {
      name: 'luopu-2022 line 4: 顿号 between some titles of one list and not others',
      text: '制定完善《洛浦县卫生系统突发公共卫生事件应急预案》、《洛浦县食品药品安全事故应急预案》《应对特种设备安全事故应急预案》等应急预案。',
      errors: [{ messageId: 'dunInconsistent', line: 1, column: 5, severity: 'hint', includes: '用「《》」标示的并列成分之间时用时不用顿号，通常不用：「》、《」应为「》《」' }],
      output: '制定完善《洛浦县卫生系统突发公共卫生事件应急预案》《洛浦县食品药品安全事故应急预案》《应对特种设备安全事故应急预案》等应急预案。',
    },
    {
      name: '顿号 between titles and between quotations, in a document that writes no list without them',
      text: '制定《柳荫镇工程项目管理办法》、《柳荫镇服务群众专项经费管理办法》，开展“关于食品药品规范性文件清理工作”、“关于各类责任状等事项文件清理工作”。',
      errors: [
        { messageId: 'dunBetween', includes: '用「《》」标示的并列成分之间通常不用顿号' },
        { messageId: 'dunBetween', includes: '用「“”」标示的并列成分之间通常不用顿号' },
      ],
      output: '制定《柳荫镇工程项目管理办法》《柳荫镇服务群众专项经费管理办法》，开展“关于食品药品规范性文件清理工作”“关于各类责任状等事项文件清理工作”。',
    },
    {
      name: 'the document writes another list without 顿号: the finding points at it',
      text: '按照《甲》《乙》等文件。\n修订《丙》、《丁》、《戊》三项制度。',
      errors: [{ messageId: 'dunInconsistent', line: 2, column: 3, includes: '「》、《」应为「》《」' }],
      output: '按照《甲》《乙》等文件。\n修订《丙》《丁》《戊》三项制度。',
    },
    {
      name: 'liyang-2022 lines 8 and 32: year ranges with two different dashes in one document',
      text: '深入实施《法治溧阳建设规划(2021—2025年)》。\n落实《贯彻落实<法治政府建设实施纲要(2021-2025年)>实施方案》。',
      errors: [{ messageId: 'dashInconsistent', line: 2, includes: '「2021-2025年」与「2021—2025年」，应统一用一字线「2021—2025年」' }],
      output: '深入实施《法治溧阳建设规划(2021—2025年)》。\n落实《贯彻落实<法治政府建设实施纲要(2021—2025年)>实施方案》。',
    },
    {
      name: 'a hyphen or a doubled dash in year ranges throughout',
      text: '纳入《2019-2022年连江县干部教育培训规划》，对2020年-2021年出台的决策开展评估。',
      errors: [
        { messageId: 'yearRangeDash', includes: '「2019-2022年」应为「2019—2022年」' },
        { messageId: 'yearRangeDash', includes: '「2020年-2021年」应为「2020年—2021年」' },
      ],
      output: '纳入《2019—2022年连江县干部教育培训规划》，对2020年—2021年出台的决策开展评估。',
    },
    {
      name: 'punctuation after numbering markers',
      text: '一、、主要举措\n（一）、深入学习\n1.，加强学法\n二、存在问题。主要做法：（1）：学法',
      errors: [
        { messageId: 'markerPunctuation', line: 1, column: 1, endColumn: 4, includes: '序号「一、」后不应再加标点「、」' },
        { messageId: 'markerPunctuation', line: 2, includes: '序号「（一）」后不应再加标点「、」' },
        { messageId: 'markerPunctuation', line: 3, includes: '「1.」' },
        { messageId: 'markerPunctuation', line: 4, includes: '「（1）」' },
      ],
      output: '一、主要举措\n（一）深入学习\n1.加强学法\n二、存在问题。主要做法：（1）学法',
    },
    {
      name: '％ and % mixed: the minority is reported, one fix for all',
      text: '纠错率5.9%，化解率46.5％，执行率100%，满意率98％以上，出庭率100%。',
      errors: [
        { messageId: 'percentMixed', includes: '全文多用「%」，此处为「％」' },
        { messageId: 'percentMixed', includes: '此处为「％」' },
      ],
      output: '纠错率5.9%，化解率46.5%，执行率100%，满意率98%以上，出庭率100%。',
    },
    {
      name: 'spaces before full-width marks',
      text: '全面完成各项目标任务 。现将有关情况报告如下 ：\n一是加强学习　，二是强化考核。',
      errors: [
        { messageId: 'spaceBefore', line: 1, includes: '标点「。」前不应有空格' },
        { messageId: 'spaceBefore', line: 1, includes: '「：」' },
        { messageId: 'spaceBefore', line: 2, includes: '「，」' },
      ],
      output: '全面完成各项目标任务。现将有关情况报告如下：\n一是加强学习，二是强化考核。',
    },
    {
      name: 'quotes and titles left open, and closers without openers',
      text: '落实“谁执法谁普法责任制，学习《宪法。\n开展宣传”活动，印发通知》。',
      errors: [
        { messageId: 'unclosed', line: 1, severity: 'warning', includes: '「“」在本段中没有对应的「”」' },
        { messageId: 'unclosed', line: 1, severity: 'warning', includes: '「《」在本段中没有对应的「》」' },
        { messageId: 'unopened', line: 2, severity: 'warning', includes: '「”」在本段中没有对应的「“」' },
        { messageId: 'unopened', line: 2, severity: 'warning', includes: '「》」在本段中没有对应的「《」' },
      ],
    },
    {
      name: 'a bracket closed inside a quotation that is never closed',
      text: '开展“法律进乡村（社区）活动（第二批。',
      errors: [
        { messageId: 'unclosed', column: 3, includes: '「“」' },
        { messageId: 'unclosed', column: 15, includes: '「（」在本段中没有对应的「）」' },
      ],
    },
    {
      name: 'an odd number of ASCII quotes',
      text: '推进"一县一品牌"和"一村一法律顾问活动。',
      errors: [{ messageId: 'oddQuotes', severity: 'warning' }],
    },
    {
      name: 'a bracket pair of mixed width is balanced but mixed',
      text: '全县各镇(街道）、各部门设立法律顾问（兼职)。',
      errors: [
        { messageId: 'bracketWidth', severity: 'hint', includes: '「(街道）」应为「（街道）」' },
        { messageId: 'bracketWidth', includes: '「（兼职)」应为「（兼职）」' },
      ],
      output: '全县各镇（街道）、各部门设立法律顾问（兼职）。',
    },
    {
      name: 'English messages',
      locale: 'en',
      text: '修订《甲》、《乙》，落实“谁执法谁普法。',
      errors: [
        { messageId: 'dunBetween', includes: 'Consecutive items marked with “《》” are not separated by 顿号: “》、《” should be “》《”' },
        { messageId: 'unclosed', includes: '““” has no matching “”” in this paragraph' },
      ],
      output: '修订《甲》《乙》，落实“谁执法谁普法。',
    },
  ],
});

describe('punctuation: pasted text stays quiet', () => {
  it('ASCII commas, colons and brackets throughout are not this rule’s business', () => {
    const text = '2022年,溧阳市坚持以习近平新时代中国特色社会主义思想为指导,按照要求(见附件1),现将工作情况报告如下:\n一、强化组织领导\n(一)科学部署。深入实施规划,出台方案(试行)。';
    assert.deepEqual(lintWith(punctuation, { text }), []);
  });
});
