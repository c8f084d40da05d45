/**
 * The report-lint language server (out/server.cjs): `node out/server.cjs --stdio` or `--node-ipc`.
 * This file only wires the connection to the features in lsp/ (see docs/lsp.md). The same bundle
 * also serves as the worker thread that analyses huge documents (lsp/runner.ts).
 */
// Keep first: it sets a heap flag before anything else allocates.
import './lsp/heap';
import * as path from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
  CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, LSPErrorCodes, ProposedFeatures, ResponseError,
  TextDocumentSyncKind, TextDocuments, createConnection, type Connection, type DocumentDiagnosticReport, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME } from './engine/config';
import { codeActions } from './lsp/code-actions';
import { checklist } from './lsp/commands';
import { completions } from './lsp/completion';
import { executeCommand, resolveCodeAction } from './lsp/execute';
import { factsOf } from './lsp/facts';
import { hover } from './lsp/hover';
import { documentUri, position, uriArgument } from './lsp/params';
import { CHECKLIST_METHOD, COMMANDS, FIX_ALL_KIND, WORKSPACE_TRUSTED_METHOD, WORKSPACE_TRUSTED_OPTION, type ChecklistParams } from './lsp/protocol';
import { WORKER_MARK, serveWorkerJob } from './lsp/runner';
import { Session, serverOptions } from './lsp/session';
import { toDocumentSymbols, toFoldingRanges } from './lsp/symbols';
import { warmUp } from './lsp/warmup';
import { checkFile } from './lsp/word-draft';
import { isConfigFile, uriToPath } from './lsp/workspace';
import { CHECK_FILE_METHOD } from './lsp/workspace-protocol';

const VERSION = '0.1.0';

