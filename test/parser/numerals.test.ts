import { strict as assert } from 'node:assert';
import { parseChineseNumeral, toChineseNumeral } from '../../server/src/parser/numerals';

const DIGITS = '零一二三四五六七八九';

/**
 * The standard written form of n (below 10^12), built independently of the parser: groups of four
 * places split by 万 and 亿, one 零 for each run of skipped places, 十 for 一十 only at the very start.
 */
function standardNumeral(n: number): string {
  if (n === 0) return '零';
  const groups = [Math.floor(n / 1e8), Math.floor(n / 1e4) % 1e4, n % 1e4];
  const bigUnits = ['亿', '万', ''];
  let out = '';
  let zeroPending = false;
  groups.forEach((group, g) => {
    if (group === 0) {
      if (out) zeroPending = true;
      return;
    }
    const places = [Math.floor(group / 1000), Math.floor(group / 100) % 10, Math.floor(group / 10) % 10, group % 10];
    ['千', '百', '十', ''].forEach((unit, p) => {
      const d = places[p]!;
      if (d === 0) {
        if (out) zeroPending = true;
        return;
      }
      if (zeroPending) out += '零';
      zeroPending = false;
      out += out === '' && unit === '十' && d === 1 ? '十' : DIGITS[d]! + unit;
    });
    out += bigUnits[g]!;
    zeroPending = false;
  });
  return out;
}

describe('parseChineseNumeral', () => {
  const cases: Array<[string, number | undefined, string]> = [
    // digits and digit-by-digit years
    ['一', 1, 'a digit'], ['两', 2, '两 alone'], ['〇', 0, '〇 alone'], ['零', 0, '零 alone'],
    ['二〇二三', 2023, 'a year written with 〇'], ['二零二三', 2023, 'a year written with 零'], ['二〇〇八', 2008, 'two 〇 in a year'],
    ['两〇二三', undefined, '两 is never a digit of a year'],
    // 十 and the tens
    ['十', 10, '十 alone'], ['十一', 11, '十 starting the numeral'], ['十九', 19, ''], ['二十', 20, ''], ['九十九', 99, ''],
    ['一十五', 15, 'the full form of 十五'],
    // 零 for skipped places
    ['一百零五', 105, '零 for the tens'], ['一百〇五', 105, '〇 written for 零'], ['一千零五', 1005, 'one 零 for two places'],
    ['一千零五十', 1050, '零 for the hundreds'], ['一千零五十五', 1055, ''], ['一千五百零五', 1505, ''],
    ['一千零一十', 1010, '零 before 一十'], ['一千零十', 1010, '零 before 十 alone'],
    ['一百一十', 110, ''], ['一百一十五', 115, ''], ['二千〇二十三', 2023, '〇 as 零 with units'],
    ['一万零十五', 10015, '十 alone at the start of the group after 零'], ['一万零一十五', 10015, ''],
    ['一万零五', 10005, ''], ['一万零五百', 10500, ''], ['一万零一百零五', 10105, ''], ['十万零五', 100005, ''],
    ['一亿零五百万', 105000000, ''], ['一亿零五', 100000005, ''], ['一亿零一万', 100010000, ''],
    // big units
    ['三万五千', 35000, ''], ['十万', 100000, '十 alone before 万'], ['一十万', 100000, ''], ['二十万', 200000, ''],
    ['一亿五千万', 150000000, ''], ['两万', 20000, '两 before 万'], ['两亿', 200000000, '两 before 亿'],
    ['一万两千', 12000, '两 before 千'], ['两千两百', 2200, '两 before 百 twice'], ['两百', 200, ''], ['两千', 2000, ''],
    ['一万亿', 1e12, '万亿'], ['九千九百九十九万九千九百九十九', 99999999, ''],
    // abbreviated: a last digit right after a unit above 十 counts one place lower
    ['三百五', 350, ''], ['一千五', 1500, ''], ['两千五', 2500, ''], ['一万二', 12000, ''], ['三万五', 35000, ''],
    ['十万五', 105000, ''], ['一亿五', 150000000, ''], ['一千二百五', 1250, ''], ['一万二千五', 12500, ''],
    // not numerals
    ['', undefined, 'empty'], ['甲', undefined, 'not a numeral character'], ['一甲', undefined, ''],
    ['二三十', undefined, 'two digits before a unit'], ['十百', undefined, 'units ascending'], ['一百二百', undefined, 'a unit twice'],
    ['一万二万', undefined, 'a big unit twice'], ['一百零十', undefined, '零 where no place is skipped'],
    ['一千零五百', undefined, '零 where no place is skipped'], ['二十零五', undefined, '零 where no place is skipped'],
    ['一万零五千', undefined, '零 where no place is skipped'], ['一百零零五', undefined, '零 twice'], ['一百零', undefined, '零 at the end'],
    ['零五十', undefined, '零 at the start'], ['一千五十', undefined, 'a skipped place without 零'], ['一万五百', undefined, 'a skipped place without 零'],
    ['一百十五', undefined, '十 alone inside a group'], ['百', undefined, 'a bare unit'], ['百万', undefined, 'a bare unit before 万'],
    ['万', undefined, '万 alone'], ['零万', undefined, ''], ['万五', undefined, ''], ['一亿万', undefined, ''],
    ['两十', undefined, '两 before 十'], ['十两', undefined, '两 as the last digit'], ['一千零两', undefined, '两 as the last digit'],
    ['一万两', undefined, '两 as an abbreviated digit'], ['两两', undefined, ''],
  ];
  for (const [input, expected, why] of cases) {
    it(`${input || '(empty)'} → ${expected}${why ? ` (${why})` : ''}`, () => assert.equal(parseChineseNumeral(input), expected));
  }

  it('reads the standard form of every number below 100 000 and of large numbers with gaps', () => {
    const values: number[] = [];
    for (let n = 0; n < 100_000; n++) values.push(n);
    for (const n of [100_000, 100_005, 1_000_010, 10_000_015, 100_000_000, 100_000_001, 100_010_000, 120_003_400, 999_999_999]) {
      values.push(n);
    }
    for (const n of values) {
      const written = standardNumeral(n);
      assert.equal(parseChineseNumeral(written), n, `${n} written ${written}`);
    }
  });

  it('reads every ordinal toChineseNumeral writes', () => {
    for (let n = 0; n < 1000; n++) assert.equal(parseChineseNumeral(toChineseNumeral(n)), n, toChineseNumeral(n));
  });
});
