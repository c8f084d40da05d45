/**
 * Bytes → text. Drafts arrive as UTF-8 (with or without BOM), as UTF-16 from Word's "Unicode text",
 * or as GB18030/GBK from Windows Notepad and WPS; all are read without losing a character.
 *
 * Bytes that are valid in none of these are not guessed at silently. A file with a few broken
 * bytes (cut in the middle of a character, a bad copy) is read with U+FFFD in their place and
 * marked `damaged`, so that it is never written back; a file that is not text at all (a Word .doc
 * or a PDF renamed to .txt) is marked `binary`, so that it is refused instead of being checked as
 * megabytes of garbage.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Where the bytes that could not be read are: their number, and the place of the first in the text (1-based). */
export interface Damage {
  count: number;
  line: number;
  column: number;
}

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** A BOM was present (it is not part of text; write it back when saving). */
  bom: boolean;
  /** Some bytes are invalid in the encoding read and became U+FFFD: the text is not the file's, never write it back. */
  damaged?: Damage;
  /** Not a text file: it holds NUL bytes and is valid in no encoding read. `byte` is the offset of the first NUL. */
  binary?: { byte: number };
}

export function decodeReport(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs('utf-8', bytes.subarray(3), true);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs('utf-16le', bytes.subarray(2), true);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs('utf-16be', bytes.subarray(2), true);
  const utf8 = strict('utf-8', bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', bom: false };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    const text = strict(utf16, bytes);
    if (text !== undefined) return { text, encoding: utf16, bom: false };
  }
  // Not UTF-8. GB18030 (a superset of GBK and GB2312) — unless the bytes are UTF-8 with a few
  // broken ones: then nearly every non-ASCII character still decodes as UTF-8, while GBK text read
  // as UTF-8 breaks at most of its characters.
  if (mostlyUtf8(bytes)) {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    return { text, encoding: 'utf-8', bom: false, damaged: damageOf(text) ?? { count: 0, line: 1, column: 1 } };
  }
  const gb = strict('gb18030', bytes);
  if (gb !== undefined) return { text: gb, encoding: 'gb18030', bom: false };
  const text = new TextDecoder('gb18030').decode(bytes);
  // Text files never hold NUL; Word .doc, PDF, images and archives are full of them.
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { text, encoding: 'gb18030', bom: false, binary: { byte: nul } };
  return { text, encoding: 'gb18030', bom: false, damaged: damageOf(text) ?? { count: 0, line: 1, column: 1 } };
}

/**
 * Whether bytes that are not valid UTF-8 are still UTF-8 with a few broken sequences: at most one
 * invalid byte per hundred well-formed multi-byte characters. Stops as soon as the invalid bytes
 * outnumber that share early on, so that GBK text and binary files are told apart in a few bytes.
 */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let invalid = 0;
  let characters = 0;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.length;
    for (let k = 1; ok && k < length; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      characters++;
      i += length;
    } else {
      invalid++;
      i++;
      if (invalid > 16 && invalid * 100 > characters) return false;
    }
  }
  return invalid * 100 <= characters;
}

/** The text, or undefined when the bytes are not valid in the encoding. */
function strict(encoding: Encoding, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Bytes after a BOM: that encoding, marked damaged when some of them are invalid in it. */
function decodeAs(encoding: Encoding, bytes: Uint8Array, bom: boolean): Decoded {
  const text = strict(encoding, bytes);
  if (text !== undefined) return { text, encoding, bom };
  const lossy = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  return { text: lossy, encoding, bom, damaged: damageOf(lossy) ?? { count: 0, line: 1, column: 1 } };
}

/**
 * UTF-16 saved without a BOM: the high bytes of ASCII characters (line breaks, digits, spaces) are
 * NUL, on odd offsets (little-endian) or on even ones (big-endian). The other side has NUL only in
 * characters such as 一 (U+4E00); binary files have about as many on both.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 2 || bytes.length % 2) return undefined;
  const sample = Math.min(bytes.length, 1 << 20);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i++) {
    if (bytes[i] === 0) {
      if (i % 2) odd++;
      else even++;
    }
  }
  const pairs = sample / 2;
  if (odd * 100 >= pairs && even * 2 < odd) return 'utf-16le';
  if (even * 100 >= pairs && odd * 2 < even) return 'utf-16be';
  return undefined;
}

/** How many replacement characters a decoded text holds, and where the first one is. */
function damageOf(text: string): Damage | undefined {
  const first = text.indexOf('\ufffd');
  if (first < 0) return undefined;
  let count = 0;
  for (let at = first; at >= 0; at = text.indexOf('\ufffd', at + 1)) count++;
  return { count, ...placeOf(text, first) };
}

/** 1-based line and column of an offset, counting line breaks as editors do (CRLF, LF, CR). */
function placeOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export function encodeReport(text: string, encoding: Encoding, bom: boolean): Uint8Array {
  if (encoding === 'utf-8') {
    const body = Buffer.from(text, 'utf8');
    return bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
  }
  if (encoding === 'utf-16le') return Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
  if (encoding === 'utf-16be') {
    const le = Buffer.from(text, 'utf16le');
    for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
    return Buffer.concat([bom ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), le]);
  }
  // No GB18030 encoder ships with Node; a fixed GB18030 draft is written as UTF-8 with a BOM, which every editor reads.
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
