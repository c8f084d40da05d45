import { changeMismatch } from '../../server/src/rules/change-mismatch';
import { testRule } from '../support/rule-tester';

testRule(changeMismatch, {
  valid: [
    { name: '基本持平 within ±5%', text: '今年以来，全市信访部门共受理办理信访事项2007件，与去年基本持平（2021年同期2033件），其中来信396件。' },
    { name: 'no base figure', text: '越级进京访同比下降56%，赴省上访同比下降43.4%。' },
    { name: 'a base figure in another clause group', text: '受理信访事项2007件（2021年同期2033件）；越级进京访同比下降56%。' },
    { name: 'percent change at its precision', text: '受理信访事项2007件，同比下降1.3%（2021年同期2033件）。' },
    { name: '由…到…', text: '受理案件由去年的100件增加到150件，增长50%。' },
    { name: 'absolute change', text: '受理案件150件，较去年增加50件（去年同期100件）。' },
    { name: '是…的2倍', text: '办理案件300件，是去年同期150件的2倍。' },
    { name: '由…增至…', text: '受理案件由去年的100件增至150件，增长50%。' },
    { name: '增长2倍 read as ×3', text: '办理案件300件，比去年同期100件增长2倍。' },
    { name: '增长2倍 read as ×2', text: '办理案件200件，比去年同期100件增长2倍。' },
    { name: '翻一番 for a round doubling', text: '办理案件400件，较去年同期190件翻了一番。' },
    { name: 'approximate base: cannot tell', text: '受理案件150件，同比增长20%（去年同期100余件）。' },
    { name: 'years as labels', text: '2023年共收到政府信息公开申请236件，较上年增长15.7%（2022年204件）。' },
    { name: 'Chinese numerals and 万', text: '办理案件1.2万件，同比增长20%（去年同期一万件）。' },
  ],
  invalid: [
    {
      name: 'stated growth, figures fell',
      text: '受理信访事项2007件，同比增长12%（2021年同期2033件）。',
      errors: [{ messageId: 'mismatch', line: 1, column: 17, severity: 'warning', includes: '(2007−2033)/2033 = −1.28%，所写为「增长12%」' }],
    },
    {
      name: '基本持平 beyond ±5%',
      text: '受理信访事项2107件，与去年基本持平（2021年同期1933件）。',
      errors: [{ messageId: 'flat', includes: '「基本持平」与数字不符：(2107−1933)/1933 = +9.00%，超出 ±5%' }],
    },
    { name: 'a bare 持平 within ±2%', text: '受理案件103件，与去年持平（去年同期100件）。', errors: [{ messageId: 'flat', includes: '±2%' }] },
    { name: '由…到…', text: '受理案件由去年的100件增加到150件，增长40%。', errors: [{ messageId: 'mismatch', includes: '(150−100)/100 = +50.00%' }] },
    { name: 'absolute change', text: '受理案件150件，较去年增加20件（去年同期100件）。', errors: [{ messageId: 'mismatch', includes: '150−100 = +50，所写为「增加20件」' }] },
    { name: '是…的2倍 that is ×3.33', text: '办理案件500件，是去年同期150件的2倍。', errors: [{ messageId: 'mismatch', includes: '500/150 = ×3.33' }] },
    { name: '增长2倍 that is ×5', text: '办理案件500件，比去年同期100件增长2倍。', errors: [{ messageId: 'mismatch', includes: '500/100 = ×5.00' }] },
    { name: '翻一番 that is ×2.63', text: '办理案件500件，较去年同期190件翻了一番。', errors: [{ messageId: 'mismatch', includes: '「翻了一番」' }] },
    {
      name: 'approximate base that cannot explain it',
      text: '受理案件150件，同比增长80%（去年同期100余件）。',
      errors: [{ messageId: 'mismatch', includes: '(150−100余)/100余 = −25.00%~+50.00%，所写为「增长80%」' }],
    },
    { name: 'direction', text: '受理案件110件，同比下降10%（去年同期100件）。', errors: [{ messageId: 'mismatch', includes: '+10.00%，所写为「下降10%」' }] },
    {
      name: 'English message',
      locale: 'en',
      text: '受理信访事项2007件，同比增长12%（2021年同期2033件）。',
      errors: [{ messageId: 'mismatch', includes: 'The stated change does not match the figures: (2007−2033)/2033 = −1.28%, stated “增长12%”' }],
    },
  ],
});
