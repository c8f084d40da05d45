import { numberingSequence } from '../../server/src/rules/numbering-sequence';
import { testRule } from '../support/rule-tester';

testRule(numberingSequence, {
  valid: [
    '一、甲\n（一）乙\n（二）丙\n二、丁\n（一）戊',
    '一、甲\n1.乙\n2.丙\n二、丁\n1.戊',
    { name: 'ten and beyond', text: '一、a\n二、b\n三、c\n四、d\n五、e\n六、f\n七、g\n八、h\n九、i\n十、j\n十一、k' },
    { name: 'level-3 numbered continuously across level-2 sections, on purpose', text: '一、甲\n（一）乙\n1.a\n2.b\n（二）丙\n3.c\n4.d\n（三）丁\n5.e' },
    { name: 'numbers that are not markers', text: '一、甲\n2022年，全县…\n3—4月开展…\n1.5个工作日办结。\n二、乙' },
    { name: 'inline enumeration on one line is not a section run', text: '一、甲\n（一）乙\n1、丙\n2、丁\n（一）研究。（二）完善。（三）开展。\n（二）戊' },
    { name: 'markdown headings', format: 'markdown', text: '# 一、甲\n\n## （一）乙\n\n## （二）丙\n\n# 二、丁\n' },
  ],
  invalid: [
    {
      name: 'gap',
      text: '一、甲\n（一）乙\n（二）丙\n（四）丁\n（五）戊',
      errors: [{ messageId: 'gap', line: 4, column: 1, endLine: 4, endColumn: 4, includes: '「（二）」之后应为「（三）」' }],
      output: '一、甲\n（一）乙\n（二）丙\n（三）丁\n（四）戊',
    },
    {
      name: 'duplicate',
      text: '一、甲\n二、乙\n二、丙\n三、丁',
      errors: [{ messageId: 'duplicate', line: 3 }],
      output: '一、甲\n二、乙\n三、丙\n四、丁',
    },
    {
      name: 'backwards',
      text: '1.甲\n2.乙\n3.丙\n2.丁',
      errors: [{ messageId: 'backwards', line: 4 }],
      output: '1.甲\n2.乙\n3.丙\n4.丁',
    },
    {
      name: 'continuous numbering continues from the previous run as renumbered, so one pass fixes every run',
      text: '一、甲\n（一）乙\n1.a\n3.b\n（二）丙\n4.c\n5.d',
      errors: [{ messageId: 'gap', line: 4 }, { messageId: 'startGap', line: 6, includes: '「3.」' }],
      output: '一、甲\n（一）乙\n1.a\n2.b\n（二）丙\n3.c\n4.d',
    },
    {
      name: 'run starts late',
      text: '一、甲\n（二）乙\n（三）丙',
      errors: [{ messageId: 'startGap', line: 2 }],
      output: '一、甲\n（一）乙\n（二）丙',
    },
    {
      name: 'keeps brackets and delimiters as written',
      text: '(1)甲\n(3)乙\n1、丙\n3、丁',
      errors: [{ messageId: 'gap', line: 2 }, { messageId: 'gap', line: 4 }],
      output: '(1)甲\n(2)乙\n1、丙\n2、丁',
    },
    {
      name: 'Chinese numerals past ten',
      text: '九、a\n十、b\n十二、c',
      errors: [{ messageId: 'startGap', line: 1 }, { messageId: 'gap', line: 3 }],
      output: '一、a\n二、b\n三、c',
    },
    {
      name: 'English messages',
      locale: 'en',
      text: '一、a\n三、b',
      errors: [{ messageId: 'gap', includes: 'after “一、” expected “二、”, found “三、”' }],
      output: '一、a\n二、b',
    },
    {
      name: 'CRLF line endings keep their places',
      text: '一、a\r\n二、b\r\n四、c\r\n',
      errors: [{ messageId: 'gap', line: 3, column: 1 }],
      output: '一、a\r\n二、b\r\n三、c\r\n',
    },
  ],
});
