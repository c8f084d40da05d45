/**
 * Word drafts on the server side: where a report-docx: document comes from, and checking report
 * files on disk for "Check All Reports in Workspace" (see workspace-protocol.ts).
 */
import * as fs from 'node:fs';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { decodeReport } from '../engine/decode';
import { DocxError, extractDocx } from '../docx/extract';
import { t } from './i18n';
import { invalid } from './params';
import { Superseded } from './runner';
import type { Session } from './session';
import { resolveLocale } from './settings';
import { uriToPath } from './workspace';
import { WORD_DRAFT_SCHEME, type CheckFileResult } from './workspace-protocol';

/** The .docx on disk that a report-docx: URI shows, when it is a local file (see WORD_DRAFT_SCHEME). */
export function wordDraftFile(uri: string): string | undefined {
  const prefix = `${WORD_DRAFT_SCHEME}:`;
  if (!uri.startsWith(prefix) || uri.includes('?')) return undefined;
  return uriToPath(`file:${uri.slice(prefix.length)}`);
}

/** The language a file would open in: what decides whether it is checked without looking like a report. */
function languageOf(file: string): string {
  if (/\.report\.(?:txt|md|markdown|docx)$/i.test(file)) return 'report';
  if (/\.(?:md|markdown)$/i.test(file)) return 'markdown';
  return 'plaintext';
}

export async function checkFile(session: Session, params: unknown): Promise<CheckFileResult | null> {
  const record = typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {};
  if (typeof record.uri !== 'string') throw invalid('expected params.uri to be the file: URI of a report');
  const file = uriToPath(record.uri);
  if (!file) throw invalid(`expected params.uri to be a file: URI, got ${record.uri}`);
  const documentUri = typeof record.documentUri === 'string' ? record.documentUri : record.uri;
  const locale = resolveLocale((await session.settings.get(documentUri)).locale, session.init.clientLocale);

  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return { diagnostics: [], problem: locale === 'zh' ? `无法读取文件（${code}）` : `cannot read the file (${code})` };
  }
  let text: string;
  let warnings: string[] = [];
  // A Word draft is plain text to the checker: markdown syntax in it would be ordinary characters.
  let languageId = languageOf(file);
  if (/\.docx$/i.test(file)) {
    try {
      const draft = await extractDocx(bytes);
      text = draft.text;
      warnings = draft.warnings.map((w) => w[locale]);
    } catch (error) {
      if (error instanceof DocxError) return { diagnostics: [], problem: error.reason[locale] };
      throw error;
    }
    if (languageId === 'markdown') languageId = 'plaintext';
  } else {
    const decoded = decodeReport(bytes);
    if (decoded.binary) return { diagnostics: [], problem: t('binaryFile', locale, { position: decoded.binary.byte + 1 }) /* counted from 1, as people count */ };
    if (decoded.damaged) warnings = [t('damagedFile', locale, { ...decoded.damaged, encoding: decoded.encoding.toUpperCase() })];
    text = decoded.text;
  }

  const job = await session.prepare({ uri: documentUri, languageId, version: 0, text }, 0);
  if (!job || !job.lint) return null;
  try {
    const analysis = await session.runner.analyze(job);
    return { diagnostics: analysis.diagnostics, ...(warnings.length ? { warnings } : {}) };
  } catch (error) {
    // A newer request for the same file replaced this one (the client checked it again): say so, as LSP does.
    if (error instanceof Superseded) throw new ResponseError(LSPErrorCodes.ContentModified, error.message);
    throw error;
  }
}
