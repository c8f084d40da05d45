/** The structure of the five corpus reports, as EXPECTED.md describes it, and their golden outlines. */
import { strict as assert } from 'node:assert';
import { outline } from '../../server/src/api';
import type { OutlineItem } from '../../server/src/engine/outline';
import { assertGolden, CORPUS, readCorpus } from '../support/golden';

const sectionsOnly = (items: OutlineItem[]) => items.filter((i) => !i.inline);
const markers = (items: OutlineItem[]) => sectionsOnly(items).map((i) => i.marker.replace(/[()（）]/g, ''));
const tree = (name: string) => outline(readCorpus(name));

describe('corpus outlines', () => {
  it('luopu-2022: 一、 with （一）–（九）, 二、 with （一）（二）, 三、 with 1.–4.', () => {
    const o = tree('luopu-2022.txt');
    assert.deepEqual(markers(o), ['一、', '二、', '三、']);
    assert.deepEqual(markers(o[0]!.children), ['一', '二', '三', '四', '五', '六', '七', '八', '九']);
    assert.deepEqual(markers(o[1]!.children), ['一', '二']);
    assert.deepEqual(markers(o[2]!.children), ['1.', '2.', '3.', '4.']);
    assert.match(o[2]!.title, /2023年法治政府建设重点工作/);
  });

  it('lianjiang-2020: 一、 to 十、, with 一、 holding （一）–（七） in order', () => {
    const o = tree('lianjiang-2020.txt');
    assert.deepEqual(markers(o), ['一、', '二、', '三、', '四、', '五、', '六、', '七、', '八、', '九、', '十、']);
    assert.deepEqual(markers(o[0]!.children), ['一', '二', '三', '四', '五', '六', '七']);
    // Line 22's inline （一）（二）（三） stay inside item 2、 of （四）.
    const item2 = sectionsOnly(o[0]!.children[3]!.children)[1]!;
    assert.equal(item2.marker, '2、');
    assert.deepEqual(item2.children.map((c) => [c.marker, c.line, c.inline]), [['(一)', 22, true], ['(二)', 22, true], ['(三)', 22, true]]);
    assert.equal(o[9]!.title, '2021年推进法治政府建设工作的安排');
  });

  it('liyang-2022: 一、–六、 with the unnumbered shortcomings and plans left as paragraphs', () => {
    const o = tree('liyang-2022.txt');
    assert.deepEqual(markers(o), ['一、', '二、', '三、', '四、', '五、', '六、']);
    const all = (items: OutlineItem[]): OutlineItem[] => items.flatMap((i) => [i, ...all(i.children)]);
    const plans = all(o[5]!.children).filter((c) => c.inline && c.line >= 32).map((c) => c.marker);
    assert.deepEqual(plans, ['一是', '二是', '三是', '四是', '五是', '六是']);
  });

  it('beibei-town-2019: 一、 with （一）–（八）; 二、 and 三、 with 1、–5、', () => {
    const o = tree('beibei-town-2019.txt');
    assert.deepEqual(markers(o), ['一、', '二、', '三、']);
    assert.deepEqual(markers(o[0]!.children), ['一', '二', '三', '四', '五', '六', '七', '八']);
    assert.deepEqual(markers(o[1]!.children), ['1、', '2、', '3、', '4、', '5、']);
    assert.deepEqual(markers(o[2]!.children), ['1、', '2、', '3、', '4、', '5、']);
  });

  it('zaoyang-2023: 一、–七、, each of 一、–五、 with inline 一是…', () => {
    const o = tree('zaoyang-2023.txt');
    assert.deepEqual(markers(o), ['一、', '二、', '三、', '四、', '五、', '六、', '七、']);
    for (const item of o.slice(0, 5)) assert.equal(item.children.filter((c) => c.inline)[0]?.marker, '一是');
    assert.equal(o[5]!.title, '存在问题');
    assert.equal(o[6]!.title, '下一步打算');
  });

  for (const name of CORPUS) {
    it(`golden outline: ${name}`, () => {
      const strip = (items: OutlineItem[]): unknown[] =>
        items.map((i) => ({ marker: i.marker, level: i.level, title: i.title, line: i.line, ...(i.inline ? { inline: true } : {}), children: strip(i.children) }));
      assertGolden(`${name.replace(/\.txt$/, '')}.outline.json`, strip(tree(name)));
    });
  }
});
