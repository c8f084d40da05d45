/**
 * The report-lint extension. It starts the language server (out/server.cjs), which does all the
 * checking, fixing, hovers, completion, symbols and folding, and adds the parts that need the
 * editor's UI: commands on the active report, the checklist view and a status bar item.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  LanguageClient,
  State,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { createChecklistView } from './checklist-view';
import { registerCommands } from './commands';
import { ReportState } from './report-state';
import { ReportStatusItem } from './status';
import { isWordDraft, registerWordDrafts } from './word-draft';
import { registerWorkspaceCheck } from './workspace-check';
import { WORKSPACE_TRUSTED_METHOD, WORKSPACE_TRUSTED_OPTION } from '../../server/src/lsp/protocol';
import { WORD_DRAFT_SCHEME } from '../../server/src/lsp/workspace-protocol';
import serverProcess from '../../server/src/lsp/server-process.json';

/** What activate returns: the running client, for tests in the extension host. */
export interface ReportLintApi {
  readonly client: LanguageClient;
  /** Milliseconds from activation to a running language server (initialized), for the benchmark. */
  readonly activationMs: number;
}

/**
 * Report drafts, and plain text and Markdown, which the server checks when their content looks
 * like a report (reportLint.autoDetect). Only files on disk and untitled ones: diff views and other
 * virtual documents would show the same findings twice. The one virtual document checked is a
 * Word draft opened as a report (word-draft.ts), which exists nowhere else as text.
 */
const DOCUMENT_SELECTOR = [
  ...['report', 'plaintext', 'markdown'].flatMap((language) => ['file', 'untitled'].map((scheme) => ({ language, scheme }))),
  { language: 'report', scheme: WORD_DRAFT_SCHEME },
];

/** The default error handler's limit: restarts within 3 minutes before the client gives up. */
const MAX_RESTARTS = 4;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ReportLintApi> {
  const activationStarted = performance.now();
  const module = vscode.Uri.joinPath(context.extensionUri, 'out', 'server.cjs').fsPath;
  const serverOptions: ServerOptions = {
    // Heap flags and malloc settings that keep the server's memory low (see server/src/lsp/heap.ts).
    // The client adds these variables to the extension host's environment.
    run: { module, transport: TransportKind.stdio, options: { execArgv: serverProcess.execArgv, env: serverProcess.env } },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: [...serverProcess.execArgv, '--nolazy', '--inspect=6019'], env: serverProcess.env } },
  };
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/.reportlintrc.json');
  const clientOptions: LanguageClientOptions = {
    // The configuration file is synced too, so mistakes in it are shown while it is being edited.
    documentSelector: [...DOCUMENT_SELECTOR, { scheme: 'file', pattern: '**/.reportlintrc.json' }],
    synchronize: { configurationSection: 'reportLint', fileEvents: configWatcher },
    diagnosticCollectionName: 'report-lint',
    // Read at every (re)start, so a server restarted after the user trusted the workspace knows it.
    // In Restricted Mode VS Code itself withholds the workspace's values of the settings listed in
    // package.json's restrictedConfigurations; the server keeps .reportlintrc.json to severities.
    initializationOptions: () => ({ [WORKSPACE_TRUSTED_OPTION]: vscode.workspace.isTrusted }),
    errorHandler: crashNotice(() => languageClient),
    middleware: {
      // A Word draft is read-only here: its fixes are made in Word, so none are offered.
      provideCodeActions: (document, range, context, token, next) => (isWordDraft(document.uri) ? [] : next(document, range, context, token)),
    },
  };
  // The id matches the settings section, so reportLint.trace.server sets the trace level.
  const languageClient = new LanguageClient('reportLint', 'Report Lint', serverOptions, clientOptions);
  client = languageClient;

  const state = new ReportState(languageClient, DOCUMENT_SELECTOR);
  context.subscriptions.push(
    configWatcher,
    state,
    createChecklistView(state, languageClient),
    new ReportStatusItem(state, languageClient),
    ...registerCommands(languageClient, state),
    ...registerWordDrafts(),
    ...registerWorkspaceCheck(languageClient),
    // A stopped server learns of the trust from initializationOptions when it starts again.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (languageClient.state === State.Stopped) return;
      languageClient.sendNotification(WORKSPACE_TRUSTED_METHOD).catch((error: unknown) => languageClient.warn(`${WORKSPACE_TRUSTED_METHOD} failed`, error, false));
    }),
  );

  try {
    await languageClient.start();
  } catch {
    // The client has already shown the failure and logged it; the commands stay registered so
    // that "Restart Language Server" can be tried after the cause is fixed.
  }
  return { client: languageClient, activationMs: performance.now() - activationStarted };
}

export async function deactivate(): Promise<void> {
  await client?.dispose();
}

/**
 * The default error handler, with messages a user can act on: a notice each time a crashed server
 * is restarted (the default only logs it), and a localized explanation when it gives up.
 */
function crashNotice(getClient: () => LanguageClient): ErrorHandler {
  let fallback: ErrorHandler | undefined;
  const defaults = () => (fallback ??= getClient().createDefaultErrorHandler(MAX_RESTARTS));
  const showOutput = vscode.l10n.t('Show Output');
  return {
    error: (error, message, count) => defaults().error(error, message, count),
    async closed() {
      const result = await defaults().closed();
      if (result.action === CloseAction.Restart) {
        void vscode.window
          .showWarningMessage(vscode.l10n.t('The report checker stopped unexpectedly and has been restarted.'), showOutput)
          .then((choice) => choice === showOutput && getClient().outputChannel.show(true));
        return { action: CloseAction.Restart, handled: true };
      }
      return {
        action: CloseAction.DoNotRestart,
        message: vscode.l10n.t(
          'The report checker stopped {0} times within 3 minutes and will not be restarted. See the output for the cause, then run “Report Lint: Restart Language Server”.',
          MAX_RESTARTS + 1,
        ),
      };
    },
  };
}
