/**
 * Reading bytes as a report: every encoding drafts come in is read exactly; bytes valid in none
 * of them are never guessed at silently — a few broken ones are marked `damaged` with their place,
 * a binary file is marked `binary`.
 */
import { strict as assert } from 'node:assert';
import { decodeReport, encodeReport } from '../../server/src/engine/decode';
import { REPORT, brokenUtf8, randomBytes } from './support/inputs';

/** GB18030 bytes of a text, from Node's own decoder run backwards over every BMP character it maps. */
function gb18030(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        table.set(decoder.decode(new Uint8Array([lead, trail])), [lead, trail]);
      } catch {
        // not a character
      }
    }
  }
  const bytes: number[] = [];
  for (const c of text) {
    const code = c.charCodeAt(0);
    if (code < 0x80) bytes.push(code);
    else bytes.push(...(table.get(c) ?? assert.fail(`no two-byte GB18030 form for ${c}`)));
  }
  return Buffer.from(bytes);
}

const SAMPLE = REPORT.slice(0, 2000);

describe('decoding report files', () => {
  it('UTF-8 with and without a BOM, GB18030, UTF-16 with a BOM: exact, and written back byte for byte', () => {
    const cases: Array<[Buffer, string, boolean]> = [
      [Buffer.from(SAMPLE, 'utf8'), 'utf-8', false],
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]), 'utf-8', true],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]), 'utf-16le', true],
      [Buffer.from(encodeReport(SAMPLE, 'utf-16be', true)), 'utf-16be', true],
      [gb18030(SAMPLE), 'gb18030', false],
    ];
    for (const [bytes, encoding, bom] of cases) {
      const decoded = decodeReport(bytes);
      assert.deepEqual([decoded.text === SAMPLE, decoded.encoding, decoded.bom, decoded.damaged, decoded.binary], [true, encoding, bom, undefined, undefined], encoding);
      if (encoding !== 'gb18030') assert.deepEqual(Buffer.from(encodeReport(decoded.text, decoded.encoding, decoded.bom)), bytes, encoding);
    }
  });

  it('UTF-16 saved without a BOM is told from binary by where its NUL bytes are', () => {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const bytes = Buffer.from(encodeReport(SAMPLE, encoding, false));
      const decoded = decodeReport(bytes);
      assert.deepEqual([decoded.text === SAMPLE, decoded.encoding, decoded.bom, decoded.binary], [true, encoding, false, undefined]);
      assert.deepEqual(Buffer.from(encodeReport(decoded.text, decoded.encoding, decoded.bom)), bytes);
    }
  });

  it('a second BOM is part of the text, so writing back keeps both', () => {
    const bytes = Buffer.from('\ufeff\ufeff一、甲\n', 'utf8');
    const decoded = decodeReport(bytes);
    assert.equal(decoded.text, '\ufeff一、甲\n');
    assert.deepEqual(Buffer.from(encodeReport(decoded.text, decoded.encoding, decoded.bom)), bytes);
  });

  it('UTF-8 with a few broken bytes stays UTF-8, marked damaged at the first of them', () => {
    const decoded = decodeReport(brokenUtf8());
    assert.equal(decoded.encoding, 'utf-8');
    assert.equal(decoded.damaged?.count, 2);
    assert.equal(decoded.damaged?.column, 1);
    assert.equal(decoded.text.split('\n')[decoded.damaged!.line - 1]![0], '\ufffd');
    assert.ok(decoded.text.startsWith(REPORT.slice(0, 100)), 'the rest reads as written');
  });

  it('GB18030 with a broken byte is marked damaged; a file with NUL bytes that no encoding reads is binary', () => {
    const broken = Buffer.concat([gb18030(SAMPLE), Buffer.from([0xff]), gb18030('二、乙\n')]);
    const decoded = decodeReport(broken);
    assert.equal(decoded.encoding, 'gb18030');
    assert.deepEqual(decoded.damaged && [decoded.damaged.count, decoded.damaged.line], [1, SAMPLE.split('\n').length]);
    const random = randomBytes(100_000);
    assert.deepEqual(decodeReport(random).binary, { byte: random.indexOf(0) });
    const withoutNul = Buffer.from(random.map((b) => b || 1));
    assert.equal(decodeReport(withoutNul).binary, undefined, 'no NUL: damaged text, checked with a notice');
    assert.ok(decodeReport(withoutNul).damaged!.count > 0);
  });

  it('valid UTF-8 with NUL characters is text', () => {
    const decoded = decodeReport(Buffer.from('一、甲\u0000乙\n', 'utf8'));
    assert.deepEqual([decoded.text, decoded.binary, decoded.damaged], ['一、甲\u0000乙\n', undefined, undefined]);
  });

  it('empty and one-byte files', () => {
    assert.deepEqual(decodeReport(Buffer.alloc(0)), { text: '', encoding: 'utf-8', bom: false });
    assert.equal(decodeReport(Buffer.from([0xff])).damaged?.count, 1);
    assert.deepEqual(decodeReport(Buffer.from([0])).text, '\u0000');
  });
});
