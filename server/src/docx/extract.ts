/**
 * The text of a Word draft (.docx), as the checker reads a plain-text report: one line per
 * non-empty paragraph, in document order, table cells included (each cell paragraph a line of its
 * own), Word's automatic list numbering written out as the markers the reader sees (「一、」
 * 「（一）」 「1.」 「（1）」, see numbering.ts). A manual line break inside a paragraph starts a new
 * line but not a new paragraph.
 *
 * mammoth reads the document (runs, hyperlinks, content controls, tracked insertions, text boxes,
 * tables). It does not write list numbers, so before handing it the package the numbering markers
 * are inserted as text at the start of their paragraphs in an in-memory copy of the main document
 * part. The file itself is only read.
 *
 * A .docx has no lines a user could look up, so positions are given as paragraph numbers: ¶N is
 * the Nth non-empty paragraph, counted as in `paragraphs` below.
 */
import type JSZip from 'jszip';
import type { Localized } from '../engine/rule';
import { WordNumbering } from './numbering';
import { MC_NAMESPACE, RELATIONSHIPS_NAMESPACE, W_NAMESPACES, all, child, parseXml, serializeXml, type XmlDocument, type XmlNode } from './xml';

export interface DocxParagraph {
  /** 1-based number of the paragraph among the non-empty paragraphs of the document (¶N). */
  number: number;
  /** Offsets of the paragraph's text in DocxText.text: [start, end). */
  start: number;
  end: number;
}

export interface DocxText {
  text: string;
  paragraphs: DocxParagraph[];
  /** What could not be rendered exactly (e.g. a list number format this reader does not know). */
  warnings: Localized[];
}

export type DocxProblem = 'notZip' | 'oldFormat' | 'notWord' | 'damaged';

/** The file cannot be read as a Word document; `message` is the reason, in both languages. */
export class DocxError extends Error {
  constructor(
    readonly problem: DocxProblem,
    readonly reason: Localized,
  ) {
    super(reason.en);
  }
}

const DAMAGED = (part: string, detail: string): Localized => ({
  zh: `Word 文档已损坏：无法读取其中的 ${part}（${detail}）`,
  en: `the Word document is damaged: its part ${part} cannot be read (${detail})`,
});

/** The signature of OLE2 compound files: Word 97–2003 .doc, and any password-protected Office file. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export async function extractDocx(bytes: Uint8Array): Promise<DocxText> {
  // Loaded on first use: the CLI and the language server start without them for text reports.
  const [{ default: JSZipClass }, { default: mammoth }] = await Promise.all([import('jszip'), import('mammoth')]);
  if (OLE2.every((b, i) => bytes[i] === b)) {
    throw new DocxError('oldFormat', {
      zh: '这是 Word 97–2003 格式（.doc）或受密码保护的文档，无法直接读取：请在 Word 或 WPS 中另存为不加密的 .docx 后再检查',
      en: 'this is a Word 97–2003 document (.doc) or a password-protected one, which cannot be read: save it as an unencrypted .docx in Word or WPS, then check it',
    });
  }
  let zip: JSZip;
  try {
    zip = await JSZipClass.loadAsync(bytes);
  } catch {
    throw new DocxError('notZip', {
      zh: '不是有效的 Word 文档（.docx）：文件不是 Office Open XML 压缩包，可能已损坏或只是改了扩展名',
      en: 'not a valid Word document (.docx): the file is not an Office Open XML package; it may be damaged, or only renamed to .docx',
    });
  }

  const mainPath = (await relationshipTarget(zip, '_rels/.rels', '', 'officeDocument')) ?? 'word/document.xml';
  const main = zip.file(mainPath);
  if (!main) {
    throw new DocxError('notWord', {
      zh: '不是 Word 文档：压缩包中没有 Word 正文（可能是 Excel、PowerPoint 或其他格式的文件）',
      en: 'not a Word document: the package has no Word document body (it may be a spreadsheet, a presentation or another kind of file)',
    });
  }
  const folder = mainPath.includes('/') ? mainPath.slice(0, mainPath.lastIndexOf('/') + 1) : '';
  const partsRels = `${folder}_rels/${mainPath.slice(folder.length)}.rels`;
  const numberingPath = (await relationshipTarget(zip, partsRels, folder, 'numbering')) ?? `${folder}numbering.xml`;
  const stylesPath = (await relationshipTarget(zip, partsRels, folder, 'styles')) ?? `${folder}styles.xml`;

  const document = await readPart(zip, mainPath);
  const w = document.documentElement?.namespaceURI ?? '';
  if (!W_NAMESPACES.includes(w)) throw new DocxError('notWord', DAMAGED(mainPath, `unexpected root element ${document.documentElement?.localName ?? ''}`));
  const numbering = new WordNumbering(w, zip.file(numberingPath) ? await readPart(zip, numberingPath) : undefined, zip.file(stylesPath) ? await readPart(zip, stylesPath) : undefined);
  const unsupported = writeListMarkers(document, w, numbering);
  zip.file(mainPath, serializeXml(document));
  // Pictures and embedded objects are never read: dropping them keeps the copy small.
  zip.forEach((name) => {
    if (/\/(?:media|embeddings)\//.test(name)) zip.remove(name);
  });

  let body: MammothElement | undefined;
  try {
    const copy = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    await mammoth.convertToHtml(
      { buffer: copy },
      {
        // The document model is all that is needed: keep it, and give the HTML writer nothing to do.
        transformDocument: (element: MammothElement) => {
          body = element;
          return { ...element, children: [] };
        },
      },
    );
  } catch (error) {
    throw new DocxError('damaged', DAMAGED(mainPath, (error as Error).message.split('\n')[0] ?? ''));
  }

  const result = paragraphsOf(body);
  if (unsupported.size) {
    const formats = [...unsupported].join(', ');
    result.warnings.push({
      zh: `自动编号格式 ${formats} 无法按原样写出，已按阿拉伯数字写出`,
      en: `the automatic list number format ${formats} cannot be written as Word shows it; written as Arabic digits instead`,
    });
  }
  return result;
}

async function readPart(zip: JSZip, path: string): Promise<XmlDocument> {
  const file = zip.file(path);
  if (!file) throw new DocxError('damaged', DAMAGED(path, 'missing'));
  let text: string;
  try {
    text = await file.async('string');
  } catch (error) {
    throw new DocxError('damaged', DAMAGED(path, (error as Error).message));
  }
  try {
    return parseXml(text);
  } catch (error) {
    throw new DocxError('damaged', DAMAGED(path, (error as Error).message));
  }
}

/** The target of the relationship of the given type (…/officeDocument, …/numbering), as a path in the package. */
async function relationshipTarget(zip: JSZip, relsPath: string, base: string, type: string): Promise<string | undefined> {
  if (!zip.file(relsPath)) return undefined;
  const rels = await readPart(zip, relsPath);
  for (const rel of all(rels, RELATIONSHIPS_NAMESPACE, 'Relationship')) {
    const relType = rel.getAttribute('Type');
    const target = rel.getAttribute('Target');
    if (!relType?.endsWith('/' + type) || !target || /^[a-z]+:/i.test(target)) continue;
    return normalizePath(target.startsWith('/') ? target.slice(1) : base + target);
  }
  return undefined;
}

