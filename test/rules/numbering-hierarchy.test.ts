import { strict as assert } from 'node:assert';
import { numberingHierarchy } from '../../server/src/rules/numbering-hierarchy';
import { numberingSequence } from '../../server/src/rules/numbering-sequence';
import { lintWith, testRule } from '../support/rule-tester';

testRule(numberingHierarchy, {
  valid: [
    { name: 'a level skipped in order: 一、 straight to 1.', text: '一、主要举措\n（一）甲\n（二）乙\n二、重点工作\n1.深入开展示范创建。\n2.推进三项制度。' },
    { name: 'lower-level markers inside a paragraph', text: '一、主要举措\n（一）强化执法。主要做法：1.规范程序；2.加强监督；（1）案卷评查；（2）专项检查。' },
    { name: '（一）…（二）… on one line directly under 一、 is a level-2 enumeration in its place', text: '一、主要举措\n（一）研究出台文件。（二）完善数据汇总。（三）开展奖惩。\n二、存在问题' },
    { name: 'inline markers in the opening, outside any section', text: '现将有关情况报告如下：（一）主要举措；（二）存在问题。\n一、主要举措' },
    {
      name: 'level-3 items numbered continuously across level-2 sections',
      text: '一、甲\n（一）乙\n1.a\n2.b\n（二）丙\n3.c\n4.d\n（三）丁\n5.e',
    },
    { name: 'a run that restarts without resuming is a sequence problem, not a hierarchy', text: '一、甲\n二、乙\n三、丙\n一、丁\n二、戊' },
    { name: 'a single stray （一） may be a typo: left to numbering-sequence', text: '（一）甲\n（二）乙\n（一）丙\n（三）丁' },
    { name: 'numbers that are not markers', text: '一、甲\n（一）乙\n2022年，全县……\n3—4月开展……\n“12·4”宪法宣传周……\n1.5个工作日办结，6.5万余人次参加。' },
    { name: 'Markdown draft with headings and an ordered list', format: 'markdown', text: '# 一、主要举措\n\n## （一）强化领导\n\n1. 健全制度\n2. 压实责任\n\n## （二）规范执法\n\n# 二、存在问题\n' },
    { name: '一是 inside a level-4 item is fine', text: '一、甲\n（一）乙\n1.丙\n（1）丁。一是学习；二是部署。' },
  ],
  invalid: [
    {
      name: 'level-2 markers inside a level-3 item (pasted ASCII brackets keep their width)',
      text: '（四）加强事中事后监管\n1、全面推行双随机\n2、加强信用监管。\n(一)研究出台信用有关文件。(二)完善信用数据汇总。(三)开展联合奖惩工作。\n（五）加强市场监管',
      errors: [{ messageId: 'inlineHigher', line: 4, column: 1, endLine: 4, includes: '段内序号「(一)(二)(三)」是第2层序号，却用在第3层「2、」之内' }],
      output: '（四）加强事中事后监管\n1、全面推行双随机\n2、加强信用监管。\n(1)研究出台信用有关文件。(2)完善信用数据汇总。(3)开展联合奖惩工作。\n（五）加强市场监管',
    },
    {
      name: 'full-width document: the suggestion is full-width',
      text: '（一）甲\n1.乙。主要做法：（一）学习；（二）部署。',
      errors: [{ messageId: 'inlineHigher', line: 2, includes: '如「（1）（2）」' }],
      output: '（一）甲\n1.乙。主要做法：（1）学习；（2）部署。',
    },
    {
      name: 'a 一、 run written inside a level-1 paragraph becomes （一）',
      text: '一、主要举措\n主要做法：一、学习贯彻。二、压实责任。',
      errors: [{ messageId: 'inlineHigher', line: 2, column: 6 }],
      output: '一、主要举措\n主要做法：（一）学习贯彻。（二）压实责任。',
    },
    {
      name: 'below level 4 only 一是 is left: no automatic fix',
      text: '一、甲\n（一）乙\n1.丙\n（1）丁。（一）学习；（二）部署。',
      errors: [{ messageId: 'inlineHigher', line: 4, includes: '如「一是二是」' }],
    },
    {
      name: 'same level as the enclosing item',
      text: '一、甲\n（一）乙\n1.丙\n2.丁。具体是：1.学习；2.部署。',
      errors: [{ messageId: 'inlineHigher', line: 4, includes: '第3层序号，却用在第3层「2.」之内' }],
      output: '一、甲\n（一）乙\n1.丙\n2.丁。具体是：（1）学习；（2）部署。',
    },
    {
      name: 'a nested list on lines of its own, written with its parent’s numbering',
      text: '一、甲\n（一）加强监管\n1、推行双随机\n2、加强信用监管\n（一）研究出台文件\n（二）完善数据汇总\n（三）开展联合奖惩\n（二）加强市场监管\n（三）创新社会治理',
      errors: [{ messageId: 'nestedRestart', line: 5, column: 1, endLine: 7, includes: '「（一）—（三）」在「（一）」与「（二）」之间重新起编' }],
    },
    {
      name: 'a 一、 run restarting under 一、 and resuming with 二、',
      text: '一、主要举措\n一、强化领导\n二、完善制度\n二、存在问题\n三、下一步安排',
      errors: [{ messageId: 'nestedRestart', line: 2, includes: '应改用下一层序号，如「（一）」' }],
    },
    {
      name: 'a level-2 marker after level-3 items under the same parent',
      text: '二、存在问题\n1、问题甲\n2、问题乙\n（一）原因甲\n（二）原因乙',
      errors: [{ messageId: 'higherAfterLower', line: 4, includes: '第2层序号「（一）」排在同属一个上级的第3层序号「1、」之后' }],
    },
    {
      name: 'English messages',
      locale: 'en',
      text: '一、甲\n1.乙。(一)学习。(二)部署。',
      errors: [{ messageId: 'inlineHigher', includes: '“(一)(二)” is a level-2 marker used inside the level-3 item “1.”; use a lower-level marker such as “(1)(2)”' }],
      output: '一、甲\n1.乙。(1)学习。(2)部署。',
    },
  ],
});

describe('numbering-hierarchy: related locations', () => {
  it('points an inline finding at the enclosing item, and a nested block at both neighbours', () => {
    const [inline] = lintWith(numberingHierarchy, { text: '（一）甲\n2、乙\n(一)研究。(二)完善。' });
    assert.deepEqual(inline!.related?.map((r) => [r.line, r.message]), [[2, '所在的上级条目「2、」']]);
    const [nested] = lintWith(numberingHierarchy, { text: '（一）甲\n1.乙\n（一）a\n（二）b\n（二）丙' });
    assert.deepEqual(nested!.related?.map((r) => r.line), [1, 5]);
  });
});

describe('numbering-hierarchy and numbering-sequence share the nested block', () => {
  it('leaves the nested block out of the sequence, so that renumbering does not swallow it', () => {
    const text = '一、甲\n（一）加强监管\n1、推行双随机\n（一）研究出台文件\n（二）完善数据汇总\n（二）加强市场监管\n（三）创新社会治理';
    assert.deepEqual(lintWith(numberingHierarchy, { text }).map((m) => m.messageId), ['nestedRestart']);
    assert.deepEqual(lintWith(numberingSequence, { text }), []);
  });
});
