/**
 * The report the checklist view and the status bar describe: the active editor's document, when
 * the server treats it as a report, with its checklist. Refreshed when the active editor changes
 * and when the server publishes diagnostics for that document — never by polling.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { CONTEXT } from './names';
import { ChecklistRequest, type ChecklistResult } from './protocol';

/** Diagnostics arrive in bursts while the user types; one checklist request per pause is enough. */
const DIAGNOSTICS_DELAY_MS = 250;

/** Editors of other schemes (output, diff, settings…) take focus without changing which report is being worked on. */
const DOCUMENT_SCHEMES = new Set(['file', 'untitled']);

export class ReportState implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  /** The report being described, and its checklist; both undefined when there is none. */
  document: vscode.TextDocument | undefined;
  checklist: ChecklistResult | undefined;

  /** The active document the server is given, before it has said whether it is a report. */
  private candidate: vscode.TextDocument | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Incremented per refresh, so that a slow answer for an earlier document is dropped. */
  private generation = 0;
  private seenReport = false;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly client: LanguageClient,
    private readonly selector: vscode.DocumentSelector,
  ) {
    this.follow(vscode.window.activeTextEditor?.document);
    this.disposables.push(
      this.changed,
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // No text editor means a settings page, a webview or an image became active: keep describing the last report.
        if (editor) this.follow(editor.document);
      }),
      // A language mode change reopens the document under its new language id.
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (document === vscode.window.activeTextEditor?.document) this.follow(document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (sameUri(document.uri, this.candidate?.uri)) this.setCandidate(undefined);
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((uri) => sameUri(uri, this.candidate?.uri))) this.schedule(DIAGNOSTICS_DELAY_MS);
      }),
      client.onDidChangeState((event) => {
        if (event.newState === State.Running || event.newState === State.Stopped) this.schedule(0);
      }),
    );
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** Whether the server is given this document at all (it may still decide it is not a report). */
  isChecked(document: vscode.TextDocument): boolean {
    return vscode.languages.match(this.selector, document) > 0;
  }

  private follow(document: vscode.TextDocument | undefined): void {
    if (document && !DOCUMENT_SCHEMES.has(document.uri.scheme)) return;
    this.setCandidate(document && this.isChecked(document) ? document : undefined);
  }

  private setCandidate(document: vscode.TextDocument | undefined): void {
    this.candidate = document;
    this.schedule(0);
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    const document = this.candidate;
    let checklist: ChecklistResult | null = null;
    if (document && this.client.isRunning()) {
      try {
        checklist = await this.client.sendRequest(ChecklistRequest, {
          uri: this.client.code2ProtocolConverter.asUri(document.uri),
        });
      } catch (error) {
        // Logged only: the request fails while the server restarts, and the restart triggers another refresh.
        this.client.warn('reportLint/checklist failed', error, false);
      }
    }
    if (generation !== this.generation) return;
    this.document = checklist ? document : undefined;
    this.checklist = checklist ?? undefined;
    void vscode.commands.executeCommand('setContext', CONTEXT.activeReport, checklist !== null);
    if (checklist && !this.seenReport) {
      this.seenReport = true;
      void vscode.commands.executeCommand('setContext', CONTEXT.seenReport, true);
    }
    this.changed.fire();
  }
}

function sameUri(a: vscode.Uri, b: vscode.Uri | undefined): boolean {
  return b !== undefined && a.toString() === b.toString();
}
