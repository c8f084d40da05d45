/**
 * Word documents for tests, assembled from WordprocessingML strings with jszip (the zip library
 * mammoth reads with), so that every detail the reader depends on is visible here: list numbering
 * is real automatic numbering (w:numPr in the paragraph, levels in word/numbering.xml), never
 * typed markers.
 */
import JSZip from 'jszip';

export type Block =
  | string
  | { text: string; list?: { numId: number; level: number }; style?: string; runs?: string[] }
  | { table: string[][] };

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The four levels of GB/T 9704-2012 §7.3.3 as a Chinese government office sets them up in Word. */
export const GOVERNMENT_LEVELS = [
  { format: 'chineseCounting', text: '%1、' },
  { format: 'chineseCounting', text: '（%2）' },
  { format: 'decimal', text: '%3.' },
  { format: 'decimal', text: '（%4）' },
];

export function abstractNum(id: number, levels: Array<{ format: string; text: string; start?: number; restart?: number }>): string {
  const lvls = levels
    .map(
      (l, i) =>
        `<w:lvl w:ilvl="${i}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.format}"/>` +
        `${l.restart !== undefined ? `<w:lvlRestart w:val="${l.restart}"/>` : ''}<w:lvlText w:val="${escape(l.text)}"/><w:lvlJc w:val="left"/></w:lvl>`,
    )
    .join('');
  return `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/>${lvls}</w:abstractNum>`;
}

export function num(id: number, abstractId: number, overrides: Record<number, number> = {}): string {
  const o = Object.entries(overrides)
    .map(([level, start]) => `<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="${start}"/></w:lvlOverride>`)
    .join('');
  return `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstractId}"/>${o}</w:num>`;
}

export const DEFAULT_NUMBERING = abstractNum(0, GOVERNMENT_LEVELS) + num(1, 0);

function paragraph(block: Exclude<Block, { table: string[][] }>): string {
  const b = typeof block === 'string' ? { text: block } : block;
  const pPr = [
    b.style ? `<w:pStyle w:val="${b.style}"/>` : '',
    b.list ? `<w:numPr><w:ilvl w:val="${b.list.level}"/><w:numId w:val="${b.list.numId}"/></w:numPr>` : '',
  ].join('');
  // Several runs, as Word writes text whose formatting or revision history changes mid-sentence.
  const runs = (b.runs ?? [b.text]).map((t) => `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${escape(t)}</w:t></w:r>`).join('');
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs}</w:p>`;
}

function table(rows: string[][]): string {
  const body = rows.map((row) => `<w:tr>${row.map((cell) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${paragraph(cell)}</w:tc>`).join('')}</w:tr>`).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${rows[0]!.map(() => '<w:gridCol w:w="2000"/>').join('')}</w:tblGrid>${body}</w:tbl>`;
}

export interface DocxOptions {
  /** Contents of <w:numbering> (abstractNum and num elements); DEFAULT_NUMBERING when omitted. */
  numbering?: string;
  /** Contents of <w:styles>. */
  styles?: string;
}

export async function buildDocx(blocks: Block[], options: DocxOptions = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' +
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      '</Relationships>',
  );
  zip.file('word/numbering.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="${W}">${options.numbering ?? DEFAULT_NUMBERING}</w:numbering>`);
  zip.file(
    'word/styles.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${options.styles ?? ''}</w:styles>`,
  );
  const body = blocks.map((b) => (typeof b === 'object' && 'table' in b ? table(b.table) + '<w:p/>' : paragraph(b))).join('');
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A short annual report drafted in Word: automatic numbering on every heading, a table, and a rate that does not match its counts. */
export const REPORT_BLOCKS: Block[] = [
  '某县2023年法治政府建设年度报告',
  '2023年，我县坚持以习近平法治思想为指导，扎实推进法治政府建设。现将有关情况报告如下：',
  { text: '2023年推进法治政府建设的主要举措和成效', list: { numId: 1, level: 0 } },
  { text: '加强党的领导', list: { numId: 1, level: 1 } },
  { text: '党政主要负责人切实履行推进法治建设第一责任人职责，带头学法。', list: { numId: 1, level: 2 } },
  { text: '强化学法考试。组织领导干部参加法律知识考试120人，考试通过108人，通过率为95%。', list: { numId: 1, level: 2 }, runs: ['强化学法考试。组织领导干部参加法律知识考试120人，', '考试通过108人，通过率为95%。'] },
  { text: '健全依法决策机制', list: { numId: 1, level: 1 } },
  { text: '重大行政决策全部经过合法性审查。', list: { numId: 1, level: 2 } },
  { table: [['项目', '件数'], ['行政复议案件', '36'], ['行政诉讼案件', '12']] },
  { text: '2023年推进法治政府建设存在的不足和原因', list: { numId: 1, level: 0 } },
  '一是基层执法力量不足；二是法治宣传的针对性不强。',
  { text: '2024年推进法治政府建设的主要安排', list: { numId: 1, level: 0 } },
  '全面推进严格规范公正文明执法。',
  '某县人民政府',
  '2024年2月20日',
];
