import { partExceedsWhole } from '../../server/src/rules/part-exceeds-whole';
import { testRule } from '../support/rule-tester';

testRule(partExceedsWhole, {
  valid: [
    { name: '取得资格 ≤ 参加考试, 名 and 人 alike', text: '组织全县29个行政执法单位343名干部参加自治区执法证考试，336人取得执法资格证。' },
    { name: 'different kinds of action', text: '2019年，我镇办理行政处罚14件，罚款金额共计27120元，行政检查21次，检查后处罚9件、办理行政许可217件。' },
    { name: '受理 ≤ 收到', text: '2022年共收到行政复议申请98件，受理77件。' },
    { name: 'equal counts', text: '共调解矛盾纠纷1399件，调解成功1399件，调解成功率100%。' },
    { name: '不予受理 is not a stage after 收到', text: '共收到申请100件，受理60件，不予受理40件。' },
    {
      name: 'a 其中 list breaking down two coordinated counts',
      text: '共有10个乡镇（街道）的20名主要负责人和38个县直单位的50名主要负责人参加了述法，其中乡镇（街道）10名党（工）委书记进行了现场述法，60名党政机关主要负责人书面述法。',
    },
    { name: '人次 and 人 are different counts', text: '组织300人参加考试，取得资格320人次。' },
    { name: 'approximate counts as intervals', text: '共收到申请100余件，受理150件。' },
    { name: '其中 may refer to an earlier count of the sentence', text: '全县共有执法人员600名，今年新增持证人员50名，其中35岁以下120名。' },
    { name: 'a later stage naming another object', text: '今年共收到群众举报投诉120件，受理各类行政复议申请150件。' },
    { name: 'counts at least one each: not a part', text: '全市558个村（社区）共选拔培养“法律明白人”1200人。' },
  ],
  invalid: [
    {
      name: 'a 其中 part above its whole',
      text: '培训干部500人，其中领导干部600人。',
      errors: [{ messageId: 'part', line: 1, column: 16, severity: 'warning', includes: '「领导干部600人」多于其所属的「培训干部500人」（600人 > 500人）' }],
    },
    {
      name: '受理 above 收到',
      text: '共收到行政复议申请98件，受理107件。',
      errors: [{ messageId: 'funnel', severity: 'warning', includes: '「受理107件」多于「收到行政复议申请98件」' }],
    },
    { name: '调解成功 above 调处', text: '调处矛盾纠纷348件，调解成功350件。', errors: [{ messageId: 'funnel' }] },
    {
      name: '取得资格 above 参加考试',
      text: '组织343名干部参加执法资格考试，346人取得执法资格。',
      errors: [{ messageId: 'funnel', includes: '「346人取得执法资格」多于「343名干部参加执法资格考试」' }],
    },
    { name: 'Chinese numerals', text: '收到申请十二件，受理十五件。', errors: [{ messageId: 'funnel' }] },
    {
      name: '审结 above 受理: maybe carried over, a hint',
      text: '2022年共收到行政复议申请98件，受理77件，目前审结101件。',
      errors: [{ messageId: 'carryOver', severity: 'hint', includes: '「审结101件」多于「受理77件」' }],
    },
    {
      name: 'English message',
      locale: 'en',
      text: '共收到行政复议申请98件，受理107件。',
      errors: [{ messageId: 'funnel', includes: 'A later stage exceeds an earlier one: “受理107件” is more than “收到行政复议申请98件” (107件 > 98件)' }],
    },
  ],
});
