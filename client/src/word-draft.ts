/**
 * "Open Word Draft as Report": a .docx shown as a read-only document in the `report` language, so
 * the language server checks it and its findings appear under the text and in the Problems panel.
 * The text is what the CLI checks (server/src/docx/extract.ts): one line per paragraph, automatic
 * list numbering written out as markers, table cells as paragraphs. The .docx is only ever read;
 * when it is saved again in Word, the view follows.
 */
import * as vscode from 'vscode';
import { DocxError, extractDocx } from '../../server/src/docx/extract';
import { WORD_DRAFT_SCHEME } from '../../server/src/lsp/workspace-protocol';
import { COMMANDS } from './names';

/** The report-docx: URI that shows a .docx (see WORD_DRAFT_SCHEME for its form). */
export function wordDraftUri(source: vscode.Uri): vscode.Uri {
  return source.scheme === 'file' ? source.with({ scheme: WORD_DRAFT_SCHEME }) : vscode.Uri.from({ scheme: WORD_DRAFT_SCHEME, path: source.path, query: source.toString() });
}

export function wordDraftSource(uri: vscode.Uri): vscode.Uri {
  return uri.query ? vscode.Uri.parse(uri.query, true) : uri.with({ scheme: 'file' });
}

export const isWordDraft = (uri: vscode.Uri): boolean => uri.scheme === WORD_DRAFT_SCHEME;

/** The language of messages this module writes itself: the reportLint.locale setting, else VS Code's. */
export function uiLocale(scope?: vscode.Uri): 'zh' | 'en' {
  const setting = vscode.workspace.getConfiguration('reportLint', scope).get<string>('locale');
  if (setting === 'zh' || setting === 'en') return setting;
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export class WordDraftProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  /** One watcher per shown .docx, so a draft saved again in Word is shown and checked afresh. */
  private readonly watchers = new Map<string, vscode.Disposable>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (!isWordDraft(document.uri)) return;
        this.watchers.get(document.uri.toString())?.dispose();
        this.watchers.delete(document.uri.toString());
      }),
    );
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const source = wordDraftSource(uri);
    this.watch(uri, source);
    const locale = uiLocale(source);
    let draft;
    try {
      draft = await extractDocx(await vscode.workspace.fs.readFile(source));
    } catch (error) {
      // The reason, in the user's language, is what the editor shows when the document cannot open.
      throw error instanceof DocxError ? new Error(error.reason[locale]) : error;
    }
    if (draft.warnings.length) {
      void vscode.window.showWarningMessage(vscode.l10n.t('{0}: {1}', baseName(source), draft.warnings.map((w) => w[locale]).join('; ')));
    }
    return draft.text;
  }

  private watch(uri: vscode.Uri, source: vscode.Uri): void {
    const key = uri.toString();
    if (this.watchers.has(key)) return;
    const folder = vscode.Uri.joinPath(source, '..');
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, baseName(source)));
    const refresh = () => this.changed.fire(uri);
    watcher.onDidChange(refresh);
    watcher.onDidCreate(refresh);
    this.watchers.set(key, watcher);
  }

  dispose(): void {
    for (const watcher of this.watchers.values()) watcher.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

export function registerWordDrafts(): vscode.Disposable[] {
  const provider = new WordDraftProvider();
  return [
    provider,
    vscode.workspace.registerTextDocumentContentProvider(WORD_DRAFT_SCHEME, provider),
    // From the Command Palette: no argument, so ask; from the Explorer's context menu: the file.
    vscode.commands.registerCommand(COMMANDS.openWordDraft, async (resource?: vscode.Uri) => {
      const source = resource instanceof vscode.Uri ? resource : await pickDocx();
      if (source) await openWordDraft(source);
    }),
  ];
}

/** Opens a .docx as a report document; shows why not when it cannot be read. Returns the editor, for tests. */
export async function openWordDraft(source: vscode.Uri): Promise<vscode.TextEditor | undefined> {
  try {
    let document = await vscode.workspace.openTextDocument(wordDraftUri(source));
    if (document.languageId !== 'report') document = await vscode.languages.setTextDocumentLanguage(document, 'report');
    return await vscode.window.showTextDocument(document, { preview: false });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot open {0} as a report: {1}', baseName(source), reason));
    return undefined;
  }
}

async function pickDocx(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Open as Report'),
    filters: { [vscode.l10n.t('Word documents')]: ['docx'] },
  });
  return picked?.[0];
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
