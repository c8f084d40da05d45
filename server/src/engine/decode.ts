/**
 * Bytes → text. Drafts arrive as UTF-8 (with or without BOM), as UTF-16 from Word's "Unicode text",
 * or as GB18030/GBK from Windows Notepad and WPS; all are read without losing a character.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** A BOM was present (it is not part of text; write it back when saving). */
  bom: boolean;
}

export function decodeReport(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8', bom: true };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
  } catch {
    // Not UTF-8: GB18030 is a superset of GBK and GB2312 and decodes any byte sequence.
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', bom: false };
  }
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
