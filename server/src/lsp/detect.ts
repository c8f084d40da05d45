/**
 * Which open documents the server checks. Documents in the `report` language always are; plain
 * text and Markdown only when they look like an annual report on building law-based government,
 * so that opening an unrelated .txt or README never fills the Problems view with findings.
 */

/** How much of the start of a document auto-detection reads: enough for the title, the opening and a few sections. */
const SCAN_LIMIT = 20_000;
const OPENING_LINES = 6;
const SUBJECT = /法治政府建设|依法行政/;
const GENRE = /报告|总结|情况/;
const LEVEL_ONE = /^[ \t\u3000>#*]*[一二三四五六七八九十]{1,3}、/gm;
/** Vocabulary of these reports; a numbered document needs a few distinct ones to count as a report. */
const VOCABULARY = ['法治', '依法行政', '行政执法', '行政复议', '行政诉讼', '应诉', '规范性文件', '合法性审查', '普法', '政务公开', '法律顾问', '执法'];

export function looksLikeReport(text: string): boolean {
  const head = text.length > SCAN_LIMIT ? text.slice(0, SCAN_LIMIT) : text;
  // Title or opening paragraph: 《…2023年法治政府建设工作情况的报告》, …现将法治政府建设工作总结如下.
  const opening = head
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim())
    .slice(0, OPENING_LINES)
    .join('\n');
  if (SUBJECT.test(opening) && GENRE.test(opening)) return true;
  const levelOne = head.match(LEVEL_ONE)?.length ?? 0;
  if (levelOne < 2) return false;
  return VOCABULARY.filter((word) => head.includes(word)).length >= 3;
}

export type DocumentFormat = 'text' | 'markdown';

/** The parse format of a document, or undefined when its language is never checked. */
export function documentFormat(languageId: string, uri: string): DocumentFormat | undefined {
  if (languageId === 'markdown') return 'markdown';
  if (languageId === 'plaintext') return 'text';
  if (languageId === 'report') return /\.(md|markdown)$/i.test(uri) ? 'markdown' : 'text';
  return undefined;
}

/** Whether a document is checked: `report` always, plain text and Markdown when auto-detection says so. */
export function isChecked(languageId: string, text: string, autoDetect: boolean): boolean {
  if (languageId === 'report') return true;
  if (languageId !== 'plaintext' && languageId !== 'markdown') return false;
  return autoDetect && looksLikeReport(text);
}
