import { strict as assert } from 'node:assert';
import { computeLineStarts, PositionMapper, pointAt } from '../../server/src/parser/positions';

/** Line and column of an offset the slow way. */
function naivePoint(text: string, offset: number) {
  const starts = computeLineStarts(text);
  let line = 0;
  for (let i = 0; i < starts.length; i++) if (starts[i]! <= offset) line = i;
  return { line: line + 1, column: offset - starts[line]! + 1, offset };
}

describe('positions', () => {
  it('counts \\n, \\r\\n and \\r as line ends', () => {
    assert.deepEqual(computeLineStarts('a\nb\r\nc\rd'), [0, 2, 5, 7]);
    assert.deepEqual(pointAt('一\r\n二\r三', 5), { line: 3, column: 1, offset: 5 });
  });

  it('maps offsets asked in any order: forward steps, long jumps and jumps back', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let trial = 0; trial < 100; trial++) {
      let text = '';
      const length = Math.floor(random() * 600);
      for (let i = 0; i < length; i++) {
        const r = random();
        text += r < 0.1 ? '\n' : r < 0.13 ? '\r\n' : r < 0.15 ? '\r' : '字';
      }
      const mapper = new PositionMapper(computeLineStarts(text));
      for (let k = 0; k < 200; k++) {
        // Mostly small steps forward, as the parser asks; sometimes anywhere, as rules report.
        const offset = Math.floor(random() * (text.length + 1));
        assert.deepEqual(mapper.point(offset), naivePoint(text, offset), `text of ${text.length}, offset ${offset}`);
      }
      for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(mapper.point(offset), naivePoint(text, offset));
    }
  });
});
