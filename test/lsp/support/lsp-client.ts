/**
 * A minimal LSP client for protocol tests: spawns the bundled server over stdio, answers the
 * server's requests (configuration, applyEdit, registrations) from test-controlled handlers, and
 * lets tests wait for a notification that matches — never for a fixed time.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  StreamMessageReader, StreamMessageWriter, createProtocolConnection, type ApplyWorkspaceEditParams, type ClientCapabilities,
  type ConfigurationParams, type Diagnostic, type InitializeResult, type ProtocolConnection, type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';

export const ROOT = path.resolve(__dirname, '../../..');
export const SERVER = path.join(ROOT, 'out/server.cjs');

export interface Waiter<T> {
  match: (value: T) => boolean;
  resolve: (value: T) => void;
}

export interface ClientOptions {
  capabilities?: ClientCapabilities;
  /** `reportLint` settings returned to workspace/configuration, per scope URI. */
  settings?: (scopeUri: string | undefined) => unknown;
  locale?: string;
  workspaceFolders?: string[];
  initializationOptions?: unknown;
  /** How long to wait for an expected notification before failing (default 10 s; huge documents take longer). */
  waitMs?: number;
}

/** Capabilities of a push-diagnostics client that can apply versioned edits and create files. */
export const PUSH_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
    didChangeWatchedFiles: { dynamicRegistration: true },
    didChangeConfiguration: { dynamicRegistration: true },
  },
  textDocument: {
    publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] } },
      resolveSupport: { properties: ['edit'] },
      dataSupport: true,
    },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
};

export const PULL_CAPABILITIES: ClientCapabilities = {
  ...PUSH_CAPABILITIES,
  workspace: { ...PUSH_CAPABILITIES.workspace, diagnostics: { refreshSupport: true } },
  textDocument: { ...PUSH_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
};

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcess;
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  /** window/showMessage and window/showMessageRequest: what the user would see pop up. */
  readonly shown: Array<{ type: number; message: string }> = [];
  readonly applied: ApplyWorkspaceEditParams[] = [];
  /** Answer to workspace/applyEdit requests; tests may replace it (e.g. to write files to disk). */
  onApplyEdit: (params: ApplyWorkspaceEditParams) => { applied: boolean } = () => ({ applied: true });
  refreshes = 0;
  private readonly diagnosticWaiters: Array<Waiter<PublishDiagnosticsParams>> = [];
  private readonly logWaiters: Array<Waiter<string>> = [];
  private readonly editWaiters: Array<Waiter<ApplyWorkspaceEditParams>> = [];
  private readonly refreshWaiters: Array<() => void> = [];
  private stderr = '';
  settings: (scopeUri: string | undefined) => unknown;
  private readonly waitMs: number;

  constructor(options: ClientOptions = {}) {
    assert.ok(fs.existsSync(SERVER), 'run npm run build first');
    this.settings = options.settings ?? (() => null);
    this.waitMs = options.waitMs ?? TIMEOUT_MS;
    this.child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.push(params);
      settle(this.diagnosticWaiters, params);
    });
    this.connection.onNotification('window/logMessage', (params: { message: string }) => {
      this.logs.push(params.message);
      settle(this.logWaiters, params.message);
    });
    this.connection.onRequest('workspace/configuration', (params: ConfigurationParams) => params.items.map((item) => this.settings(item.scopeUri)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
      this.shown.push({ type: params.type, message: params.message });
      return null;
    });
    this.connection.onNotification('window/showMessage', (params: { type: number; message: string }) => {
      this.shown.push(params);
      this.logs.push(params.message);
      settle(this.logWaiters, params.message);
    });
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      for (const resolve of this.refreshWaiters.splice(0)) resolve();
      return null;
    });
    this.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
      this.applied.push(params);
      settle(this.editWaiters, params);
      return this.onApplyEdit(params);
    });
    this.connection.listen();
  }

  async initialize(options: ClientOptions = {}): Promise<InitializeResult> {
    const folders = options.workspaceFolders ?? [];
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: null,
      rootUri: folders[0] ? fileUri(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: fileUri(f), name: path.basename(f) })),
      capabilities: options.capabilities ?? PUSH_CAPABILITIES,
      locale: options.locale ?? 'zh-cn',
      ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
    });
    this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'report', version = 1): void {
    this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, contentChanges: unknown[]): void {
    this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri: string): void {
    this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest<R>(method, params);
  }

  /** The next publishDiagnostics for the URI (and version, when given) — or one already received after `since`. */
  nextDiagnostics(uri: string, version?: number, since = 0): Promise<PublishDiagnosticsParams> {
    const match = (p: PublishDiagnosticsParams) => p.uri === uri && (version === undefined || p.version === version);
    const earlier = this.diagnostics.slice(since).find(match);
    if (earlier) return Promise.resolve(earlier);
    return waitFor(this.diagnosticWaiters, match, `publishDiagnostics for ${uri}${version !== undefined ? ` v${version}` : ''}`, () => this.stderr, this.waitMs);
  }

  /** Diagnostics for the URI that satisfy a predicate (e.g. "cleared"), waiting for them if needed. */
  diagnosticsWhere(uri: string, predicate: (diagnostics: Diagnostic[]) => boolean, since = 0): Promise<PublishDiagnosticsParams> {
    const match = (p: PublishDiagnosticsParams) => p.uri === uri && predicate(p.diagnostics);
    const earlier = this.diagnostics.slice(since).find(match);
    if (earlier) return Promise.resolve(earlier);
    return waitFor(this.diagnosticWaiters, match, `matching publishDiagnostics for ${uri}`, () => this.stderr, this.waitMs);
  }

  nextLog(pattern: RegExp): Promise<string> {
    const earlier = this.logs.find((l) => pattern.test(l));
    if (earlier) return Promise.resolve(earlier);
    return waitFor(this.logWaiters, (l) => pattern.test(l), `log matching ${pattern}`, () => this.stderr, this.waitMs);
  }

  nextRefresh(): Promise<void> {
    return new Promise((resolve) => this.refreshWaiters.push(resolve));
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      this.connection.sendNotification('exit');
    } catch {
      // the server is gone already
    }
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 2000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }

  get serverStderr(): string {
    return this.stderr;
  }
}

function settle<T>(waiters: Array<Waiter<T>>, value: T): void {
  for (let i = 0; i < waiters.length; i++) {
    if (waiters[i]!.match(value)) {
      waiters.splice(i, 1)[0]!.resolve(value);
      i--;
    }
  }
}

const TIMEOUT_MS = 10_000;

function waitFor<T>(waiters: Array<Waiter<T>>, match: (value: T) => boolean, what: string, stderr: () => string, timeoutMs = TIMEOUT_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}\nserver stderr: ${stderr()}`)), timeoutMs);
    waiters.push({ match, resolve: (value) => (clearTimeout(timer), resolve(value)) });
  });
}

export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

/** Applies LSP text edits (0-based line/character) to a text, as an editor would. */
export function applyTextEdits(text: string, edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