function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let session!: Session;

  connection.onInitialize((params): InitializeResult => {
    const folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((f): f is string => !!f);
    const root = params.rootUri ? uriToPath(params.rootUri) : undefined;
    const initOptions = params.initializationOptions as Record<string, unknown> | null | undefined;
    session = new Session(connection, documents, {
      capabilities: params.capabilities,
      options: serverOptions(params.initializationOptions),
      ...(params.locale ? { clientLocale: params.locale } : {}),
      folders: folders.length || !root ? folders : [root],
      // The rule pages ship next to the bundle: out/server.cjs → docs/rules/<id>.md.
      docsDir: path.resolve(__dirname, '..', 'docs', 'rules'),
      ...(__filename.endsWith('.cjs') ? { workerFile: __filename } : {}),
      // Anything but an explicit false is trusted: trust is the client's to withhold.
      trusted: initOptions?.[WORKSPACE_TRUSTED_OPTION] !== false,
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'report-lint' },
        foldingRangeProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['（', '('], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        executeCommandProvider: { commands: Object.values(COMMANDS) },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        // Pull only for clients that support it; they then get no pushed report diagnostics.
        ...(session.pull ? { diagnosticProvider: { identifier: 'report-lint', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'report-lint', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    warmUp(session.init.docsDir);
    const caps = session.init.capabilities;
    const failed = (what: string) => (e: Error) => session.log(`report-lint: cannot register ${what}: ${e.message}`);
    if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: 'reportLint' }).catch(failed('configuration changes'));
    }
    // The client is expected to watch configuration files too; registering here covers clients that do not.
    if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] }).catch(failed('file watching'));
    }
    if (caps.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
        session.folders = [...session.folders.filter((f) => !removed.has(f)), ...event.added.map((f) => uriToPath(f.uri)).filter((f): f is string => !!f)];
      });
    }
  });

  documents.onDidChangeContent(({ document }) => {
    if (isConfigFile(document.uri)) session.configurationChanged();
    else session.checker.changed(document.uri);
  });
  documents.onDidClose(({ document }) => {
    if (isConfigFile(document.uri)) session.configurationChanged(); // back to the text on disk
    else {
      session.checker.closed(document.uri);
      session.settings.forget(document.uri);
    }
  });
  connection.onDidChangeConfiguration((params) => {
    session.settings.changed((params.settings as { reportLint?: unknown } | null | undefined)?.reportLint);
    session.recheckAll();
  });
  connection.onNotification(WORKSPACE_TRUSTED_METHOD, () => session.trust());
  connection.onDidChangeWatchedFiles((params) => {
    if (Array.isArray(params.changes) && params.changes.some((change) => typeof change?.uri === 'string' && isConfigFile(change.uri))) session.configurationChanged();
  });

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const outcome = await session.analysisOf(documentUri(params)).catch((error: unknown) => {
      // The document changed under the request: ask the client to pull again rather than show stale results.
      if (error instanceof ResponseError && error.code === LSPErrorCodes.ContentModified) {
        throw new ResponseError(LSPErrorCodes.ServerCancelled, error.message, { retriggerRequest: true });
      }
      throw error;
    });
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    if (params.previousResultId === outcome.resultId) return { kind: 'unchanged', resultId: outcome.resultId };
    return { kind: 'full', resultId: outcome.resultId, items: outcome.unchecked ? [] : outcome.diagnostics };
  });

  const factsFor = async (params: unknown) => {
    const report = await session.reportOf(documentUri(params));
    const facts = report && factsOf(report);
    return facts && { report, facts };
  };
  connection.onDocumentSymbol(async (params) => toDocumentSymbols((await factsFor(params))?.facts.outline ?? []));
  connection.onFoldingRanges(async (params) => toFoldingRanges((await factsFor(params))?.facts.outline ?? []));
  connection.onHover(async (params) => {
    const at = position(params);
    const found = await factsFor(params);
    return (found && hover(found.facts, at, found.report.options.locale)) ?? null;
  });
  connection.onCompletion(async (params) => {
    const at = position(params);
    const found = await factsFor(params);
    const doc = documents.get(params.textDocument.uri);
    if (!found || !doc || doc.version !== found.report.version) return [];
    const linePrefix = doc.getText({ start: { line: at.line, character: 0 }, end: at });
    return completions(found.facts, { linePrefix, line: at.line, character: at.character, offset: doc.offsetAt(at) }, found.report.options.locale);
  });

  connection.onCodeAction(async (params) => {
    const uri = documentUri(params);
    const report = await session.reportOf(uri);
    const doc = documents.get(uri);
    if (!report || !doc) return [];
    const actions = codeActions({
      uri, version: doc.version, format: report.options.format, text: doc.getText(), locale: report.options.locale,
      diagnostics: Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [],
      ...(Array.isArray(params.context?.only) ? { only: params.context.only } : {}),
      fixable: report.fixable, hasFile: !!uriToPath(uri), trusted: session.trusted,
    });
    // Clients that cannot resolve an action's edit later get every edit computed now.
    const resolves = session.init.capabilities.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit');
    return resolves ? actions : Promise.all(actions.map((action) => resolveCodeAction(session, action)));
  });
  connection.onCodeActionResolve((action) => resolveCodeAction(session, action));
  connection.onExecuteCommand((params) => executeCommand(session, params));

  // Sent by the client's checklist view when it opens and when the active report or its diagnostics change.
  // null: not a report the server checks (an ordinary text file, or reportLint.enable is false).
  connection.onRequest(CHECKLIST_METHOD, async (params: ChecklistParams) => {
    const report = await session.reportOf(uriArgument(params, 'params.uri'));
    return report?.linted ? checklist(factsOf(report), report.summary, report.options.locale) : null;
  });

  // "Check All Reports in Workspace": a file on disk, checked without opening it (see lsp/workspace-protocol.ts).
  connection.onRequest(CHECK_FILE_METHOD, (params: unknown) => checkFile(session, params));

  connection.onShutdown(() => session?.dispose());
  documents.listen(connection);
  connection.listen();
}

if (!isMainThread && (workerData as Record<string, unknown> | undefined)?.[WORKER_MARK]) {
  serveWorkerJob(parentPort!);
} else {
  // A rejected promise nobody awaited must not take the editor's checking down (Node ends the process by default).
  process.on('unhandledRejection', (reason) => console.error('report-lint: unhandled rejection', reason));
  startServer(createConnection(ProposedFeatures.all));
}
