/**
 * The generators produce what the properties rely on: without these checks a change to a
 * generator could quietly stop the properties from ever seeing CRLF, surrogates or markers.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parse } from '../../server/src/parser';
import { parseChineseNumeral } from '../../server/src/parser/numerals';
import { caseArb, chineseNumeral, type Case } from './generators';

describe('report generators', () => {
  const samples: Case[] = fc.sample(caseArb, { seed: 7, numRuns: 400 });
  const some = (what: string, test: (c: Case) => boolean) => assert.ok(samples.some(test), `no generated report has ${what}`);

  it('write Chinese numerals the parser reads back', () => {
    for (let n = 1; n < 10000; n++) assert.equal(parseChineseNumeral(chineseNumeral(n)), n, `${n} → ${chineseNumeral(n)}`);
    assert.deepEqual([11, 20, 105, 110, 1005].map(chineseNumeral), ['十一', '二十', '一百零五', '一百一十', '一千零五']);
  });

  it('vary formats, rule sets and line endings', () => {
    some('the Markdown format', (c) => c.format === 'markdown');
    some('the text format', (c) => c.format === 'text');
    some('every rule on', (c) => c.rules === 'all');
    some('CRLF', (c) => c.text.includes('\r\n'));
    some('a lone CR', (c) => /\r(?!\n)/.test(c.text));
    some('LF only', (c) => c.text.includes('\n') && !c.text.includes('\r'));
    some('mixed line endings', (c) => c.text.includes('\r\n') && /(?<!\r)\n/.test(c.text));
  });

  it('insert unusual characters', () => {
    some('NUL', (c) => c.text.includes('\u0000'));
    some('a lone surrogate', (c) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(c.text));
    some('an emoji', (c) => /\p{Extended_Pictographic}/u.test(c.text));
    some('a combining mark', (c) => /\p{M}/u.test(c.text));
    some('a tab', (c) => c.text.includes('\t'));
    some('an ideographic space', (c) => c.text.includes('\u3000'));
  });

  it('alter numbering and numbers', () => {
    const kinds = new Set<string>();
    for (const c of samples) {
      const tree = parse(c.text, c.format);
      for (const s of tree.data.index.sections) if (s.marker) kinds.add(s.marker.kind);
      for (const m of tree.data.index.enumMarkers) kinds.add(`inline ${m.kind}`);
    }
    for (const kind of ['cn-dun', 'cn-paren', 'arabic-dot', 'arabic-paren', 'inline cn-shi', 'inline cn-di']) assert.ok(kinds.has(kind), `no ${kind} marker`);
    some('a percentage', (c) => /\d%|％|百分之/.test(c.text));
    some('an approximation', (c) => /近\d|\d+余|约\d|左右/.test(c.text));
    some('full-width digits', (c) => /[０-９]/.test(c.text));
  });

  it('range from empty to whole reports', () => {
    some('a text of a few characters', (c) => c.text.length <= 5);
    some('a text over 20 000 characters', (c) => c.text.length > 20_000);
  });
});
