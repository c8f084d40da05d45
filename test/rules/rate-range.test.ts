import { rateRange } from '../../server/src/rules/rate-range';
import { testRule } from '../support/rule-tester';

testRule(rateRange, {
  valid: [
    '调解成功率达100%。',
    '调解成功率达99.9%，结案率为0%。',
    { name: 'growth above 100% is fine', text: '受理案件同比增长150%，增长率达120%，增幅为230%。' },
    { name: 'plans can be over-fulfilled', text: '年度任务完成率为120%。' },
    { name: 'a range, not a negative number', text: '合格率为3-5%。' },
    { name: 'bounds at 100%', text: '群众满意率在100%以下，覆盖率超100%的情形不存在。' },
  ],
  invalid: [
    {
      name: 'above 100%',
      text: '2019年，调处纠纷348件，调解成功率达102%。',
      errors: [{ messageId: 'above', line: 1, column: 22, severity: 'error', includes: '「调解成功率」为 102%，超过 100%' }],
    },
    { name: 'a share above 100%', text: '受理51件，占120%。', errors: [{ messageId: 'above', includes: '「所占比例」为 120%' }] },
    { name: 'written in Chinese numerals', text: '合格率为百分之一百二十。', errors: [{ messageId: 'above' }] },
    { name: 'an approximate value wholly above 100%', text: '覆盖率达120%以上。', errors: [{ messageId: 'above' }] },
    { name: 'negative', text: '合格率为-5%。', errors: [{ messageId: 'negative', includes: '「合格率」为负数（-5%）' }] },
    { name: 'English message', locale: 'en', text: '调解成功率达102%。', errors: [{ messageId: 'above', includes: '“调解成功率” is 102%, above 100%' }] },
  ],
});
