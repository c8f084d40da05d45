/**
 * The custom request the client sends besides standard LSP. Its shapes are declared once, in the
 * server's protocol file, which holds types and strings only and so adds nothing to this bundle.
 */
import { RequestType } from 'vscode-languageclient/node';
import { CHECKLIST_METHOD, type ChecklistParams, type ChecklistResult } from '../../server/src/lsp/protocol';

export type { ChecklistItem, ChecklistResult } from '../../server/src/lsp/protocol';
export type Totals = ChecklistResult['totals'];

/**
 * Sent by the client when the active document or its diagnostics change. The client reads null
 * as "not a report": a plain-text or Markdown file that does not look like one, or any document
 * while reportLint.enable is false.
 */
export const ChecklistRequest = new RequestType<ChecklistParams, ChecklistResult | null, void>(CHECKLIST_METHOD);
