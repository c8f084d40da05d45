/**
 * "Check All Reports in Workspace": every report file of the workspace — .txt and .md that read
 * like a report, *.report.txt/.md, Word .docx — checked and listed in the Problems panel, also the
 * ones not open in an editor.
 *
 * Files shown in an editor tab are the language server's: the client pulls their diagnostics
 * from the live text, and drops them when the last tab closes. For the others the server reads
 * the file from disk when asked (reportLint/checkFile) and answers with diagnostics that this
 * module keeps in a collection of its own. The entries are kept current:
 *   - a file opened in a tab leaves the collection (the live diagnostics replace it) and comes
 *     back, checked again from disk, when its last tab is closed;
 *   - a file changed or created on disk is checked again, a deleted one is dropped;
 *   - a change of the reportLint settings or of a .reportlintrc.json checks them all again.
 * A Word draft's diagnostics are kept under its report-docx: URI, so clicking one opens the draft
 * as a report at the right place.
 */
import * as vscode from 'vscode';
import { RequestType, type LanguageClient } from 'vscode-languageclient/node';
import { CHECK_FILE_METHOD, type CheckFileParams, type CheckFileResult } from '../../server/src/lsp/workspace-protocol';
import { COMMANDS } from './names';
import { FOCUS_PROBLEMS } from './status';
import { isWordDraft, wordDraftUri } from './word-draft';

const CheckFileRequest = new RequestType<CheckFileParams, CheckFileResult | null, void>(CHECK_FILE_METHOD);

const REPORT_FILES = '**/*.{txt,md,markdown,docx}';
const EXCLUDED = '**/{node_modules,.git}/**';
/** Enough for any office's reports; a workspace with more files is most likely not a folder of reports. */
const MAX_FILES = 5000;
/** Changes on disk come in bursts (a folder copied in, a sync): check once they settle. */
const SETTLE_MS = 300;

interface Entry {
  /** The file on disk. */
  source: vscode.Uri;
  /** Where its diagnostics are shown: the file itself, or the report-docx: URI of a Word draft. */
  target: vscode.Uri;
}

interface Tally {
  reports: number;
  errors: number;
  warnings: number;
  unreadable: number;
}

