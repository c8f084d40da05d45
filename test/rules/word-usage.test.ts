import { strict as assert } from 'node:assert';
import { parseConfig } from '../../server/src/engine/config';
import { lintText } from '../../server/src/engine/lint';
import { numberUsage } from '../../server/src/rules/number-usage';
import { RULE_IDS } from '../../server/src/rules';
import data from '../../server/src/rules/data/word-usage.json';
import { readWordOptions, wordUsage } from '../../server/src/rules/word-usage';
import { lintWith, testRule } from '../support/rule-tester';

const USER_WORDS = ['hint', { words: [{ wrong: '法制副校长', right: '法治副校长', note: '2021年起统一称法治副校长' }, { wrong: '截止目前', right: '到目前为止' }] }];

testRule(wordUsage, {
  valid: [
    { name: '截止 where it means a deadline; 截至 before a time', text: '报名截止日期为3月1日，逾期不再受理，报名截止后公布名单。截至目前，已完成清理；截至2023年底，共受理案件。请于截止日前提交材料。' },
    { name: 'liyang-2022 line 27: the slogan written right', text: '召开2022年“谁执法谁普法”履职报告评议会，全面落实“谁执法谁普法”考核办法。' },
    { name: '升入 where it means entering a school', text: '帮助困难学生顺利升入高中、升入大学。' },
    { name: 'cited titles written right, in any bracket width', text: '贯彻落实《党政主要负责人履行推进法治建设第一责任人职责规定》《重大行政决策程序暂行条例》《法治政府建设实施纲要(2021-2025年)》，制定《贯彻落实<法治政府建设实施纲要（2021—2025年）>实施方案》。' },
    { name: 'a local title that only contains a national one', text: '制定《溧阳市人民政府重大行政决策程序规定》《党政主要负责人履行推进法治建设第一责任人职责清单》。' },
    { name: 'complete document numbers, anonymised names, multiplication, Latin words', text: '制定方案（枣法办发〔2023〕10号），王某某涉嫌违法被立案，面积3×4米，使用X光机和Xbox设备，完成XXL型号采购。' },
    { name: '法制 in its own right', text: '重大执法决定法制审核，县政府法制部门，坚持法制统一原则，依法制定规范性文件。' },
  ],
  invalid: [
    {
      name: 'lianjiang-2020: 截止日前 and 截止目前',
      text: '截止日前，完成信用数据录入80多万条。\n截止目前，县司法局审核各类协议百余份。',
      errors: [
        { messageId: 'wordNote', line: 1, column: 1, endColumn: 5, severity: 'hint', includes: '「截止日前」应为「截至目前」' },
        { messageId: 'wordNote', line: 2, includes: '「截止目前」应为「截至目前」' },
      ],
      output: '截至目前，完成信用数据录入80多万条。\n截至目前，县司法局审核各类协议百余份。',
    },
    {
      name: '截止 before a time, 截止到, 截至日期',
      text: '截止2022年底，共办理案件；截止到11月，已完成；申报截至日期为3月1日。',
      errors: [
        { messageId: 'wordNote', includes: '「截止」应为「截至」' },
        { messageId: 'wordNote', includes: '「截止到」应为「截至」' },
        { messageId: 'wordNote', includes: '「截至日期」应为「截止日期」' },
      ],
      output: '截至2022年底，共办理案件；截至11月，已完成；申报截止日期为3月1日。',
    },
    {
      name: 'luopu-2022 line 11: 持续升入推进',
      text: '持续升入推进“八五”普法规划。',
      errors: [{ messageId: 'wordNote', column: 3, endColumn: 5, includes: '「升入」应为「深入」' }],
      output: '持续深入推进“八五”普法规划。',
    },
    {
      name: 'liyang-2022 line 37: the inverted slogan',
      text: '全面落实“谁普法谁执法”普法责任制。',
      errors: [{ messageId: 'wordNote', includes: '「谁普法谁执法」应为「谁执法谁普法」' }],
      output: '全面落实“谁执法谁普法”普法责任制。',
    },
    {
      name: 'typos of the genre',
      text: '按照上级布署，推进法制政府建设，规范执法记录议使用，严惩不怠。',
      errors: [
        { messageId: 'wordNote', includes: '「布署」应为「部署」' },
        { messageId: 'wordNote', includes: '「法制政府」应为「法治政府」' },
        { messageId: 'wordNote', includes: '「执法记录议」应为「执法记录仪」' },
        { messageId: 'wordNote', includes: '「严惩不怠」应为「严惩不贷」' },
      ],
      output: '按照上级部署，推进法治政府建设，规范执法记录仪使用，严惩不贷。',
    },
    {
      name: 'mis-cited titles, also inside another title and in ASCII brackets',
      text: '贯彻《重大行政决策程序条例》《党政主要负责人履行推进法治建设第一责任人职责的规定》，落实《关于落实<法治政府建设实施纲要(2021-2025)>的方案》，清理不符合《优化营商环境》的规范性文件。',
      errors: [
        { messageId: 'title', includes: '《重大行政决策程序条例》应为《重大行政决策程序暂行条例》（国务院令第713号' },
        { messageId: 'title', includes: '应为《党政主要负责人履行推进法治建设第一责任人职责规定》' },
        { messageId: 'title', includes: '《法治政府建设实施纲要(2021-2025)》应为《法治政府建设实施纲要（2021—2025年）》' },
        { messageId: 'title', includes: '《优化营商环境》应为《优化营商环境条例》' },
      ],
      output: '贯彻《重大行政决策程序暂行条例》《党政主要负责人履行推进法治建设第一责任人职责规定》，落实《关于落实<法治政府建设实施纲要（2021—2025年）>的方案》，清理不符合《优化营商环境条例》的规范性文件。',
    },
    {
      name: 'stale template text',
      text: 'XX县20XX年法治政府建设工作报告\n××局按照〔 〕号文件和〔2023〕号通知要求，于X月X日完成。\n某某县人民政府',
      errors: [
        { messageId: 'template', line: 1, column: 1, endColumn: 4, severity: 'warning', includes: '「XX县」' },
        { messageId: 'template', line: 1, severity: 'warning', includes: '「20XX年」' },
        { messageId: 'template', line: 2, includes: '「××局」' },
        { messageId: 'emptyDocNumber', line: 2, severity: 'warning', includes: '「〔 〕号」' },
        { messageId: 'emptyDocNumber', line: 2, includes: '「〔2023〕号」' },
        { messageId: 'template', line: 2, includes: '「X月X日」' },
        { messageId: 'placeholderName', line: 3, severity: 'info', includes: '「某某县」' },
      ],
    },
    {
      name: 'the user’s words, one replacing a built-in entry',
      setting: USER_WORDS,
      text: '配齐法制副校长，截止目前已覆盖全部学校。',
      errors: [
        { messageId: 'wordNote', includes: '「法制副校长」应为「法治副校长」：2021年起统一称法治副校长' },
        { messageId: 'word', includes: '「截止目前」应为「到目前为止」' },
      ],
      output: '配齐法治副校长，到目前为止已覆盖全部学校。',
    },
    {
      name: 'English messages',
      locale: 'en',
      text: '贯彻《重大行政决策程序条例》，落实谁普法谁执法。',
      errors: [
        { messageId: 'title', includes: 'The title is cited wrongly: 《重大行政决策程序条例》 should be 《重大行政决策程序暂行条例》' },
        { messageId: 'wordNote', includes: '“谁普法谁执法” should be “谁执法谁普法”' },
      ],
      output: '贯彻《重大行政决策程序暂行条例》，落实谁执法谁普法。',
    },
  ],
});

