/**
 * The protocol of the two reviewer features in the editor, "Open Word Draft as Report" and "Check
 * All Reports in Workspace". Types and strings only (type imports are erased), so the VS Code
 * client can import this file without pulling the server into its bundle.
 */
import type { Diagnostic } from 'vscode-languageserver';

/**
 * The URI scheme of a Word draft shown as a read-only report: the .docx's own URI with this
 * scheme. For a local file the rest of the URI is the file's (report-docx:/path/报告.docx); for a
 * file elsewhere (a remote or virtual workspace) the query holds the source URI in full.
 * Documents of this scheme in the `report` language are checked like any report; the server finds
 * the .reportlintrc.json of a local .docx's folder through it.
 */
export const WORD_DRAFT_SCHEME = 'report-docx';

/**
 * Sent by the client for each report file of the workspace that is not open in an editor: the
 * server reads the file from disk, checks it with the settings and configuration that apply to
 * it, and answers with its diagnostics. Nothing is published: the client keeps these diagnostics
 * in a collection of its own and drops a file's entry while the file is open, when the server's
 * live diagnostics take over.
 *
 * Answered null when the file is not a report the server checks (a text file that does not read
 * like one, or reportLint.enable is false for it).
 */
export const CHECK_FILE_METHOD = 'reportLint/checkFile';

export interface CheckFileParams {
  /** file: URI of a .txt, .md or .docx on disk. */
  uri: string;
  /**
   * The URI the diagnostics are for, used in their related locations: the file's own URI, or the
   * report-docx: URI of a Word draft. Defaults to `uri`.
   */
  documentUri?: string;
}

export interface CheckFileResult {
  diagnostics: Diagnostic[];
  /** Why the file could not be checked (unreadable, not a Word document…), in the user's language. */
  problem?: string;
  /** What could not be read exactly (e.g. an unknown list number format), in the user's language. */
  warnings?: string[];
}
