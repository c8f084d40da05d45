import { sumMismatch } from '../../server/src/rules/sum-mismatch';
import { testRule } from '../support/rule-tester';

testRule(sumMismatch, {
  valid: [
    {
      name: 'nested breakdowns across sentences; a restated count is not counted twice',
      text: '今年以来，共收件117件行政复议申请。受理51件，其中，维持12件，调解2件、终止4件，撤销25件，确认违法2件，驳回4件，未审结2件；作出不予受理34件；作出行政复议告知书32件；尚有2件正在审理阶段。',
    },
    { name: 'restated inside the list', text: '受理51件，其中维持12件，调解2件，终止4件，撤销25件，确认违法2件，驳回4件，未审结2件，尚有2件正在审理。' },
    { name: 'complementary parts', text: '2023年，共收到行政复议申请162件，其中不予立案31件，受理立案131件。' },
    { name: '其中 names only some parts', text: '目前审结101件，其中，确认违法4件，责令履行2件，行政复议直接纠错率为5.9%。' },
    {
      name: 'one count written in several units; a second measure of one part',
      text: '全市信访部门共受理办理信访事项2007件，与去年基本持平（2021年同期2033件），其中来信396件，来访683批950人次，网上信访928件；办理信访复查复核247件。',
    },
    {
      name: 'a 其中 list breaking down two coordinated counts',
      text: '共有10个乡镇（街道）的20名主要负责人和38个县直单位的50名主要负责人参加了述法，其中乡镇（街道）10名党（工）委书记进行了现场述法，60名党政机关主要负责人书面述法，收回民主测评表75份。',
    },
    { name: '另 closes a breakdown of a count just mentioned', text: '共梳理出需要履行的“三类案件”46件，其中未履行或部分履行3件。工作专班对这3件案件开展实地督察。截至目前，已履行2件，另1件由检察建议转入公益诉讼程序。' },
    { name: 'parts before 共', text: '全县22个乡镇、32个社区、243个村居共297个法律顾问点。' },
    { name: 'Chinese numerals', text: '建成三个乡镇站点、五个社区站点共八个站点。' },
    { name: 'approximate parts as intervals', text: '组织机关干部100余人、村干部50余人共170人参加培训。' },
    { name: '等 admits unlisted items', text: '全县22个乡镇、32个社区、243个村居等共350个法律顾问点。' },
    { name: 'money in 万元', text: '罚没款共计356.8万元，其中罚款300万元，没收违法所得56.8万元。' },
    { name: '共 with a verb is not the sum of the counts before it', text: '检查企业45家，整改12家，共处罚8家。' },
    { name: 'different units are different lists', text: '办理行政处罚14件，罚款金额共计27120元。' },
    { name: '累计 and a new clause are not "A、B共N"', text: '今年新增示范村5个、示范社区3个，累计共45个；全县共有45个。' },
    { name: 'a 其中 list in brackets', text: '市政府共收到人大代表建议和政协提案共计218件（其中建议126件、提案92件），已全部办结。' },
    { name: 'counts after a total are often stages, not parts', text: '共受理案件100件，办结95件，调解结案60件。' },
  ],
  invalid: [
    {
      name: 'a subset adds up: the reader cannot tell what the total covers',
      text: '目前，已实现全县22个乡镇，32个社区，243个村居共275个法律顾问点全覆盖。',
      errors: [{ messageId: 'subset', line: 1, column: 28, severity: 'warning', includes: '22+32+243 = 297，所写总数为 275；而 32+243 = 275' }],
    },
    {
      name: 'parts before 共 exceed the total',
      text: '全县22个乡镇、32个社区、243个村居共290个法律顾问点。',
      errors: [{ messageId: 'mismatch', severity: 'error', includes: '22+32+243 = 297，所写总数为 290' }],
    },
    {
      name: '，共计N after the list',
      text: '受理行政许可120件、行政处罚35件，共计150件。',
      errors: [{ messageId: 'mismatch', severity: 'error', includes: '120+35 = 155，所写总数为 150' }],
    },
    {
      name: 'parts fall short: a category may be missing',
      text: '全县22个乡镇、32个社区、243个村居共300个法律顾问点。',
      errors: [{ messageId: 'short', severity: 'warning' }],
    },
    {
      name: '其余 closes the list',
      text: '共办理案件50件，其中行政处罚30件，其余25件为行政强制。',
      errors: [{ messageId: 'mismatch', severity: 'error', includes: '30+25 = 55，所写总数为 50' }],
    },
    {
      name: 'complementary parts that fall short',
      text: '共收到行政复议申请162件，其中不予立案31件，受理立案130件。',
      errors: [{ messageId: 'short', severity: 'warning', includes: '31+130 = 161' }],
    },
    {
      name: '其中 parts above the whole may overlap',
      text: '培训干部500人，其中领导干部200人，执法人员350人。',
      errors: [{ messageId: 'exceeds', severity: 'warning', includes: '200+350 = 550，总数为 500' }],
    },
    {
      name: 'approximate parts that cannot add up',
      text: '组织机关干部100余人、村干部50余人共140人参加培训。',
      errors: [{ messageId: 'mismatch', includes: '100余+50余' }],
    },
    {
      name: 'a count referred back to by 这',
      text: '梳理出未履行案件3件。工作专班对这3件案件开展实地督察。截至目前，已履行2件，另2件转入诉讼程序。',
      errors: [{ messageId: 'mismatch', line: 1, severity: 'warning', includes: '2+2 = 4，所写总数为 3' }],
    },
    {
      name: 'nested list that does not add up',
      text: '今年以来，共收件117件行政复议申请。受理51件，其中维持12件，撤销25件，确认违法2件，驳回4件，其余10件；作出不予受理34件；作出行政复议告知书32件。',
      errors: [{ messageId: 'mismatch', includes: '12+25+2+4+10 = 53，所写总数为 51' }],
    },
    {
      name: 'English message',
      locale: 'en',
      text: '全县22个乡镇，32个社区，243个村居共275个法律顾问点。',
      errors: [{ messageId: 'subset', includes: 'The parts do not add up to the total: 22+32+243 = 297, stated total 275; but 32+243 = 275' }],
    },
  ],
});