describe('word-usage: the dictionary and its option', () => {
  it('ships valid data: every built-in entry passes the option check, every title has its mis-citations', () => {
    assert.deepEqual(readWordOptions({ words: data.words }).problems, []);
    for (const t of data.titles) assert.ok(t.wrong.length > 0 && !t.wrong.includes(t.right), t.right);
  });

  it('finds each built-in entry, and its correction is not found again', () => {
    for (const w of data.words) {
      const after = w.onlyFollowedBy?.[0] ?? '';
      const messages = lintWith(wordUsage, { text: `，${w.wrong}${after}，` });
      assert.equal(messages.length, 1, w.wrong);
      assert.deepEqual(lintWith(wordUsage, { text: `，${w.right}${after}，` }), [], w.right);
    }
  });

  it('reports problems in the option with their place in the configuration', () => {
    const text = JSON.stringify(
      { rules: { 'word-usage': ['hint', { words: [{ wrong: '甲', right: '乙' }, { wrong: '', right: 1, extra: true }, 'x', { wrong: '丙', right: '丙' }], other: 1 }] } },
      null,
      2,
    );
    const { config, problems } = parseConfig(text, RULE_IDS);
    assert.deepEqual(
      problems.map((p) => p.key),
      [
        'rules.word-usage[1].other',
        'rules.word-usage[1].words[1].extra',
        'rules.word-usage[1].words[1].wrong',
        'rules.word-usage[1].words[1].right',
        'rules.word-usage[1].words[2]',
        'rules.word-usage[1].words[3]',
      ],
    );
    const wrong = problems.find((p) => p.key === 'rules.word-usage[1].words[1].wrong')!;
    assert.equal(text.split('\n')[wrong.line - 1]!.trim(), '"wrong": "",');
    assert.match(wrong.message.zh, /应为非空字符串/);
    // The valid entry still applies.
    const messages = lintWith(wordUsage, { text: '甲。', setting: config.rules['word-usage'] ? ['hint', config.rules['word-usage'].options] : undefined });
    assert.deepEqual(messages.map((m) => m.message), ['「甲」应为「乙」']);
  });

  it('finds a user’s word even when another rule scanned the tree before the word was known', () => {
    // number-usage runs first and leaves its scan on the tree; the user's entry starts with a
    // pair of characters no built-in entry has, so the scan must be redone for it.
    const config = parseConfig(JSON.stringify({ rules: { 'word-usage': ['hint', { words: [{ wrong: '旁听庭审活动', right: '庭审旁听活动' }] }] } }), RULE_IDS).config;
    const { messages } = lintText('组织开展旁听庭审活动2次。', { rules: [numberUsage, wordUsage], config });
    assert.deepEqual(messages.map((m) => m.message), ['「旁听庭审活动」应为「庭审旁听活动」']);
  });

  it('checks the option in overrides too', () => {
    const { problems } = parseConfig(JSON.stringify({ overrides: [{ files: 'a.txt', rules: { 'word-usage': { severity: 'warning', words: {} } } }] }), RULE_IDS);
    assert.deepEqual(problems.map((p) => [p.key, p.message.en]), [['overrides[0].rules.word-usage.words', '“words” must be an array: [{"wrong": "…", "right": "…", "note": "…"}]']]);
  });
});
