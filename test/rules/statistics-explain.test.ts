/** The hover contract: explainStatistics lists every rate, total and change with its computation. */
import { strict as assert } from 'node:assert';
import { parse } from '../../server/src/parser';
import { analyseStatistics, explainStatistics, roundedPercent } from '../../server/src/rules/support/statistics';

const explain = (text: string) => explainStatistics(parse(text));
const brief = (text: string) => explain(text).map((e) => `${e.kind} ${e.verdict} ${e.text.zh}`);

describe('explainStatistics', () => {
  it('explains a consistent rate, in both languages, at the rate', () => {
    const [e, ...rest] = explain('2019年，各级调解组织及时调处了348件，调解成功340件，成功率达97.7%。');
    assert.equal(rest.length, 0);
    assert.deepEqual(e!.text, {
      zh: '340/348 = 97.70%，与所写 97.7% 一致',
      en: '340/348 = 97.70%, consistent with the stated 97.7%',
    });
    assert.equal(e!.kind, 'rate');
    assert.equal(e!.verdict, 'consistent');
    assert.deepEqual(
      { line: e!.position.start.line, column: e!.position.start.column, endColumn: e!.position.end.column },
      { line: 1, column: 36, endColumn: 41 },
    );
    assert.deepEqual(e!.computation, { expression: '340/348', value: 97.7, stated: '97.7%', numerator: 340, denominator: 348, expected: '97.7%' });
  });

  it('explains an inconsistent rate with the rate it should be', () => {
    const [e] = explain('全年审结行政复议案件101件，其中确认违法4件、责令履行2件，直接纠错率为6.9%。').filter((x) => x.kind === 'rate');
    assert.equal(e!.verdict, 'inconsistent');
    assert.equal(e!.text.zh, '(4+2)/101 = 5.94%，所写为 6.9%');
    assert.equal(e!.text.en, '(4+2)/101 = 5.94%, stated 6.9%');
    assert.equal(e!.computation.expected, '5.9%');
  });

  it('explains a rate checked only by its base (GRIM)', () => {
    assert.deepEqual(brief('省以上交办案件109件，实体性化解率73.4%。'), ['rate consistent 以 109 为分母，80/109 = 73.39%，与所写 73.4% 相符']);
    const [e] = explain('省以上交办案件109件，实体性化解率73.6%。');
    assert.equal(e!.verdict, 'inconsistent');
    assert.deepEqual(e!.computation.achievable, [73.39, 74.31]);
  });

  it('hedges a reading found only by trying pairs of counts', () => {
    const [e] = explain('受理案件120件，办理投诉60件，群众满意率50%。');
    assert.equal(e!.verdict, 'unverifiable');
    assert.match(e!.text.zh, /^所列数字中 60\/120 = 50\.00%，可得所写 50%/);
  });

  it('leaves out rates with nothing to compute them from', () => {
    assert.deepEqual(explain('县级政务服务事项网上可办率不低于80%，行政机关负责人出庭应诉率100%，越级进京访同比下降56%。'), []);
  });

  it('explains nested totals in document order', () => {
    assert.deepEqual(
      brief('今年以来，共收件117件行政复议申请。受理51件，其中，维持12件，调解2件、终止4件，撤销25件，确认违法2件，驳回4件，未审结2件；作出不予受理34件；作出行政复议告知书32件；尚有2件正在审理阶段。'),
      ['total consistent 51+34+32 = 117，与 117 一致', 'total consistent 12+2+4+25+2+4+2 = 51，与 51 一致'],
    );
  });

  it('shows units when a total sums across units, and the change against last year', () => {
    assert.deepEqual(brief('全市信访部门共受理办理信访事项2007件，与去年基本持平（2021年同期2033件），其中来信396件，来访683批950人次，网上信访928件。'), [
      'total consistent 396件+683批+928件 = 2007，与 2007 一致',
      'change consistent (2007−2033)/2033 = −1.28%，与「基本持平」相符',
    ]);
  });

  it('explains totals that do not add up, and lists that may be incomplete', () => {
    assert.deepEqual(brief('全县22个乡镇，32个社区，243个村居共275个法律顾问点。'), ['total inconsistent 22+32+243 = 297，所写总数为 275；其中 32+243 = 275']);
    assert.deepEqual(brief('目前审结101件，其中，确认违法4件，责令履行2件。'), ['total unverifiable 4+2 = 6，少于 101（所列分项可能不全）']);
    const [e] = explain('共有10个乡镇的20名主要负责人和38个县直单位的50名主要负责人参加了述法，其中10名现场述法，60名书面述法。');
    assert.equal(e!.text.zh, '10+60 = 70，与 20+50 = 70 一致');
    assert.equal(e!.computation.total, 70);
  });

  it('keeps approximate figures as intervals', () => {
    const [e] = explain('受理案件150件，同比增长20%（去年同期100余件）。');
    assert.equal(e!.verdict, 'consistent');
    assert.equal(e!.text.zh, '(150−100余)/100余 = −25.00%~+50.00%，与「增长20%」相符');
    assert.deepEqual([e!.computation.low, e!.computation.high], [-25, 50]);
    const [r] = explain('全年调处纠纷300余件，调解成功280件，调解成功率75%。');
    assert.equal(r!.text.zh, '280/300余 = 70.00~93.33%，与所写 75% 一致');
  });

  it('is memoised per tree and shares the rules’ analysis', () => {
    const tree = parse('调处了348件，调解成功340件，成功率达97.7%。');
    assert.equal(explainStatistics(tree), explainStatistics(tree));
    assert.equal(analyseStatistics(tree), analyseStatistics(tree));
    assert.notEqual(explainStatistics(parse('调处了348件，调解成功340件，成功率达97.7%。')), explainStatistics(tree));
  });
});

describe('roundedPercent', () => {
  it('rounds half up exactly', () => {
    assert.equal(roundedPercent(6, 101, 1), '5.9');
    assert.equal(roundedPercent(1, 8, 0), '13');
    assert.equal(roundedPercent(1, 8, 1), '12.5');
    assert.equal(roundedPercent(340, 348, 1), '97.7');
    assert.equal(roundedPercent(1, 3, 2), '33.33');
    assert.equal(roundedPercent(2, 3, 0), '67');
    assert.equal(roundedPercent(0, 7, 1), '0.0');
  });
});