export class WorkspaceCheck implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('report-lint-workspace');
  /** Files checked from disk, by their source URI. */
  private readonly entries = new Map<string, Entry>();
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private watching = false;
  private readonly pending = new Map<string, vscode.Uri>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly client: LanguageClient) {
    this.disposables.push(
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        for (const tab of event.opened) {
          const entry = this.entryShownAt(tabUri(tab));
          if (entry) this.clear(entry);
        }
        for (const tab of event.closed) {
          const entry = this.entryShownAt(tabUri(tab));
          if (entry && !isShown(entry.target)) this.schedule([entry.source]);
        }
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('reportLint')) this.schedule([...this.entries.values()].map((e) => e.source));
      }),
    );
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** The command: find every report file and check those not open. */
  async checkAll(): Promise<Tally | undefined> {
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder of reports first.'));
      return undefined;
    }
    const files = (await vscode.workspace.findFiles(REPORT_FILES, EXCLUDED, MAX_FILES + 1)).filter((uri) => !baseName(uri).startsWith('~$'));
    if (files.length > MAX_FILES) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The workspace has more than {0} text and Word files; only the first {0} are checked.', MAX_FILES));
      files.length = MAX_FILES;
    }
    files.sort((a, b) => a.toString().localeCompare(b.toString()));
    this.watch();
    const tally: Tally = { reports: 0, errors: 0, warnings: 0, unreadable: 0 };
    const finished = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the reports in the workspace'), cancellable: true },
      async (progress, token) => {
        for (const [i, file] of files.entries()) {
          if (token.isCancellationRequested) return false;
          progress.report({ message: `${i + 1}/${files.length} ${baseName(file)}`, increment: 100 / files.length });
          add(tally, await this.check(file));
        }
        return true;
      },
    );
    const summary = vscode.l10n.t('Checked {0} files: {1} reports, {2} errors, {3} warnings.', files.length, tally.reports, tally.errors, tally.warnings);
    const unreadable = tally.unreadable ? ' ' + vscode.l10n.t('{0} files could not be read.', tally.unreadable) : '';
    const stopped = finished ? '' : ' ' + vscode.l10n.t('Stopped before the end.');
    const show = vscode.l10n.t('Open the Problems panel');
    void vscode.window.showInformationMessage(summary + unreadable + stopped, show).then((choice) => choice === show && vscode.commands.executeCommand(FOCUS_PROBLEMS));
    return tally;
  }

  /**
   * Checks one file as it is on disk. Its diagnostics are kept unless it is shown in a tab, where
   * the live ones are; it is counted either way.
   */
  private async check(source: vscode.Uri): Promise<Tally> {
    const target = /\.docx$/i.test(source.path) ? wordDraftUri(source) : source;
    const entry: Entry = { source, target };
    this.entries.set(source.toString(), entry);
    const none: Tally = { reports: 0, errors: 0, warnings: 0, unreadable: 0 };
    let result: CheckFileResult | null;
    try {
      const c2p = this.client.code2ProtocolConverter;
      result = await this.client.sendRequest(CheckFileRequest, { uri: c2p.asUri(source), documentUri: c2p.asUri(target) });
    } catch (error) {
      // A newer check of the same file (it changed meanwhile) answers for it; anything else is logged.
      this.client.warn(`reportLint/checkFile failed for ${source.toString()}`, error, false);
      return none;
    }
    this.clear(entry);
    if (result === null) return none;
    if (result.problem !== undefined) {
      const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), vscode.l10n.t('Cannot check this file: {0}', result.problem), vscode.DiagnosticSeverity.Error);
      diagnostic.source = 'report-lint';
      // Under the file itself: a Word draft that cannot be read cannot be shown as a report either.
      this.collection.set(source, [diagnostic]);
      return { ...none, unreadable: 1 };
    }
    const diagnostics = await this.client.protocol2CodeConverter.asDiagnostics(result.diagnostics);
    if (!isShown(target)) this.collection.set(target, diagnostics);
    return { ...none, reports: 1, ...count(diagnostics) };
  }

  private forget(uri: vscode.Uri): void {
    const entry = this.entries.get(uri.toString());
    if (!entry) return;
    this.clear(entry);
    this.entries.delete(uri.toString());
  }

  private clear(entry: Entry): void {
    this.collection.delete(entry.target);
    this.collection.delete(entry.source);
  }

  private entryShownAt(uri: vscode.Uri | undefined): Entry | undefined {
    if (!uri) return undefined;
    if (isWordDraft(uri)) return [...this.entries.values()].find((e) => e.target.toString() === uri.toString());
    return this.entries.get(uri.toString());
  }

  /** From the first run on: files changed, created or deleted on disk, and configuration files. */
  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    const files = vscode.workspace.createFileSystemWatcher(REPORT_FILES);
    const configs = vscode.workspace.createFileSystemWatcher('**/.reportlintrc.json');
    const recheck = (uri: vscode.Uri) => {
      if (!baseName(uri).startsWith('~$') && !/[\\/](?:node_modules|\.git)[\\/]/.test(uri.path)) this.schedule([uri]);
    };
    const all = () => this.schedule([...this.entries.values()].map((e) => e.source));
    this.disposables.push(
      files,
      configs,
      files.onDidChange(recheck),
      files.onDidCreate(recheck),
      files.onDidDelete((uri) => this.forget(uri)),
      configs.onDidChange(all),
      configs.onDidCreate(all),
      configs.onDidDelete(all),
    );
  }

  private schedule(uris: vscode.Uri[]): void {
    for (const uri of uris) this.pending.set(uri.toString(), uri);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const batch = [...this.pending.values()];
      this.pending.clear();
      void (async () => {
        for (const uri of batch) {
          // Gone by now (deleted, or renamed away): nothing to show for it.
          const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
          if (exists) await this.check(uri);
          else this.forget(uri);
        }
      })();
    }, SETTLE_MS);
  }
}

export function registerWorkspaceCheck(client: LanguageClient): vscode.Disposable[] {
  const check = new WorkspaceCheck(client);
  return [check, vscode.commands.registerCommand(COMMANDS.checkWorkspace, () => check.checkAll())];
}

/** The document of a text editor tab (other tabs — diffs, settings, webviews — show no report of their own). */
function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  return tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
}

/**
 * Whether the file is shown in an editor tab. Not whether VS Code holds its document: a closed
 * editor's document lingers for a while, but the client stops reporting on it when its tab closes.
 */
function isShown(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tabUri(tab)?.toString() === key));
}

function count(diagnostics: readonly vscode.Diagnostic[]): Pick<Tally, 'errors' | 'warnings'> {
  return {
    errors: diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length,
    warnings: diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length,
  };
}

function add(total: Tally, one: Tally): void {
  total.reports += one.reports;
  total.errors += one.errors;
  total.warnings += one.warnings;
  total.unreadable += one.unreadable;
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
