import { strict as assert } from 'node:assert';
import { punctuationWidth } from '../../server/src/rules/punctuation-width';
import { lintWith, testRule } from '../support/rule-tester';

const ON = 'hint';

testRule(punctuationWidth, {
  valid: [
    { name: 'off by default', text: '2022年,溧阳市坚持以习近平法治思想为指导,现将工作情况报告如下:' },
    { name: 'full-width punctuation', setting: ON, text: '2022年，溧阳市坚持以习近平法治思想为指导（试行），现将工作情况报告如下：' },
    { name: 'between digits and Latin text', setting: ON, text: '日期：2024-03-14 08:45，共1,000份，网址http://www.example.gov.cn，型号A,B。' },
    { name: 'numbering markers and list markers stay for numbering-style', setting: ON, text: '主要做法：(一)加强学习。(二)强化考核。1)学法；2)用法。' },
    { name: 'an odd number of ASCII quotes is left alone', setting: ON, text: '推进"一县一品牌"和"一村一法律顾问活动。' },
    { name: 'a Markdown link', setting: ON, format: 'markdown', text: '学习[习近平法治思想](http://www.example.gov.cn/a_(b).html)为指导。\n' },
  ],
  invalid: [
    {
      name: 'one finding per paragraph, one fix for all its marks',
      setting: ON,
      text: '2022年,溧阳市坚持以习近平法治思想为指导;全市各镇(街道)设立法律顾问,现将工作情况报告如下:\n一、强化组织领导\n(一)科学部署。出台"一规划、两方案"?',
      errors: [
        { messageId: 'halfWidth', line: 1, column: 6, severity: 'hint', includes: '本段有6处半角标点（「, ; ( ) :」）用在中文之间，应改为全角' },
        { messageId: 'halfWidth', line: 3, includes: '本段有3处半角标点（「" ?」）' },
      ],
      output: '2022年，溧阳市坚持以习近平法治思想为指导；全市各镇（街道）设立法律顾问，现将工作情况报告如下：\n一、强化组织领导\n(一)科学部署。出台“一规划、两方案”？',
    },
    {
      name: 'spaces after a converted mark go with it',
      setting: ON,
      text: '全面推进, 依法行政! 成效明显。',
      errors: [{ messageId: 'halfWidth', includes: '2处' }],
      output: '全面推进，依法行政！成效明显。',
    },
    {
      name: 'a bracket pair of mixed width',
      setting: ON,
      text: '各镇(街道）设立法律顾问。',
      errors: [{ messageId: 'halfWidth', includes: '1处' }],
      output: '各镇（街道）设立法律顾问。',
    },
    {
      name: 'English messages',
      setting: ON,
      locale: 'en',
      text: '全面推进,依法行政。',
      errors: [{ messageId: 'halfWidth', includes: 'This paragraph has 1 ASCII punctuation marks (“,”) between Chinese text; use full-width marks' }],
      output: '全面推进，依法行政。',
    },
  ],
});

describe('punctuation-width: on a pasted report', () => {
  it('converts a whole report in one pass, leaving the numbering markers', () => {
    const text = '2022年,我市坚持以习近平法治思想为指导,现将有关情况报告如下:\n一、主要举措\n(一)强化组织领导。10个乡镇(街道)的20名主要负责人参加了述法。\n(二)规范执法。日期:2024-03-14 08:45。';
    const messages = lintWith(punctuationWidth, { text, setting: ON });
    assert.deepEqual(messages.map((m) => m.line), [1, 3, 4]);
    assert.ok(messages.every((m) => m.fix));
  });
});