function normalizePath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

/**
 * Inserts each numbered paragraph's marker as a text run at its start. Paragraphs in an
 * mc:Choice are skipped: the same content is repeated in the mc:Fallback, which is what mammoth
 * reads, and counting both would count every text-box paragraph twice.
 */
function writeListMarkers(document: XmlDocument, w: string, numbering: WordNumbering): Set<string> {
  const unsupported = new Set<string>();
  for (const paragraph of all(document, w, 'p')) {
    if (insideChoice(paragraph)) continue;
    const pPr = child(paragraph, w, 'pPr');
    const numPr = numbering.paragraphNumbering(pPr);
    const marker = numPr && numbering.next(numPr);
    if (!marker) continue;
    for (const format of marker.unsupported) unsupported.add(format);
    const prefix = paragraph.lookupPrefix(w) ?? 'w';
    const run = document.createElementNS(w, `${prefix}:r`);
    const text = document.createElementNS(w, `${prefix}:t`);
    text.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
    text.appendChild(document.createTextNode(marker.text));
    run.appendChild(text);
    paragraph.insertBefore(run, pPr ? pPr.nextSibling : paragraph.firstChild);
  }
  return unsupported;
}

function insideChoice(node: XmlNode): boolean {
  for (let at = node.parentNode; at; at = at.parentNode) {
    if (at.localName === 'Choice' && at.namespaceURI === MC_NAMESPACE) return true;
  }
  return false;
}

/** mammoth's document model: plain objects with a type, children, and text values. */
interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  breakType?: string;
}

function paragraphsOf(body: MammothElement | undefined): DocxText {
  const texts: string[] = [];
  const collect = (element: MammothElement) => {
    if (element.type === 'paragraph') {
      // A text box anchored in the paragraph holds paragraphs of its own; they follow it.
      const nested: MammothElement[] = [];
      texts.push(inlineText(element, nested));
      nested.forEach(collect);
    } else {
      element.children?.forEach(collect);
    }
  };
  if (body) collect(body);

  let text = '';
  const paragraphs: DocxParagraph[] = [];
  for (const raw of texts) {
    if (!raw.trim()) continue;
    if (paragraphs.length) text += '\n';
    paragraphs.push({ number: paragraphs.length + 1, start: text.length, end: text.length + raw.length });
    text += raw;
  }
  return { text, paragraphs, warnings: [] };
}

function inlineText(element: MammothElement, nested: MammothElement[]): string {
  let out = '';
  for (const node of element.children ?? []) {
    if (node.type === 'text') out += node.value ?? '';
    else if (node.type === 'tab') out += '\t';
    else if (node.type === 'break') out += node.breakType === 'line' ? '\n' : '';
    else if (node.type === 'paragraph') nested.push(node);
    // Footnote and comment references are marks, not text; their bodies are not part of the report.
    else if (node.type === 'noteReference' || node.type === 'commentReference') continue;
    else out += inlineText(node, nested);
  }
  return out.replace(/\r\n?/g, '\n');
}
