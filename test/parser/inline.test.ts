import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { interval, scanInline, type InlineNode, type InlineToken } from '../../server/src/parser/inline';
import type { DateNode, Percentage, Quantity } from '../../server/src/parser/types';

type Q = Omit<Quantity, 'position'>;
type P = Omit<Percentage, 'position'>;
type D = Omit<DateNode, 'position'>;

const CORPUS = join(__dirname, '..', 'fixtures', 'corpus');

function scan(text: string): InlineToken[] {
  return scanInline(text, 0, text.length);
}

function nodes(text: string): InlineNode[] {
  return scan(text).map((t) => t.node);
}

function only(text: string): InlineNode {
  const found = nodes(text);
  assert.equal(found.length, 1, `expected one token in ${text}, got ${JSON.stringify(found.map((n) => n.raw))}`);
  return found[0]!;
}

function quantity(text: string): Q {
  const n = only(text);
  assert.equal(n.type, 'quantity', `${text}: ${n.type}`);
  return n as Q;
}

function percentage(text: string): P {
  const n = only(text);
  assert.equal(n.type, 'percentage', `${text}: ${n.type}`);
  return n as P;
}

function date(text: string): D {
  const n = only(text);
  assert.equal(n.type, 'date', `${text}: ${n.type}`);
  return n as D;
}

/** The compact view most tests compare: [raw, value, unit, approx, low, high]. */
function brief(n: InlineNode): unknown[] {
  if (n.type === 'quantity') return [n.raw, n.value, n.unit, n.approx, n.low, n.high];
  if (n.type === 'percentage') return [n.raw, n.value, n.sign, n.approx, n.low, n.high];
  return [n.raw];
}

function briefs(text: string): unknown[][] {
  return nodes(text).map(brief);
}

