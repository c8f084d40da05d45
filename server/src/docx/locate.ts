/**
 * Where a finding is in a Word draft, in terms a reader of the .docx can use: the paragraph
 * number (¶N, see extract.ts) and a short excerpt of the text around the finding, which Word's
 * Find locates at once.
 */
import type { DocxParagraph, DocxText } from './extract';

/** At most this many characters of context on each side of a short finding. */
const CONTEXT = 16;
/** Context starts after, and ends with, a clause mark when there is one within reach. */
const CLAUSE = /[，。；：！？、,;:!?]/;
/** Longer findings (a whole duplicated paragraph) are cut to this many characters. */
const MAX_SPAN = 40;

/** The paragraph holding the offset; the last one for an offset past the end. undefined when the document has no text. */
export function paragraphAt(doc: Pick<DocxText, 'paragraphs'>, offset: number): DocxParagraph | undefined {
  const list = doc.paragraphs;
  let lo = 0;
  let hi = list.length - 1;
  let found: DocxParagraph | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= offset) {
      found = list[mid];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found ?? list[0];
}

/**
 * ¶N and the excerpt for the range [offset, endOffset): the flagged text with a little context,
 * inside its paragraph, "…" where the paragraph goes on. Paragraph 0 and "" when the document is empty.
 */
export function locateInDocx(doc: Pick<DocxText, 'text' | 'paragraphs'>, offset: number, endOffset: number): { paragraph: number; excerpt: string } {
  const paragraph = paragraphAt(doc, offset);
  if (!paragraph) return { paragraph: 0, excerpt: '' };
  const start = Math.min(Math.max(offset, paragraph.start), paragraph.end);
  const end = Math.min(Math.max(endOffset, start), paragraph.end);
  let from: number;
  let to: number;
  if (end - start > MAX_SPAN) {
    from = start;
    to = start + MAX_SPAN;
  } else {
    from = Math.max(paragraph.start, start - CONTEXT);
    to = Math.min(paragraph.end, end + CONTEXT);
    // Begin after the earliest clause mark within reach, end with the first one: whole clauses read better than cut words.
    const before = doc.text.slice(from, Math.max(from, start - 1)).search(CLAUSE);
    if (before >= 0) from += before + 1;
    else while (from > paragraph.start && isWordChar(doc.text[from - 1]) && isWordChar(doc.text[from])) from--;
    const after = doc.text.slice(end, to).search(CLAUSE);
    if (after >= 0) to = end + after + 1;
    else while (to < paragraph.end && isWordChar(doc.text[to - 1]) && isWordChar(doc.text[to])) to++;
  }
  from = boundary(doc.text, from, -1);
  to = boundary(doc.text, to, 1);
  const excerpt = doc.text.slice(from, to).replace(/\s+/g, ' ').trim();
  return { paragraph: paragraph.number, excerpt: `${from > paragraph.start ? '…' : ''}${excerpt}${to < paragraph.end ? '…' : ''}` };
}

/** Digits and Latin letters: a cut inside 108 or a word would misquote it. */
function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[0-9A-Za-z.%]/.test(c);
}

/** Moves a cut off the middle of a surrogate pair, outward. */
function boundary(text: string, at: number, direction: -1 | 1): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff && at > 0 && at < text.length ? at + (direction === 1 ? 1 : -1) : at;
}
