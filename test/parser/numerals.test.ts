import { strict as assert } from 'node:assert';
import { parseChineseNumeral } from '../../server/src/parser/numerals';

describe('parseChineseNumeral', () => {
  const cases: Array<[string, number | undefined]> = [
    ['一', 1], ['十', 10], ['十一', 11], ['二十', 20], ['九十九', 99], ['十九', 19], ['两', 2],
    ['一百零五', 105], ['三万五千', 35000], ['二〇二三', 2023], ['〇', 0], ['', undefined], ['二三十', undefined], ['甲', undefined],
  ];
  for (const [input, expected] of cases) {
    it(`${input || '(empty)'} → ${expected}`, () => assert.equal(parseChineseNumeral(input), expected));
  }
});
