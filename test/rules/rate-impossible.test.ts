import { rateImpossible } from '../../server/src/rules/rate-impossible';
import { testRule } from '../support/rule-tester';

testRule(rateImpossible, {
  valid: [
    { name: 'achievable: 80/109 = 73.39%', text: '省以上交办案件109件，实体性化解率73.4%。' },
    { name: 'whole percent', text: '省以上交办案件109件，实体性化解率73%。' },
    { name: 'untestable: N ≥ 100·10^d', text: '省以上交办案件1090件，实体性化解率73.6%。' },
    { name: 'untestable at two decimals only from 10000', text: '受理信访事项9999件，办结率73.61%。' },
    { name: 'approximate base', text: '交办案件100余件，化解率73.6%。' },
    { name: 'one of several bases gives it', text: '受理案件109件，交办案件110件，化解率73.6%。' },
    { name: 'the count is the numerator, not the base', text: '调解成功340件，成功率97.7%。' },
    { name: 'a count that does not read as a base', text: '回访当事人200人，满意率98.6%。' },
    { name: '100% and 0% are always achievable', text: '交办案件7件，化解率100%，反弹率0%。' },
    { name: 'rate not next to its count', text: '交办案件109件，全部录入系统，群众反映良好，化解率73.6%。' },
    { name: 'numerator and denominator both written: rate-mismatch’s case', text: '交办案件109件，化解81件，化解率73.6%。' },
    { name: 'a bound, not a value', text: '交办案件109件，化解率73.6%以上。' },
  ],
  invalid: [
    {
      name: 'no k out of 109 gives 73.6%',
      text: '省以上交办案件109件，实体性化解率73.6%。',
      errors: [{ messageId: 'impossible', line: 1, column: 19, severity: 'warning', includes: '以 109 为分母得不到 73.6%：80/109 = 73.39%，81/109 = 74.31%' }],
    },
    {
      name: 'whole percent with a small base',
      text: '共受理案件7件，办结率50%。',
      errors: [{ messageId: 'impossible', includes: '3/7 = 42.86%，4/7 = 57.14%' }],
    },
    {
      name: 'Chinese numerals in the base',
      text: '共受理案件十二件，办结率50.5%。',
      errors: [{ messageId: 'impossible', includes: '以 12 为分母' }],
    },
    {
      name: 'English message',
      locale: 'en',
      text: '省以上交办案件109件，实体性化解率73.6%。',
      errors: [{ messageId: 'impossible', includes: 'No count out of 109 gives 73.6%: 80/109 = 73.39%，81/109 = 74.31%' }],
    },
  ],
});
