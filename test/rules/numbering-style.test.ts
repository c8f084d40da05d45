import { strict as assert } from 'node:assert';
import { numberingStyle } from '../../server/src/rules/numbering-style';
import { lintWith, testRule } from '../support/rule-tester';

const PREFER_STANDARD = ['warning', { preferStandard: true }];

testRule(numberingStyle, {
  valid: [
    { name: '1、 throughout', text: '一、甲\n（一）乙\n1、a\n2、b\n（二）丙\n1、c\n2、d' },
    { name: '1. throughout', text: '一、甲\n1.a\n2.b\n二、乙\n1.c' },
    { name: '1． throughout', text: '一、甲\n1．a\n2．b\n3．c' },
    { name: 'pasted text consistently in ASCII brackets', text: '一、甲\n(一)乙\n(二)丙\n1、a\n(1)x\n(2)y\n二、丁\n(一)戊。主要做法：(1)学习；(2)部署。' },
    { name: 'full-width brackets throughout', text: '一、甲\n（一）乙\n（二）丙\n（1）x\n（2）y' },
    { name: 'each bracketed level consistent on its own', text: '一、甲\n（一）乙\n(1)x\n(2)y\n（二）丙\n(1)z' },
    { name: 'level-3 items numbered continuously across level-2 sections', text: '一、甲\n（一）乙\n1.a\n2.b\n（二）丙\n3.c\n4.d' },
    { name: 'numbers that are not markers', text: '一、甲\n1.全年办理12.6万件，1.5个工作日办结。\n2.“12·4”宪法宣传周，3—4月开展。' },
    { name: 'Markdown ordered lists', format: 'markdown', text: '# 一、主要举措\n\n## （一）强化领导\n\n1. 健全制度\n2. 压实责任\n\n## （二）规范执法\n\n1. 规范程序\n' },
    { name: 'preferStandard on a standard document', setting: PREFER_STANDARD, text: '一、甲\n（一）乙\n1.a\n（1）x\n2.b' },
  ],
  invalid: [
    {
      name: 'one delimiter different among siblings',
      text: '（三）推行科学决策\n1、广泛听取意见。\n2、开展风险评估。\n3、进行合法性审查。\n4.坚持集体讨论决定。',
      errors: [{ messageId: 'mixedDelimiter', line: 5, column: 1, endColumn: 3, includes: '「4.」与同组的「3、」写法不同，应为「4、」' }],
      output: '（三）推行科学决策\n1、广泛听取意见。\n2、开展风险评估。\n3、进行合法性审查。\n4、坚持集体讨论决定。',
    },
    {
      name: 'the document’s majority decides, not the list’s',
      text: '（一）甲\n1、a\n2、b\n3、c\n（二）乙\n1、d\n2.e\n3.f',
      errors: [
        { messageId: 'mixedDelimiter', line: 7, includes: '应为「2、」' },
        { messageId: 'mixedDelimiter', line: 8, includes: '应为「3、」' },
      ],
      output: '（一）甲\n1、a\n2、b\n3、c\n（二）乙\n1、d\n2、e\n3、f',
    },
    {
      name: 'full-width full stop among ASCII ones',
      text: '一、甲\n1.a\n2．b\n3.c',
      errors: [{ messageId: 'mixedDelimiter', line: 3, includes: '「2．」' }],
      output: '一、甲\n1.a\n2.b\n3.c',
    },
    {
      name: 'a list written one way while the document writes the level another way: a hint',
      text: '一、甲\n1、a\n2、b\n3、c\n二、乙\n1.d\n2.e',
      errors: [{ messageId: 'runDelimiter', line: 6, severity: 'hint', includes: '本组用「1.」，全文同级序号多写作「1、」' }],
      output: '一、甲\n1、a\n2、b\n3、c\n二、乙\n1、d\n2、e',
    },
    {
      name: 'ASCII and full-width brackets in one document: the minority is reported',
      text: '一、甲\n（一）乙\n（二）丙\n(三)丁\n（四）戊',
      errors: [{ messageId: 'mixedBrackets', line: 4, includes: '「(三)」与本文同级序号「（一）」的括号不一致，应为「（三）」' }],
      output: '一、甲\n（一）乙\n（二）丙\n（三）丁\n（四）戊',
    },
    {
      name: 'mostly ASCII: the full-width one is the odd one out',
      text: '一、甲\n(一)乙\n(二)丙\n（三）丁',
      errors: [{ messageId: 'mixedBrackets', line: 4, includes: '应为「(三)」' }],
      output: '一、甲\n(一)乙\n(二)丙\n(三)丁',
    },
    {
      name: 'brackets inside paragraphs count too',
      text: '一、甲\n（一）乙。主要做法：（1）学习；(2)部署；（3）落实。',
      errors: [{ messageId: 'mixedBrackets', line: 2, includes: '「(2)」' }],
      output: '一、甲\n（一）乙。主要做法：（1）学习；（2）部署；（3）落实。',
    },
    {
      name: 'one bracket of each width in a single marker',
      text: '一、甲\n(一)乙\n(二）丙\n(三)丁',
      errors: [{ messageId: 'halfBracket', line: 3, includes: '「(二）」的左右括号一个全角一个半角，应为「(二)」' }],
      output: '一、甲\n(一)乙\n(二)丙\n(三)丁',
    },
    {
      name: 'an inline list mixing delimiters',
      text: '一、甲\n主要做法：1.学习；2、部署；3.落实。',
      errors: [{ messageId: 'mixedDelimiter', line: 2, includes: '「2、」' }],
      output: '一、甲\n主要做法：1.学习；2.部署；3.落实。',
    },
    {
      name: 'preferStandard: the GB/T 9704 forms',
      setting: PREFER_STANDARD,
      text: '一、甲\n(一)乙\n1、a\n2、b\n(1)x',
      errors: [
        { messageId: 'nonStandard', line: 2, includes: '应为「（一）」' },
        { messageId: 'nonStandard', line: 3, includes: '应为「1.」' },
        { messageId: 'nonStandard', line: 4 },
        { messageId: 'nonStandard', line: 5, includes: '应为「（1）」' },
      ],
      output: '一、甲\n（一）乙\n1.a\n2.b\n（1）x',
    },
    {
      name: 'preferStandard: a mixed list is still reported as mixed',
      setting: PREFER_STANDARD,
      text: '一、甲\n1、a\n2.b',
      errors: [{ messageId: 'mixedDelimiter', line: 2, includes: '应为「1.」' }],
      output: '一、甲\n1.a\n2.b',
    },
    {
      name: 'English messages',
      locale: 'en',
      text: '一、甲\n1、a\n2、b\n3.c',
      errors: [{ messageId: 'mixedDelimiter', includes: '“3.” is written unlike “2、” in the same list; expected “3、”' }],
      output: '一、甲\n1、a\n2、b\n3、c',
    },
  ],
});

describe('numbering-style: related locations', () => {
  it('points at a sibling written as expected, or at the document’s first marker of the expected form', () => {
    const [delimiter] = lintWith(numberingStyle, { text: '一、甲\n1、a\n2.b\n3、c' });
    assert.deepEqual(delimiter!.related?.map((r) => [r.line, r.message]), [[2, '同组序号「1、」']]);
    const [bracket] = lintWith(numberingStyle, { text: '（一）a\n（二）b\n(三)c' });
    assert.deepEqual(bracket!.related?.map((r) => [r.line, r.message]), [[1, '本文的写法「（一）」']]);
  });
});
