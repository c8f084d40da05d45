import { strict as assert } from 'node:assert';
import { REDUPLICATED, repeatedWord } from '../../server/src/rules/repeated-word';
import { lintWith, testRule } from '../support/rule-tester';

testRule(repeatedWord, {
  valid: [
    { name: 'AA and AABB reduplication', text: '人人学法、天天讲法，层层压实责任，件件有着落、事事有回音，做到家家户户明明白白，常常深入一线，一一核实。' },
    { name: 'a single character repeated across words', text: '做到一处违法、处处受限，不了了之的问题得到纠正，会议议定事项逐项落实，针对对象开展宣传。' },
    { name: '的 doubled where it belongs', text: '达到目的的手段要合法，标的的价值经过评估，有的的确存在问题，的的确确取得成效。' },
    { name: 'ABAB verbs', text: '这件事要研究研究，大家讨论讨论再定。' },
    { name: 'numbers and counting', text: '一个一个落实，一步一步推进，每年每年坚持，一是一是的提法不在此列：1111件。' },
    { name: 'a word that starts a new word by accident', text: '提升基层党组织组织力，社会组织组织开展公益活动。' },
    { name: 'a chant', text: '现场高呼加油加油加油。' },
    { name: 'the same word across punctuation', text: '加强行政、行政执法监督，推进法治，法治政府建设。' },
  ],
  invalid: [
    {
      name: 'lianjiang-2020 lines 88 and 121',
      text: '今年以来，绝大多数单位都能有序开展两法衔接衔接工作。\n3、加强对各级各部门行政行政权力的监督检查。',
      errors: [
        { messageId: 'repeated', line: 1, column: 20, endColumn: 24, severity: 'hint', includes: '「两法衔接衔接工作」中的「衔接」写了两次，应为「两法衔接工作」' },
        { messageId: 'repeated', line: 2, includes: '「行政」写了两次' },
      ],
      output: '今年以来，绝大多数单位都能有序开展两法衔接工作。\n3、加强对各级各部门行政权力的监督检查。',
    },
    {
      name: '的的 and three- and four-character words',
      text: '全县的的行政执法单位进一步进一步规范执法，推进法治政府法治政府建设。',
      errors: [
        { messageId: 'repeated', includes: '「的」写了两次' },
        { messageId: 'repeated', includes: '「进一步」写了两次' },
        { messageId: 'repeated', includes: '「法治政府」写了两次' },
      ],
      output: '全县的行政执法单位进一步规范执法，推进法治政府建设。',
    },
    {
      name: 'a heading',
      text: '一、依法依法行政工作情况\n全面推进。',
      errors: [{ messageId: 'repeated', line: 1, column: 3, includes: '「依法」' }],
      output: '一、依法行政工作情况\n全面推进。',
    },
    {
      name: 'English messages',
      locale: 'en',
      text: '加强行政行政执法监督。',
      errors: [{ messageId: 'repeated', includes: 'Repeated word: “行政” is written twice in “加强行政行政执法”; expected “加强行政执法”' }],
      output: '加强行政执法监督。',
    },
  ],
});

describe('repeated-word: the list of grammatical reduplications', () => {
  it('lets every listed form through', () => {
    for (const form of REDUPLICATED) assert.deepEqual(lintWith(repeatedWord, { text: `我们${form}吧。` }), [], form);
  });
});
