import { strict as assert } from 'node:assert';
import { enumerationSequence } from '../../server/src/rules/enumeration-sequence';
import { lintWith, testRule } from '../support/rule-tester';

testRule(enumerationSequence, {
  valid: [
    '主要做法：一是加强学习；二是完善制度；三是强化监督。',
    { name: 'one item per line, one run', text: '2023年，我们将重点做好以下工作：\n一是强化组织领导。\n二是加强制度保障。\n三是坚持依法决策。\n四是推进执法改革。' },
    { name: 'problems, then causes: two runs in one paragraph', text: '存在问题：一是基层力量薄弱；二是培训不足。究其原因，一是投入不够；二是机制不全。' },
    { name: 'a run per section', text: '一、统筹部署\n一是召开会议。二是印发要点。\n二、规范行政\n一是落实审核。二是完善制度。三是加强备案。' },
    { name: 'a new run after a paragraph of its own', text: '一、甲\n薄弱环节：一是服务保障不够；二是队伍建设不足。\n我们将：\n一是强化领导。\n二是加强保障。' },
    { name: '第一，…第二，…', text: '第一，完善制度；第二，加强监督；第三，强化考核。' },
    { name: 'ordinal phrases are not enumerations', text: '第三、第四季度开展专项检查，第二、三批试点单位已确定。' },
    { name: '首先/其次 are not required', text: '首先，加强学习；其次，完善制度；最后，强化监督。' },
    { name: 'words that only look like markers', text: '坚持统一是原则，落实第一责任人职责，二是否达标另行评估。' },
    { name: 'an enumeration of one', text: '下一步，一是继续加强学习。' },
    { name: 'both kinds side by side', text: '第一，完善制度：一是清理文件；二是备案审查。第二，加强监督：一是内部监督；二是外部监督。' },
    { name: 'Markdown draft', format: 'markdown', text: '## 一、主要举措\n\n一是加强学习。\n\n二是完善制度。\n' },
  ],
  invalid: [
    {
      name: 'a gap',
      text: '主要做法：一是加强学习；三是强化监督；四是严格考核。',
      errors: [{ messageId: 'gap', line: 1, column: 13, endColumn: 15, includes: '「一是」之后应为「二是」，此处为「三是」' }],
      output: '主要做法：一是加强学习；二是强化监督；三是严格考核。',
    },
    {
      name: 'a repeated item',
      text: '一是加强学习；二是完善制度；三是强化监督；三是严格考核。',
      errors: [{ messageId: 'duplicate', includes: '「三是」与上一项相同，应为「四是」' }],
      output: '一是加强学习；二是完善制度；三是强化监督；四是严格考核。',
    },
    {
      name: 'going backwards',
      text: '一是加强学习；二是完善制度；三是强化监督；二是严格考核。',
      errors: [{ messageId: 'backwards', includes: '「二是」出现在「三是」之后，应为「四是」' }],
      output: '一是加强学习；二是完善制度；三是强化监督；四是严格考核。',
    },
    {
      name: 'a run that does not start at 一',
      text: '存在问题：二是基层力量薄弱；三是培训不足。',
      errors: [{ messageId: 'startGap', includes: '列举应从「一是」开始，此处为「二是」' }],
      output: '存在问题：一是基层力量薄弱；二是培训不足。',
    },
    {
      name: 'one item per line with a gap',
      text: '我们将：\n一是强化组织领导。\n二是加强制度保障。\n四是坚持依法决策。\n五是推进执法改革。',
      errors: [{ messageId: 'gap', line: 4, column: 1 }],
      output: '我们将：\n一是强化组织领导。\n二是加强制度保障。\n三是坚持依法决策。\n四是推进执法改革。',
    },
    {
      name: 'a line-initial item continues across a paragraph without items',
      text: '我们将：\n一是强化组织领导。\n为此，要压实责任。\n三是坚持依法决策。',
      errors: [{ messageId: 'gap', line: 4 }],
      output: '我们将：\n一是强化组织领导。\n为此，要压实责任。\n二是坚持依法决策。',
    },
    {
      name: 'a restart in the middle of a run',
      text: '主要做法：一是学习；二是部署；三是落实；一是补充制度；四是总结。',
      errors: [{ messageId: 'restart', includes: '「三是」之后又从「一是」数起，随后接「四是」' }],
    },
    {
      name: '第一，第三，',
      text: '第一，完善制度；第三，加强监督。',
      errors: [{ messageId: 'gap', includes: '「第一」之后应为「第二」' }],
      output: '第一，完善制度；第二，加强监督。',
    },
    {
      name: 'numerals past ten',
      text: '一是a；二是b；三是c；四是d；五是e；六是f；七是g；八是h；九是i；十是j；十二是k。',
      errors: [{ messageId: 'gap', includes: '「十是」之后应为「十一是」，此处为「十二是」' }],
      output: '一是a；二是b；三是c；四是d；五是e；六是f；七是g；八是h；九是i；十是j；十一是k。',
    },
    {
      name: 'English messages',
      locale: 'en',
      text: '一是a；三是b。',
      errors: [{ messageId: 'gap', includes: 'after “一是” expected “二是”, found “三是”' }],
      output: '一是a；二是b。',
    },
  ],
});

describe('enumeration-sequence: related locations', () => {
  it('points at the previous item, and for a restart also at the item that resumes the count', () => {
    const [gap] = lintWith(enumerationSequence, { text: '一是a；\n三是b。' });
    assert.deepEqual(gap!.related?.map((r) => [r.line, r.message]), [[1, '上一项「一是」']]);
    const [restart] = lintWith(enumerationSequence, { text: '一是a；二是b；一是c；三是d。' });
    assert.deepEqual(restart!.related?.map((r) => r.column), [5, 13]);
  });
});
