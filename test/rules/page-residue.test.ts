import { strict as assert } from 'node:assert';
import { FURNITURE_WORDS, pageResidue } from '../../server/src/rules/page-residue';
import { lintWith, testRule } from '../support/rule-tester';

const BODY = '2023年，我市坚持以习近平法治思想为指导，全面推进法治政府建设。现将有关情况报告如下：\n一、主要举措\n（一）关闭违规企业12家，依法打印并送达执法文书。';

testRule(pageResidue, {
  valid: [
    { name: 'a report with its own publication note', text: `${BODY}\n某市人民政府\n2024年1月10日\n（此件公开发布）` },
    { name: 'report sentences mentioning 关闭, 打印, 登录, 首页', text: '依法关闭违规企业12家。\n推动政务服务网首页改版，群众登录一次即可办理。\n打印证照实现自助办理。' },
    { name: 'one ordinary label is not page metadata', text: `${BODY}\n数据来源：市统计局。\n时间：2023年全年。` },
    { name: 'headings that contain furniture words', text: '（三）智能问答平台建设\n（四）政务微信矩阵建设\n二、关闭整治情况' },
    { name: 'a long line carrying labels is report text', text: `日期：${'全年开展专项检查，'.repeat(14)}来源：各部门报送。` },
    { name: 'a title', text: '枣阳市2023年法治政府建设年度报告\n\n2023年，枣阳市坚持……' },
  ],
  invalid: [
    {
      name: 'app and login links before the report, one block',
      text: `移动端应用\n政务微信\n政务微博\n智能问答\n登录个人中心\n${BODY}`,
      errors: [{ messageId: 'residueBlock', line: 1, column: 1, endLine: 5, endColumn: 7, includes: '「移动端应用」等5行' }],
      output: BODY,
    },
    {
      name: 'navigation trail and the date/source/font bar around the title, and buttons after the date',
      text:
        '当前所在位置:首页  >  政府信息公开  >  法治政府建设年度报告\n\n枣阳市2023年法治政府建设年度报告\n\n' +
        '日期:2024-03-14 08:45     来源:枣阳市司法局     字体:[         ]   打印\n\n2023年，枣阳市……\n\n' +
        '中共枣阳市委    枣阳市人民政府\n\n2024年2月22日\n\n\n我要写信\n关闭\n返回顶部',
      errors: [
        { messageId: 'residue', line: 1, includes: '「当前所在位置:首页 > 政府信息公开 > 法治政…」' },
        { messageId: 'residue', line: 5 },
        { messageId: 'residueBlock', line: 14, endLine: 16, includes: '「我要写信」等3行' },
      ],
      output: '枣阳市2023年法治政府建设年度报告\n\n2023年，枣阳市……\n\n中共枣阳市委    枣阳市人民政府\n\n2024年2月22日\n',
    },
    {
      name: 'a QR prompt on the last line',
      text: `${BODY}\n连江县人民政府\n2020年12月15日\n扫一扫在手机上查看当前页面`,
      errors: [{ messageId: 'residue', line: 6, includes: '「扫一扫在手机上查看当前页面」' }],
      output: `${BODY}\n连江县人民政府\n2020年12月15日\n`,
    },
    {
      name: 'buttons, share bar and credits in the middle, blank lines between them',
      text: `${BODY}\n\n【打印本页】【关闭窗口】\n\n分享到：微信 微博 QQ空间\n责任编辑：张三\n\n（二）规范执法。`,
      errors: [{ messageId: 'residueBlock', line: 5, endLine: 8, includes: '等3行' }],
      output: `${BODY}\n\n（二）规范执法。`,
    },
    {
      name: 'a blank line that separates paragraphs stays',
      text: `${BODY}\n责任编辑：张三\n\n（二）规范执法。`,
      errors: [{ messageId: 'residue', line: 4 }],
      output: `${BODY}\n\n（二）规范执法。`,
    },
    {
      name: 'other trails and counters',
      text: `您现在的位置：首页 > 政务公开\n${BODY}\n发布时间：2023-03-20  浏览次数：1024\n上一篇：关于印发…的通知\n（二）规范执法。`,
      errors: [
        { messageId: 'residue', line: 1 },
        { messageId: 'residueBlock', line: 5, endLine: 6 },
      ],
      output: `${BODY}\n（二）规范执法。`,
    },
    {
      name: 'information-disclosure metadata and a site footer',
      text: `索引号：11420683/2024-00012\n主题分类：综合政务\n${BODY}\n版权所有：某市人民政府办公室\n鄂ICP备05003321号`,
      errors: [
        { messageId: 'residueBlock', line: 1, endLine: 2 },
        { messageId: 'residueBlock', line: 6, endLine: 7 },
      ],
      output: `${BODY}\n`,
    },
    {
      name: 'CRLF line endings',
      text: `政务微信\r\n政务微博\r\n${BODY.replace(/\n/g, '\r\n')}\r\n关闭\r\n`,
      errors: [
        { messageId: 'residueBlock', line: 1, endLine: 2 },
        { messageId: 'residue', line: 6 },
      ],
      output: `${BODY.replace(/\n/g, '\r\n')}\r\n`,
    },
    {
      name: 'Markdown draft',
      format: 'markdown',
      text: `当前位置：首页 > 政务公开\n\n# 某市2023年法治政府建设年度报告\n\n${BODY}\n`,
      errors: [{ messageId: 'residue', line: 1 }],
      output: `# 某市2023年法治政府建设年度报告\n\n${BODY}\n`,
    },
    {
      name: 'English messages',
      locale: 'en',
      text: `${BODY}\n我要写信\n关闭`,
      errors: [{ messageId: 'residueBlock', includes: 'Web page furniture: “我要写信” and the following lines (2 in all) are not part of the report' }],
      output: `${BODY}\n`,
    },
  ],
});

describe('page-residue: vocabulary', () => {
  it('flags every furniture word standing on a line of its own', () => {
    for (const word of FURNITURE_WORDS) {
      const messages = lintWith(pageResidue, { text: `${BODY}\n${word}` });
      assert.equal(messages.length, 1, word);
    }
  });
});
