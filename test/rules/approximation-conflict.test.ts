import { approximationConflict } from '../../server/src/rules/approximation-conflict';
import { testRule } from '../support/rule-tester';

testRule(approximationConflict, {
  valid: [
    '发放宣传书籍近2.5万册，2.5万余册，约100人，100人左右，不少于5个工作日，8600余人，6.5万余人次。',
    { name: 'words belonging to other words', text: '签约100家企业，最近3年，附近2个村。' },
    { name: 'one word on a rate', text: '满意率达95%以上。' },
  ],
  invalid: [
    {
      name: '近…余 contradict',
      text: '发放《百姓法治宝典》等宣传书籍近2.5万余册。',
      errors: [{ messageId: 'contradictory', line: 1, column: 16, severity: 'warning', includes: '「近2.5万余册」中「近」（少于此数）与「余」（多于此数）相互矛盾，只能保留一个（近 → 24000~25000; 余 → 25000~26000）' }],
    },
    { name: '近…多', text: '参与群众近1000多人。', errors: [{ messageId: 'contradictory', includes: '「近」' }] },
    { name: '超…以下', text: '培训超100人以下。', errors: [{ messageId: 'contradictory', includes: '「以下」（少于此数）与「超」（多于此数）' }] },
    { name: 'on a percentage', text: '化解率近50%以上。', errors: [{ messageId: 'contradictory' }] },
    { name: '约…左右 repeat each other', text: '约100人左右参加培训。', errors: [{ messageId: 'redundant', includes: '「约100人左右」中「约」与「左右」重复表示约数' }] },
    { name: '超过…余', text: '受益群众超过100余人。', errors: [{ messageId: 'redundant' }] },
    { name: '多…以上', text: '开展活动100多场以上。', errors: [{ messageId: 'redundant' }] },
    { name: 'Chinese numerals', text: '组织近三百余人参加。', errors: [{ messageId: 'contradictory' }] },
    {
      name: 'English message',
      locale: 'en',
      text: '宣传书籍近2.5万余册。',
      errors: [{ messageId: 'contradictory', includes: '“近2.5万余册”: “近” (below the number) and “余” (above it) contradict each other' }],
    },
  ],
});