describe('scanInline', () => {
  describe('Arabic quantities', () => {
    it('reads integers with their unit', () => {
      const q = quantity('调处了348件');
      assert.deepEqual(brief(q), ['348件', 348, '件', [], 348, 348]);
      assert.equal(q.exact, true);
      assert.equal(q.numeral, 'arabic');
    });

    it('gives absolute offsets for the token and the number', () => {
      const text = '共计27120元,';
      const [t] = scan(text);
      assert.equal(t!.start, 2);
      assert.equal(t!.end, 8);
      const q = t!.node as Q;
      assert.equal(q.numberStart, 2);
      assert.equal(q.numberEnd, 7);
      assert.equal(q.raw, text.slice(t!.start, t!.end));
      assert.equal(q.unit, '元');
    });

    it('reads decimals', () => {
      assert.deepEqual(brief(quantity('不超过1.5个工作日')), ['不超过1.5个工作日', 1.5, '个工作日', ['不超过'], 0, 1.5]);
      assert.deepEqual(brief(quantity('1.5个工作日')), ['1.5个工作日', 1.5, '个工作日', [], 1.5, 1.5]);
    });

    it('matches the longest unit', () => {
      assert.equal(quantity('950人次').unit, '人次');
      assert.equal(quantity('232场次').unit, '场次');
      assert.equal(quantity('40余条次').unit, '条次');
      assert.equal(quantity('3个工作日').unit, '个工作日');
      assert.equal(quantity('提高5个百分点').unit, '个百分点');
      assert.equal(quantity('50学时').unit, '学时');
      assert.equal(quantity('3个月').unit, '个月');
    });

    it('reads the statistics of a real report sentence', () => {
      assert.deepEqual(briefs('调处了348件，调解成功340件，成功率达97.7%'), [
        ['348件', 348, '件', [], 348, 348],
        ['340件', 340, '件', [], 340, 340],
        ['97.7%', 97.7, '%', [], 97.7, 97.7],
      ]);
    });

    it('reads ASCII clause commas as clause commas', () => {
      assert.deepEqual(briefs('审结101件,其中,确认违法4件,责令履行2件,行政复议直接纠错率为5.9%'), [
        ['101件', 101, '件', [], 101, 101],
        ['4件', 4, '件', [], 4, 4],
        ['2件', 2, '件', [], 2, 2],
        ['5.9%', 5.9, '%', [], 5.9, 5.9],
      ]);
      assert.deepEqual(
        nodes('22个乡镇,32个社区,243个村居共275个法律顾问点').map((n) => (n as Q).value),
        [22, 32, 243, 275],
      );
    });

    it('reads thousands separators only when they are unambiguous', () => {
      assert.equal(quantity('调解矛盾纠纷1,399件').value, 1399);
      assert.equal(quantity('12,345人').value, 12345);
      assert.equal(quantity('1,234,567元').value, 1234567);
      assert.equal(quantity('3,523.55万元').value, 35235500);
      // Without a unit the comma is as likely a list comma: two numbers.
      assert.deepEqual(nodes('分别为12,345').map((n) => (n as Q).value), [12, 345]);
      // Groups that are not exactly three digits: a clause comma.
      assert.deepEqual(nodes('受理12,34件').map((n) => n.raw), ['12', '34件']);
      assert.deepEqual(nodes('共5,1234件').map((n) => n.raw), ['5', '1234件']);
    });

    it('reads full-width digits', () => {
      const q = quantity('１２３件');
      assert.equal(q.value, 123);
      assert.equal(q.unit, '件');
    });

    it('emits a bare number with unit ""', () => {
      const q = quantity('考核得分为95,位列第一');
      assert.deepEqual(brief(q), ['95', 95, '', [], 95, 95]);
    });

    it('treats small numbers before 年 as durations', () => {
      assert.deepEqual(brief(quantity('每5年开展一轮')), ['5年', 5, '年', [], 5, 5]);
      assert.equal(quantity('3年').unit, '年');
    });
  });

  describe('multipliers', () => {
    it('folds 万 and 亿 into the value and keeps the unit as written after them', () => {
      assert.deepEqual(brief(quantity('5万元')), ['5万元', 50000, '元', [], 50000, 50000]);
      assert.deepEqual(brief(quantity('涉案金额达3523.55万元')), ['3523.55万元', 35235500, '元', [], 35235500, 35235500]);
      assert.deepEqual(brief(quantity('1.2亿元')), ['1.2亿元', 120000000, '元', [], 120000000, 120000000]);
      assert.equal(quantity('6.5万').value, 65000);
      assert.equal(quantity('6.5万').unit, '');
    });

    it('accepts 余 and 多 before or after the multiplier', () => {
      assert.deepEqual(brief(quantity('受教育学生6.5万余人次')), ['6.5万余人次', 65000, '人次', ['余'], 65000, 66000]);
      assert.deepEqual(brief(quantity('2万余份')), ['2万余份', 20000, '份', ['余'], 20000, 30000]);
      assert.deepEqual(brief(quantity('信用数据录入80多万条')), ['80多万条', 800000, '条', ['多'], 800000, 900000]);
      assert.deepEqual(brief(quantity('3.2万多家')), ['3.2万多家', 32000, '家', ['多'], 32000, 33000]);
    });

    it('reads 千 after an Arabic number and 百 only in 百万', () => {
      assert.equal(quantity('4千人').value, 4000);
      assert.equal(quantity('3百万元').value, 3000000);
      assert.equal(quantity('5千米').unit, '千米');
      assert.equal(quantity('5千米').value, 5);
    });
  });

  describe('approximations', () => {
    it('余 and 多 extend upwards by the place of the last significant digit', () => {
      assert.deepEqual(brief(quantity('8600余人')), ['8600余人', 8600, '人', ['余'], 8600, 8700]);
      assert.deepEqual(brief(quantity('9000余次')), ['9000余次', 9000, '次', ['余'], 9000, 10000]);
      assert.deepEqual(brief(quantity('10余件')), ['10余件', 10, '件', ['余'], 10, 20]);
      assert.deepEqual(brief(quantity('1600多人')), ['1600多人', 1600, '人', ['多'], 1600, 1700]);
    });

    it('近 不足 不到 extend downwards', () => {
      assert.deepEqual(brief(quantity('近300人')), ['近300人', 300, '人', ['近'], 200, 300]);
      assert.deepEqual(brief(quantity('不足50件')), ['不足50件', 50, '件', ['不足'], 40, 50]);
      assert.deepEqual(brief(quantity('不到1.5天')), ['不到1.5天', 1.5, '天', ['不到'], 1.4, 1.5]);
    });

    it('约 and 左右 mean ±10 %', () => {
      assert.deepEqual(brief(quantity('约100人')), ['约100人', 100, '人', ['约'], 90, 110]);
      assert.deepEqual(brief(quantity('200人左右')), ['200人左右', 200, '人', ['左右'], 180, 220]);
    });

    it('open-ended words', () => {
      assert.deepEqual(brief(quantity('受益群众超20万人')), ['超20万人', 200000, '人', ['超'], 200000, Infinity]);
      assert.deepEqual(brief(quantity('超过3家')), ['超过3家', 3, '家', ['超过'], 3, Infinity]);
      assert.deepEqual(brief(quantity('逾百余人')), ['逾百余人', 100, '人', ['逾', '余'], 100, 200]);
      assert.deepEqual(brief(quantity('不少于7个工作日')), ['不少于7个工作日', 7, '个工作日', ['不少于'], 7, Infinity]);
      assert.deepEqual(brief(quantity('不低于50学时')), ['不低于50学时', 50, '学时', ['不低于'], 50, Infinity]);
      assert.deepEqual(brief(quantity('2名以上')), ['2名以上', 2, '名', ['以上'], 2, Infinity]);
      assert.deepEqual(brief(quantity('不超过15个工作日')), ['不超过15个工作日', 15, '个工作日', ['不超过'], 0, 15]);
      assert.deepEqual(brief(quantity('7个工作日以内')), ['7个工作日以内', 7, '个工作日', ['以内'], 0, 7]);
      assert.deepEqual(brief(quantity('5人以下')), ['5人以下', 5, '人', ['以下'], 0, 5]);
    });

    it('keeps contradictory combinations as written and widens to their union', () => {
      const q = quantity('发放宣传书籍近2.5万余册');
      assert.deepEqual(brief(q), ['近2.5万余册', 25000, '册', ['近', '余'], 24000, 26000]);
      assert.equal(q.exact, false);
      assert.deepEqual(brief(quantity('约100人左右')), ['约100人左右', 100, '人', ['约', '左右'], 90, 110]);
    });

    it('interval() intersects compatible words', () => {
      // 以上 and 以下 include the number itself (as in legal usage), so together they pin it down.
      assert.deepEqual(interval(100, 100, ['以上', '以下']), { low: 100, high: 100 });
      assert.deepEqual(interval(100, 10, ['近', '以下']), { low: 90, high: 100 });
      assert.deepEqual(interval(100, 10, ['约', '以上']), { low: 100, high: 110 });
      assert.deepEqual(interval(100, 100, []), { low: 100, high: 100 });
    });

    it('interval() widens to the union when the words exclude each other', () => {
      // 超过 excludes the number, 以下 includes it: nothing is both.
      assert.deepEqual(interval(100, 10, ['超过', '以下']), { low: 0, high: Infinity });
      assert.deepEqual(interval(100, 10, ['近', '余']), { low: 90, high: 110 });
      assert.deepEqual(interval(100, 10, ['近', '以上']), { low: 90, high: Infinity });
    });

    it('does not read words ending in 近 or 约 as approximations', () => {
      assert.deepEqual(quantity('最近3年').approx, []);
      assert.deepEqual(quantity('签约3家').approx, []);
      assert.deepEqual(brief(quantity('将近3000人')), ['近3000人', 3000, '人', ['近'], 2000, 3000]);
    });
  });

  describe('Chinese numerals', () => {
    it('reads counts with a unit', () => {
      assert.deepEqual(brief(quantity('十九名')), ['十九名', 19, '名', [], 19, 19]);
      assert.deepEqual(brief(quantity('向公、检、法三家单位')), ['三家', 3, '家', [], 3, 3]);
      assert.deepEqual(brief(quantity('两家')), ['两家', 2, '家', [], 2, 2]);
      assert.deepEqual(brief(quantity('三项')), ['三项', 3, '项', [], 3, 3]);
      assert.deepEqual(brief(quantity('一百零五件')), ['一百零五件', 105, '件', [], 105, 105]);
      assert.deepEqual(brief(quantity('三万人')), ['三万人', 30000, '人', [], 30000, 30000]);
      assert.equal(quantity('三万人').numeral, 'chinese');
      assert.equal(quantity('十二万三千四百五十六人').value, 123456);
      assert.equal(quantity('一亿五千万元').value, 150000000);
    });

    it('reads abbreviated numerals one place lower', () => {
      assert.deepEqual(brief(quantity('三百五十人')), ['三百五十人', 350, '人', [], 350, 350]);
      assert.deepEqual(brief(quantity('三百五人')), ['三百五人', 350, '人', [], 350, 350]);
      assert.deepEqual(brief(quantity('一万二余人')), ['一万二余人', 12000, '人', ['余'], 12000, 13000]);
      assert.deepEqual(brief(quantity('一百零五件')), ['一百零五件', 105, '件', [], 105, 105]);
    });

    it('reads approximations with Chinese numerals', () => {
      assert.deepEqual(brief(quantity('审核百余份')), ['百余份', 100, '份', ['余'], 100, 200]);
      assert.deepEqual(brief(quantity('二十多人')), ['二十多人', 20, '人', ['多'], 20, 30]);
      assert.deepEqual(brief(quantity('十余万人')), ['十余万人', 100000, '人', ['余'], 100000, 200000]);
      assert.deepEqual(brief(quantity('近万人')), ['近万人', 10000, '人', ['近'], 0, 10000]);
    });

    it('skips ordinals, enumerations and words', () => {
      for (const text of [
        '第二次会议', '第一责任人', '一是强化部署', '二是', '统一标准', '唯一', '一体推进', '一站式服务',
        '十九大', '党的二十大', '“八五”普法', '十四五规划', '三·八', '千家万户', '十分注重', '一分为二',
        '民族团结一家亲', '三四个', '十九届二中全会', '数十家', '几百人', '上万人', '十几人',
      ]) {
        assert.deepEqual(nodes(text), [], text);
      }
    });

    it('counts a lone 一 only before a clear counting unit', () => {
      assert.equal(quantity('一件事情').value, 1);
      assert.deepEqual(nodes('一类事项'), []);
      assert.deepEqual(nodes('一处违法'), []);
    });
  });

  describe('percentages', () => {
    it('keeps the value and the decimals as written', () => {
      const p = percentage('成功率达97.7%');
      assert.deepEqual(brief(p), ['97.7%', 97.7, '%', [], 97.7, 97.7]);
      assert.equal(p.decimals, 1);
      assert.equal(p.exact, true);
      assert.equal(percentage('97.70%').decimals, 2);
      assert.equal(percentage('97.70%').value, 97.7);
      assert.equal(percentage('5.9%').decimals, 1);
    });

    it('reads the full-width sign', () => {
      const p = percentage('100％');
      assert.equal(p.sign, '％');
      assert.equal(p.value, 100);
      assert.equal(p.decimals, 0);
    });

    it('reads approximations with the precision of the written decimals', () => {
      assert.deepEqual(brief(percentage('95%以上')), ['95%以上', 95, '%', ['以上'], 95, Infinity]);
      assert.deepEqual(brief(percentage('5%以下')), ['5%以下', 5, '%', ['以下'], 0, 5]);
      assert.deepEqual(brief(percentage('不低于80%')), ['不低于80%', 80, '%', ['不低于'], 80, Infinity]);
      assert.deepEqual(brief(percentage('近50%')), ['近50%', 50, '%', ['近'], 49, 50]);
      assert.deepEqual(brief(percentage('近97.7%')), ['近97.7%', 97.7, '%', ['近'], 97.6, 97.7]);
      assert.deepEqual(brief(percentage('30%以内')), ['30%以内', 30, '%', ['以内'], 0, 30]);
    });

    it('reads 百分之 with Chinese or Arabic numerals', () => {
      const p = percentage('满意度达百分之九十');
      assert.deepEqual(brief(p), ['百分之九十', 90, '百分之', [], 90, 90]);
      assert.equal(p.decimals, 0);
      assert.equal(p.numberStart, 7);
      assert.equal(p.numberEnd, 9);
      assert.equal(percentage('百分之百').value, 100);
      assert.equal(percentage('百分之九十九点五').value, 99.5);
      assert.equal(percentage('百分之九十九点五').decimals, 1);
      assert.equal(percentage('百分之90').value, 90);
      assert.deepEqual(percentage('百分之九十以上').approx, ['以上']);
    });

    it('keeps rates above 100 as written', () => {
      assert.equal(percentage('同比增长150%').value, 150);
    });
  });

  describe('ranges', () => {
    it('emits the first end of an open range as a bare quantity and the second with the unit', () => {
      assert.deepEqual(briefs('每组2—3人'), [
        ['2', 2, '', [], 2, 2],
        ['3人', 3, '人', [], 3, 3],
      ]);
      assert.deepEqual(briefs('1-2个工作日'), [
        ['1', 1, '', [], 1, 1],
        ['2个工作日', 2, '个工作日', [], 2, 2],
      ]);
    });

    it('emits a percentage range as a bare number and a percentage', () => {
      assert.deepEqual(briefs('15～30%'), [
        ['15', 15, '', [], 15, 15],
        ['30%', 30, '%', [], 30, 30],
      ]);
      assert.deepEqual(briefs('15%～30%'), [
        ['15%', 15, '%', [], 15, 15],
        ['30%', 30, '%', [], 30, 30],
      ]);
    });
  });

  describe('dates', () => {
    it('reads full dates', () => {
      assert.deepEqual(date('2024年2月22日'), { type: 'date', valid: true, raw: '2024年2月22日', year: 2024, month: 2, day: 22 });
      assert.deepEqual(date('2023年1月10日'), { type: 'date', valid: true, raw: '2023年1月10日', year: 2023, month: 1, day: 10 });
    });

    it('reads year-month, year, month-day and month', () => {
      assert.deepEqual(date('2022年11月,枣阳'), { type: 'date', valid: true, raw: '2022年11月', year: 2022, month: 11 });
      assert.deepEqual(date('2022年各单位'), { type: 'date', valid: true, raw: '2022年', year: 2022 });
      assert.deepEqual(date('7月25日,召开'), { type: 'date', valid: true, raw: '7月25日', month: 7, day: 25 });
      assert.deepEqual(date('8月,枣阳'), { type: 'date', valid: true, raw: '8月', month: 8 });
      assert.deepEqual(date('于7月份时'), { type: 'date', valid: true, raw: '7月份', month: 7 });
      assert.deepEqual(date('2020年度工作打算'), { type: 'date', valid: true, raw: '2020年度', year: 2020 });
    });

    it('ends the date before trailing words', () => {
      assert.deepEqual(date('每年1月31日前公开'), { type: 'date', valid: true, raw: '1月31日', month: 1, day: 31 });
      assert.deepEqual(date('2018年以来'), { type: 'date', valid: true, raw: '2018年', year: 2018 });
    });

    it('separates a year from the count that follows it', () => {
      const found = nodes('2020年6件;');
      assert.deepEqual(found.map((n) => [n.type, n.raw]), [['date', '2020年'], ['quantity', '6件']]);
    });

    it('flags impossible dates', () => {
      assert.equal(date('13月').valid, false);
      assert.equal(date('13月').month, 13);
      assert.equal(date('2月30日').valid, false);
      assert.equal(date('2024年2月29日').valid, true);
      assert.equal(date('2023年2月29日').valid, false);
      assert.equal(date('2000年2月29日').valid, true);
      assert.equal(date('1900年2月29日').valid, false);
      assert.equal(date('2月29日').valid, true);
      assert.equal(date('4月31日').valid, false);
      assert.equal(date('2024-13-01').valid, false);
    });

    it('reads ISO-like dates and times', () => {
      assert.deepEqual(date('2024-03-14'), { type: 'date', valid: true, raw: '2024-03-14', year: 2024, month: 3, day: 14 });
      assert.deepEqual(date('日期:2024-03-14 08:45  '), {
        type: 'date', valid: true, raw: '2024-03-14 08:45', year: 2024, month: 3, day: 14,
      });
      assert.deepEqual(date('2024.3.14'), { type: 'date', valid: true, raw: '2024.3.14', year: 2024, month: 3, day: 14 });
      assert.deepEqual(date('2024/3/14'), { type: 'date', valid: true, raw: '2024/3/14', year: 2024, month: 3, day: 14 });
      assert.equal(date('2024-03-14 25:10').valid, false);
      assert.deepEqual(date('2024年3月14日 08:45'), {
        type: 'date', valid: true, raw: '2024年3月14日 08:45', year: 2024, month: 3, day: 14,
      });
    });

    it('reads a year and month written with a point or dash', () => {
      assert.deepEqual(date('2023.12'), { type: 'date', valid: true, raw: '2023.12', year: 2023, month: 12 });
      assert.deepEqual(date('2024-03,'), { type: 'date', valid: true, raw: '2024-03', year: 2024, month: 3 });
      // A measured decimal is still a number.
      assert.equal(quantity('2023.5万元').value, 20235000);
      assert.equal(quantity('2023.13').value, 2023.13);
    });

    it('reads Chinese dates', () => {
      assert.deepEqual(date('二〇二三年一月十日'), {
        type: 'date', valid: true, raw: '二〇二三年一月十日', year: 2023, month: 1, day: 10,
      });
      assert.deepEqual(date('二〇二三年十二月'), { type: 'date', valid: true, raw: '二〇二三年十二月', year: 2023, month: 12 });
      assert.deepEqual(date('三月五日'), { type: 'date', valid: true, raw: '三月五日', month: 3, day: 5 });
      assert.deepEqual(nodes('三月'), []);
    });

    it('reads year ranges', () => {
      const expected = { type: 'date', valid: true, year: 2021, endYear: 2025 };
      assert.deepEqual(date('(2021—2025年)'), { ...expected, raw: '2021—2025年' });
      assert.deepEqual(date('(2021-2025年)'), { ...expected, raw: '2021-2025年' });
      assert.deepEqual(date('2021——2025年'), { ...expected, raw: '2021——2025年' });
      assert.deepEqual(date('2021年至2025年'), { ...expected, raw: '2021年至2025年' });
      assert.deepEqual(date('《2019-2022年连江县'), { type: 'date', valid: true, raw: '2019-2022年', year: 2019, endYear: 2022 });
      assert.equal(date('2025—2021年').valid, false);
    });

    it('reads month ranges', () => {
      assert.deepEqual(date('督察行动3—8月,'), { type: 'date', valid: true, raw: '3—8月', month: 3, endMonth: 8 });
      assert.deepEqual(date('6—7月'), { type: 'date', valid: true, raw: '6—7月', month: 6, endMonth: 7 });
      assert.deepEqual(nodes('3—4月、9—10月对').map((n) => n.raw), ['3—4月', '9—10月']);
      assert.deepEqual(date('2023年1—8月'), { type: 'date', valid: true, raw: '2023年1—8月', year: 2023, month: 1, endMonth: 8 });
      assert.deepEqual(date('2022年11月至2023年1月'), {
        type: 'date', valid: true, raw: '2022年11月至2023年1月', year: 2022, month: 11, endYear: 2023, endMonth: 1,
      });
      assert.equal(date('3—13月').valid, false);
    });

    it('reads day ranges', () => {
      assert.deepEqual(date('于4月19日-20日和'), { type: 'date', valid: true, raw: '4月19日-20日', month: 4, day: 19, endDay: 20 });
      assert.deepEqual(date('4月19-20日'), { type: 'date', valid: true, raw: '4月19-20日', month: 4, day: 19, endDay: 20 });
      assert.deepEqual(date('3月1日至4月30日'), {
        type: 'date', valid: true, raw: '3月1日至4月30日', month: 3, day: 1, endMonth: 4, endDay: 30,
      });
      assert.equal(date('4月19日-31日').valid, false);
    });

    it('does not turn a dash followed by something else into a range', () => {
      assert.deepEqual(nodes('2018年至今').map((n) => n.raw), ['2018年']);
      assert.deepEqual(nodes('2022年-3月').map((n) => n.raw), ['2022年', '3月']);
    });

    it('treats a 4-digit number outside 1900–2100 before 年 as a duration', () => {
      assert.equal(quantity('2200年').unit, '年');
    });
  });

  describe('identifiers are not quantities', () => {
    for (const text of [
      '〔2023〕10号', '枣机编〔2023〕7号', '(2018)162号', '(连司〔2020〕342号)', '[2020]',
      '“12·4”宪法宣传周', '“3·15”', '开展“12.4”国家宪法周', '3.15消费者权益日', '4·8司法日', '“4••15”国家安全日',
      '优化“1+1+N”非诉讼纠纷', '微清单3+2', '(2022版)', '驻连73127部队', '拨打12345热线', '12348公共法律服务',
      '电话0591-22345678', '手机13812345678', '5G网络', 'ISO9001', '10号文件', '版本1.2.3', '时间08:45',
      '1.全面推行', '1、按照', '(1)加强', '（2）完善', '比例1/3',
    ]) {
      it(text, () => assert.deepEqual(nodes(text), []));
    }

    it('keeps the counts around a document number', () => {
      assert.deepEqual(nodes('印发《通知》(枣法办发〔2023〕10号),明确了13种情形').map((n) => n.raw), ['13种']);
    });
  });

  describe('the scanned range', () => {
    it('only reports tokens inside [from, to)', () => {
      const text = '共3件,又5件,再7件';
      const tokens = scanInline(text, 4, 8);
      assert.deepEqual(tokens.map((t) => [t.node.raw, t.start, t.end]), [['5件', 5, 7]]);
    });

    it('gives the same tokens for a slice as for the whole text, shifted', () => {
      const text = readFileSync(join(CORPUS, 'liyang-2022.txt'), 'utf8');
      const from = text.indexOf('2022年共收到');
      const to = text.indexOf('。', from) + 1;
      assert.ok(from > 0 && to > from);
      const whole = scanInline(text, from, to).map((t) => [t.node.raw, t.start - from, t.end - from]);
      const slice = text.slice(from, to);
      const alone = scan(slice).map((t) => [t.node.raw, t.start, t.end]);
      assert.deepEqual(whole, alone);
      assert.ok(whole.length >= 8);
    });

    it('clamps odd ranges instead of throwing', () => {
      assert.deepEqual(scanInline('3件', -5, 100).map((t) => t.node.raw), ['3件']);
      assert.deepEqual(scanInline('3件', 2, 1), []);
      assert.deepEqual(scanInline('3件', NaN, NaN), []);
      assert.deepEqual(scanInline('3件', 0.5, 2.5).map((t) => t.node.raw), ['3件']);
    });
  });

  describe('robustness', () => {
    it('never throws on strange input', () => {
      const samples = [
        '', '\0', '\x00\x00123\x00件', '\ud800', '\udc00件', '1\ud800件', '𠀀𠀁3件', '%', '％', '百分之', '百分之点',
        '近', '约', '余', '万', '亿', '十', '第', '〔', '〔2023', '〔2023〕', '2023年', '2023-', '2023-03', '2023-03-',
        '13月32日', '0月0日', '99月99日', '1.', '1..2', '.5', ',123', '1,', '1,2', '—', '3—', '—8月', '2021—', '年月日',
        '1e5件', '99999999999999999999件', '0.000000001%', '1'.repeat(400) + '%', '一'.repeat(300) + '件',
      ];
      for (const s of samples) {
        assert.doesNotThrow(() => scanInline(s, 0, s.length), JSON.stringify(s));
      }
      // Not a string at all (a caller bug) still must not throw.
      assert.deepEqual(scanInline(undefined as unknown as string, 0, 10), []);
    });

    it('never throws and always returns sorted, non-overlapping, in-range tokens on random text', () => {
      const alphabet = '0123456789０１２一二两三十百千万亿〇零年月日号件人次个%％.,，、—-～至近约超余多以上下左右不少于第“”·〔〕()（）\0\ud800 a';
      let seed = 12345;
      const rand = (n: number): number => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed % n;
      };
      for (let round = 0; round < 300; round++) {
        let s = '';
        const len = rand(60);
        for (let k = 0; k < len; k++) s += alphabet[rand(alphabet.length)];
        const from = rand(s.length + 1);
        const to = from + rand(s.length - from + 1);
        const tokens = scanInline(s, from, to);
        let last = from;
        for (const t of tokens) {
          assert.ok(t.start >= last && t.end > t.start && t.end <= to, JSON.stringify([s, from, to, t]));
          assert.equal(t.node.raw, s.slice(t.start, t.end));
          if (t.node.type !== 'date') {
            assert.ok(Number.isFinite(t.node.value) && t.node.low <= t.node.value && t.node.value <= t.node.high);
            assert.ok(t.node.numberStart >= t.start && t.node.numberEnd <= t.end);
          }
          last = t.end;
        }
      }
    });

    it('scans 5 MB of report text, a 1 MB line of digits and a 1 MB line of 万 quickly', () => {
      const corpus = readFileSync(join(CORPUS, 'lianjiang-2020.txt'), 'utf8');
      const big = corpus.repeat(Math.ceil((5 * 1024 * 1024) / corpus.length));
      let t0 = Date.now();
      const tokens = scanInline(big, 0, big.length);
      assert.ok(Date.now() - t0 < 2000, `5 MB took ${Date.now() - t0} ms`);
      assert.ok(tokens.length > 40000);
      // Token-dense lines (every few characters a token) check that nothing is re-scanned.
      for (const s of ['1'.repeat(1 << 20), '万'.repeat(1 << 20), '一'.repeat(1 << 20), '1-'.repeat(1 << 17), '2021—'.repeat(1 << 16)]) {
        t0 = Date.now();
        scanInline(s, 0, s.length);
        assert.ok(Date.now() - t0 < 2000, `${s.slice(0, 4)}… took ${Date.now() - t0} ms`);
      }
    });
  });

  describe('the development corpus', () => {
    const text = readFileSync(join(CORPUS, 'lianjiang-2020.txt'), 'utf8');
    const tokens = scan(text);
    const raws = tokens.map((t) => t.node.raw);

    it('finds the statistics', () => {
      for (const raw of ['近2.5万余册', '80多万条', '3.2万多家', '3523.55万元', '1600多人', '40余条次', '不低于80%', '80%以上']) {
        assert.ok(raws.includes(raw), raw);
      }
    });

    it('skips the identifiers', () => {
      assert.ok(!raws.some((r) => r.includes('342') || r.includes('162') || r.includes('73127') || r === '12.4' || r === '3.15'));
    });

    it('reads every year of the report as a date', () => {
      for (const t of tokens) {
        if (t.node.type === 'quantity') assert.ok(t.node.value < 1900 || t.node.value > 2100 || t.node.unit !== '年', t.node.raw);
      }
      assert.ok(tokens.some((t) => t.node.type === 'date' && t.node.raw === '2020年12月15日'));
    });
  });
});
