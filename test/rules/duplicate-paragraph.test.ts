import { strict as assert } from 'node:assert';
import { duplicateParagraph } from '../../server/src/rules/duplicate-paragraph';
import { lintWith, testRule } from '../support/rule-tester';

const A = '建立重大行政决策全过程记录、材料归档和档案管理制度，实现重大行政决策年度目录事项全部立卷归档。';
const B = '建立决策机关跟踪重大行政决策执行情况和实施效果制度，对实施后明显未达到预期效果的及时调整。';
const LONG =
  '全面落实行政执法公示制度，行政执法主体、权限、依据、程序、救济渠道和随机抽查事项清单等信息全面准确及时主动公开，' +
  '在执法决定作出之日起二十个工作日内向社会公布执法机关、执法对象、执法类别、执法结论等信息，接受社会监督。';

testRule(duplicateParagraph, {
  valid: [
    { name: 'repeated short headings are titles', text: `一、主要举措\n（一）加强组织领导\n${A}\n三、下一步安排\n（一）加强组织领导\n${B}` },
    { name: 'organ names and dates repeat freely', text: `某县人民政府\n${A}\n某县人民政府\n2024年2月20日` },
    { name: 'paragraphs sharing a boilerplate opening', text: `我县认真落实重大行政决策程序，严格依法提请县人大常委会审议决策事项。\n我县认真落实重大行政决策预公开工作机制，做好规范性文件意见征集工作。` },
    { name: 'below twenty CJK characters', text: '严格执行集体讨论决定制度。\n一是\n严格执行集体讨论决定制度。' },
    {
      name: 'similar wording, different substance',
      text: '2022年共收到行政复议申请98件，受理77件，审结73件，直接纠错率为8.2%，实质性化解率为46.5%。\n2022年共办理行政应诉案件34件，负责人出庭应诉率100%，败诉率较上年下降2个百分点。',
    },
  ],
  invalid: [
    {
      name: 'two items repeated verbatim under another heading',
      text: `（五）集体讨论决定\n1、${A}\n2、${B}\n（六）强化决策规范化建设\n1、${A}\n2、${B}\n3、制定终身责任追究制度。`,
      errors: [
        { messageId: 'duplicate', line: 5, column: 1, includes: '与第2行的段落完全相同' },
        { messageId: 'duplicate', line: 6, column: 1, includes: '与第3行的段落完全相同' },
      ],
    },
    {
      name: 'the same text under another marker, in other punctuation width',
      text: `一、甲\n1、${A}\n二、乙\n3.${A.replace(/，/g, ',').replace(/。/g, '.')}`,
      errors: [{ messageId: 'duplicate', line: 4 }],
    },
    {
      name: 'every later copy points at the first',
      text: `${A}\n${B}\n${A}\n${A}`,
      errors: [
        { messageId: 'duplicate', line: 3, includes: '第1行' },
        { messageId: 'duplicate', line: 4, includes: '第1行' },
      ],
    },
    {
      name: 'a near copy with one phrase changed',
      text: `${LONG}\n${LONG.replace('二十个工作日内', '七个工作日内')}`,
      errors: [{ messageId: 'nearDuplicate', line: 2, includes: '与第1行的段落相似度为9' }],
    },
    {
      name: 'a near copy edited at both ends',
      text: `${LONG}\n今年以来，${LONG.slice(2, -5)}主动接受监督。`,
      errors: [{ messageId: 'nearDuplicate', line: 2 }],
    },
    {
      name: 'a body paragraph repeated as the text of an item',
      text: `${LONG}\n二、严格执法\n1、${LONG}`,
      errors: [{ messageId: 'duplicate', line: 3 }],
    },
    {
      name: 'Markdown draft',
      format: 'markdown',
      text: `## （五）集体讨论决定\n\n${A}\n\n## （六）强化决策规范化建设\n\n${A}\n`,
      errors: [{ messageId: 'duplicate', line: 7 }],
    },
    {
      name: 'English messages',
      locale: 'en',
      text: `${A}\n${A}`,
      errors: [{ messageId: 'duplicate', includes: 'is the same as the paragraph at line 1' }],
    },
  ],
});

describe('duplicate-paragraph: related locations and scale', () => {
  it('points at the other copy', () => {
    const [m] = lintWith(duplicateParagraph, { text: `（五）甲\n1、${A}\n（六）乙\n1、${A}` });
    assert.deepEqual(m!.related?.map((r) => [r.line, r.column]), [[2, 1]]);
    assert.match(m!.related![0]!.message, /^另一处：第2行「建立重大行政决策全过程记录、材料…」$/);
  });

  it('stays linear on a large input made of many copies', () => {
    const block = [A, B, LONG, '严格执行集体讨论决定制度。'].join('\n');
    const small = lintWith(duplicateParagraph, { text: Array(50).fill(block).join('\n') });
    const start = process.hrtime.bigint();
    const large = lintWith(duplicateParagraph, { text: Array(2000).fill(block).join('\n') });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    assert.equal(small.length, 49 * 3);
    assert.equal(large.length, 1999 * 3);
    // Quadratic work over 6000 texts would take seconds; linear work takes a few dozen milliseconds.
    assert.ok(ms < 2000, `took ${ms} ms`);
  });
});
