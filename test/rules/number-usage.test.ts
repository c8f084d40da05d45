import { strict as assert } from 'node:assert';
import { numberUsage } from '../../server/src/rules/number-usage';
import { lintWith, testRule } from '../support/rule-tester';

testRule(numberUsage, {
  valid: [
    { name: 'month-day names written right', text: '开展“12·4”国家宪法日宣传活动，举办“3·15”消费者权益日、“4·15”全民国家安全教育日和4·8司法日活动。' },
    { name: 'Chinese month-day names: the dot only for 一月, 十一月, 十二月', text: '纪念“一·二八”事变和“一二·九”运动，开展“三八”妇女节、五四青年节、“七一”建党纪念活动。' },
    { name: 'decimals are measures, not names', text: '同比增长3.15个百分点，收入12.4万元，占比12.4%，平均1.5个工作日办结，完成2.5万余册。' },
    { name: 'numbers that name days', text: '开展“110”宣传日、“119”消防宣传日和“122”全国交通安全日活动。' },
    { name: 'identifiers and dates', text: '制定方案（枣法办发〔2023〕10号），优化“1+1+N”平台，于4月19日-20日、3—8月组织考试。' },
    { name: 'SI prefixes and 百分点 are not numerals', text: '治理河道4千米，查获5千克，下降3个百分点。' },
    { name: '万 and 亿 may go with digits; ranges that keep their signs', text: '总投资3亿4500万元，受教育学生6.5万余人次，投资9亿～16亿元，比例15%～30%，每组2—3人。' },
    { name: 'fixed expressions in Chinese numerals', text: '深入开展“八五”普法，编制“十四五”规划，学习党的十九大和十九届四中全会精神，推进“最多跑一次”改革，落实“三项制度”。' },
    { name: 'a plain count is not the fixed expression', text: '建立健全3项制度，开展4个全面覆盖行动。' },
    { name: 'counts that are not of one kind', text: '全县3个乡镇、三个社区开展试点。' },
    { name: 'counts in both forms but one of them quoted, an ordinal or 一', text: '完善3项制度，落实“三项制度”。组建5个督察组，其中一个督察组由局长带队，第三个督察组负责乡镇。' },
    { name: 'a fixed expression next to a count of the same kind', text: '建立3项制度，全面推行行政执法三项制度。' },
  ],
  invalid: [
    {
      name: 'lianjiang-2020 line 147: “12.4”',
      text: '开展“12.4”国家宪法周(日)集中宣传教育活动。',
      errors: [{ messageId: 'nameDaySeparator', line: 1, column: 4, endColumn: 8, severity: 'hint', includes: '「12.4」的月、日之间应使用间隔号「·」，应为「12·4」' }],
      output: '开展“12·4”国家宪法周(日)集中宣传教育活动。',
    },
    {
      name: 'lianjiang-2020 line 148: “三·八” and 3.15 without quotes',
      text: '开展“三·八”妇女维权、3.15消费者权益日、国家安全日等专项法治宣传活动。',
      errors: [
        { messageId: 'nameDayChinese', column: 4, includes: '「三·八」应为「三八」' },
        { messageId: 'nameDaySeparator', column: 13, includes: '应为「3·15」' },
      ],
      output: '开展“三八”妇女维权、3·15消费者权益日、国家安全日等专项法治宣传活动。',
    },
    {
      name: 'zaoyang-2023 line 23: “38” and “4••15”',
      text: '组织在“38”国际妇女节、“4••15”国家安全日等时间节点集中开展宣传活动。',
      errors: [
        { messageId: 'nameDayDigits', includes: '「38」' },
        { messageId: 'nameDaySeparator', includes: '「4••15」的月、日之间应使用间隔号「·」，应为「4·15」' },
      ],
      output: '组织在“三八”国际妇女节、“4·15”国家安全日等时间节点集中开展宣传活动。',
    },
    {
      name: 'other separators: full stop, katakana middle dot; 一月 with a wrong separator',
      text: '举办“3．15”消费者权益日、“6・26”国际禁毒日活动，纪念“一.二八”事变。',
      errors: [
        { messageId: 'nameDaySeparator', includes: '「3．15」' },
        { messageId: 'nameDaySeparator', includes: '「6・26」' },
        { messageId: 'nameDaySeparator', includes: '「一.二八」' },
      ],
      output: '举办“3·15”消费者权益日、“6·26”国际禁毒日活动，纪念“一·二八”事变。',
    },
    {
      name: 'digits of a name without the dot: one reading gets a fix, two readings do not',
      text: '开展“315”消费者权益日、“124”宪法日活动。',
      errors: [
        { messageId: 'nameDayDigits', includes: '应为「3·15」' },
        { messageId: 'nameDayAmbiguous', includes: '无法分辨是「1·24」还是「12·4」' },
      ],
      output: '开展“3·15”消费者权益日、“124”宪法日活动。',
    },
    {
      name: 'Arabic digits with 千 and 百',
      text: '发放资料4千份，培训4千5百人次，总投入3亿4千万元，服务3百余户。',
      errors: [
        { messageId: 'mixedNumeral', includes: '「4千」应为「4000」' },
        { messageId: 'mixedNumeral', includes: '「4千5百」应为「4500」' },
        { messageId: 'mixedNumeral', includes: '「4千」应为「4000」' },
        { messageId: 'mixedNumeral', includes: '「3百」应为「300」' },
      ],
      output: '发放资料4000份，培训4500人次，总投入3亿4000万元，服务300余户。',
    },
    {
      name: 'a bare digit after 千 has no place value: no fix',
      text: '共计4千5，另有数据待核。',
      errors: [{ messageId: 'mixedNumeralPlain', includes: '「4千」' }],
    },
    {
      name: 'ranges that drop % or a multiplier',
      text: '覆盖率提高15～30%，总投资9～16亿元，补助1.5-2.5万元。',
      errors: [
        { messageId: 'rangeSign', includes: '「15～30%」中前一个数值的「%」不能省略，应为「15%～30%」' },
        { messageId: 'rangeSign', includes: '应为「9亿～16亿」' },
        { messageId: 'rangeSign', includes: '应为「1.5万-2.5万」' },
      ],
      output: '覆盖率提高15%～30%，总投资9亿～16亿元，补助1.5万-2.5万元。',
    },
    {
      name: 'fixed expressions written with digits',
      text: '深入开展“8五”普法，编制“14五”规划，学习党的19大精神和十九届4中全会精神，推进最多跑1次改革和2法衔接。',
      errors: [
        { messageId: 'fixedExpression', includes: '「8五」是定型词语，其中的数字应使用汉字：「八五」' },
        { messageId: 'fixedExpression', includes: '「十四五」' },
        { messageId: 'fixedExpression', includes: '「十九大」' },
        { messageId: 'fixedExpression', includes: '「四中」' },
        { messageId: 'fixedExpression', includes: '「最多跑一次」' },
        { messageId: 'fixedExpression', includes: '「两法衔接」' },
      ],
      output: '深入开展“八五”普法，编制“十四五”规划，学习党的十九大精神和十九届四中全会精神，推进最多跑一次改革和两法衔接。',
    },
    {
      name: 'a fixed expression that could be a count, in quotes; one whose digit is not first',
      text: '落实行政执法“3项制度”，严格“三会1课”制度。',
      errors: [
        { messageId: 'fixedExpression', includes: '「三项制度」' },
        { messageId: 'fixedExpression', includes: '「三会一课」' },
      ],
      output: '落实行政执法“三项制度”，严格“三会一课”制度。',
    },
    {
      name: 'one kind of count in two forms in one paragraph',
      text: '组建5个督察组开展专项督察，三个督察组已完成实地核查。',
      errors: [{ messageId: 'mixedForms', column: 15, includes: '「三个」与「5个」，宜统一为「3个」' }],
      output: '组建5个督察组开展专项督察，3个督察组已完成实地核查。',
    },
    {
      name: 'English messages',
      locale: 'en',
      text: '开展“12.4”国家宪法日活动，覆盖率提高15～30%。',
      errors: [
        { messageId: 'nameDaySeparator', includes: 'The month-day name “12.4” separates month and day with the middle dot “·”; expected “12·4”' },
        { messageId: 'rangeSign', includes: 'In the range “15～30%” the first number must keep its “%”; expected “15%～30%”' },
      ],
      output: '开展“12·4”国家宪法日活动，覆盖率提高15%～30%。',
    },
  ],
});

describe('number-usage: what the statistics rules read stays untouched', () => {
  it('reports nothing on counts, rates and dates of a typical paragraph', () => {
    const text = '2023年，共收到行政复议申请162件，其中不予立案31件，受理立案131件，直接纠错率为5.9%，3—4月、9—10月集中办理执法证件，平均1.5个工作日办结。';
    assert.deepEqual(lintWith(numberUsage, { text }), []);
  });
});
