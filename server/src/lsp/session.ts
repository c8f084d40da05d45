/**
 * What one connected client shares across handlers: the open documents, the settings and
 * configuration files, the checker that owns each document's analysis, and the few operations
 * every feature needs (the current analysis of a document, a versioned edit, a fix run).
 */
import * as fs from 'node:fs';
import {
  LSPErrorCodes, MessageType, ResponseError, ShowMessageNotification, TextDocuments, type ClientCapabilities, type Connection, type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { droppedWhenUntrusted } from '../engine/config';
import { localeFrom } from '../engine/messages';
import type { Locale } from '../engine/rule';
import type { AnalyzeJob } from './analysis';
import { Checker, type Outcome, type Snapshot } from './checker';
import { documentFormat, isChecked } from './detect';
import { configProblemDiagnostic } from './diagnostics';
import { t } from './i18n';
import { invalid } from './params';
import { Runner, Superseded, type Analysis } from './runner';
import { wordDraftFile } from './word-draft';
import { effectiveConfig, problemNotice, resolveLocale, resolveMaxDocumentSize } from './settings';
import type { OffsetEdit } from './text';
import { ConfigStore, SettingsStore, isConfigFile, pathToUri, uriToPath, type LoadedFile } from './workspace';

/** Internal knobs (initializationOptions), for tests and benchmarks; the defaults suit editors. */
export interface ServerOptions {
  /** Wait after a change before analysing a document whose analyses are slow. */
  debounceMs: number;
  /** Documents analysed faster than this (moving average) are analysed on every change. */
  immediateBelowMs: number;
  /** Documents with at least this many characters are analysed in a worker thread. */
  workerThreshold: number;
  /** At most this many diagnostics per document. */
  maxDiagnostics: number;
}

const DEFAULTS: ServerOptions = { debounceMs: 150, immediateBelowMs: 50, workerThreshold: 250_000, maxDiagnostics: 1000 };

export function serverOptions(raw: unknown): ServerOptions {
  const options = { ...DEFAULTS };
  if (typeof raw !== 'object' || raw === null) return options;
  for (const key of Object.keys(DEFAULTS) as Array<keyof ServerOptions>) {
    const value = (raw as Record<string, unknown>)[key];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) options[key] = value;
  }
  return options;
}

export type ReportAnalysis = Analysis & { resultId: string; unchecked?: undefined };

export interface SessionInit {
  capabilities: ClientCapabilities;
  options: ServerOptions;
  clientLocale?: string;
  folders: string[];
  /** Folder of the rule doc pages. */
  docsDir: string;
  /** The server bundle, which also serves worker jobs; undefined when not running from the bundle. */
  workerFile?: string;
  /**
   * Whether the user trusts the workspace (VS Code's Restricted Mode is off). Untrusted, a
   * .reportlintrc.json contributes its rule severities only. Clients that do not say are trusted.
   */
  trusted: boolean;
}

export class Session {
  readonly documents: TextDocuments<TextDocument>;
  readonly settings: SettingsStore;
  readonly configs: ConfigStore;
  readonly runner: Runner;
  readonly checker: Checker;
  readonly pull: boolean;
  folders: string[];
  trusted: boolean;
  private readonly publishedConfigs = new Set<string>();
  /** Configuration files whose dropped keys the log has named (untrusted workspaces). */
  private readonly namedUntrusted = new Set<string>();

  constructor(
    readonly connection: Connection,
    documents: TextDocuments<TextDocument>,
    readonly init: SessionInit,
  ) {
    this.documents = documents;
    this.folders = init.folders;
    this.trusted = init.trusted;
    const caps = init.capabilities;
    this.pull = !!caps.textDocument?.diagnostic;
    this.settings = new SettingsStore(
      caps.workspace?.configuration ? (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: 'reportLint' }) : undefined,
      {
        log: (line) => connection.console.warn(line),
        // A notice with nothing to choose: a notification, not a request waiting for the user.
        show: (problem) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: problemNotice(problem, localeFrom(init.clientLocale)) }),
      },
    );
    this.configs = new ConfigStore(
      (file) => this.openFile(file)?.text,
      (entry) => void this.publishConfigProblems(entry).catch((e: Error) => this.log(`report-lint: ${e.message}`)),
    );
    this.runner = new Runner({ workerFile: init.workerFile, workerThreshold: init.options.workerThreshold, log: (m) => this.log(m) });
    this.checker = new Checker(
      {
        prepare: (snapshot, generation) => this.prepare(snapshot, generation),
        publish: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics }),
        document: (uri) => {
          const doc = documents.get(uri);
          return doc && this.snapshot(doc);
        },
        log: (m) => this.log(m),
        warn: (message) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }),
      },
      this.runner,
      this.pull ? 'pull' : 'push',
      init.options,
    );
  }

  log(message: string): void {
    this.connection.console.log(message);
  }

  snapshot(doc: TextDocument): Snapshot {
    return { uri: doc.uri, languageId: doc.languageId, version: doc.version, text: doc.getText() };
  }

  /** Text and version of a file open in the editor (unsaved edits count), by file system path. */
  openFile(file: string): { text: string; version: number } | undefined {
    const doc = this.documents.all().find((d) => uriToPath(d.uri) === file);
    return doc && { text: doc.getText(), version: doc.version };
  }

  /** The analysis job for a document (open, or read from disk by word-draft.ts), or undefined when the server does not check it. */
  async prepare(snapshot: Snapshot, generation: number): Promise<AnalyzeJob | undefined> {
    const format = documentFormat(snapshot.languageId, snapshot.uri);
    if (!format || isConfigFile(snapshot.uri)) return undefined;
    const user = await this.settings.get(snapshot.uri);
    if (!isChecked(snapshot.languageId, snapshot.text, user.autoDetect)) return undefined;
    // A Word draft shown as a report is configured by the .reportlintrc.json beside the .docx.
    const file = uriToPath(snapshot.uri) ?? wordDraftFile(snapshot.uri);
    const loaded = file ? this.configs.forDocument(file) : undefined;
    if (loaded && !this.trusted) this.nameUntrusted(loaded);
    const trustedConfig = this.trusted ? loaded?.config : undefined;
    const max = resolveMaxDocumentSize(user, loaded?.config, this.trusted);
    return {
      kind: 'analyze', uri: snapshot.uri, version: snapshot.version, generation, text: snapshot.text, format,
      locale: resolveLocale(user.locale, this.init.clientLocale, trustedConfig),
      config: effectiveConfig(user, loaded?.config, this.trusted),
      ...(file ? { file } : {}),
      sizeLimit: { max, ...(trustedConfig?.maxDocumentSize !== undefined ? { file: loaded!.file } : {}) },
      lint: user.enable, docsDir: this.init.docsDir, eagerFacts: false, maxDiagnostics: this.init.options.maxDiagnostics,
    };
  }

  /** Says once per file what an untrusted workspace's configuration sets that is not applied. */
  private nameUntrusted(loaded: LoadedFile): void {
    if (this.namedUntrusted.has(loaded.file)) return;
    this.namedUntrusted.add(loaded.file);
    const dropped = droppedWhenUntrusted(loaded.config);
    if (dropped.length) this.log(`report-lint: ${t('untrustedConfig', 'en', { file: loaded.file, keys: dropped.join(', ') })}`);
  }

  /** The user trusted the workspace: its configuration files apply in full from now on. */
  trust(): void {
    if (this.trusted) return;
    this.trusted = true;
    this.namedUntrusted.clear();
    // Settings VS Code withheld in Restricted Mode (restrictedConfigurations) may now have workspace values.
    this.settings.changed(undefined);
    this.configurationChanged();
  }

  /** An invalid .reportlintrc.json gets its problems as diagnostics on the file itself (always pushed: clients pull only for reports). */
  private async publishConfigProblems(entry: LoadedFile): Promise<void> {
    const uri = pathToUri(entry.file);
    const locale = resolveLocale((await this.settings.get(uri)).locale, this.init.clientLocale, this.trusted ? entry.config : undefined);
    if (entry.problems.length) this.publishedConfigs.add(entry.file);
    else if (!this.publishedConfigs.delete(entry.file)) return;
    await this.connection.sendDiagnostics({ uri, diagnostics: entry.problems.map((p) => configProblemDiagnostic(p, entry.text, locale)) });
  }

  /** A configuration file was created, changed, deleted, opened or closed. */
  configurationChanged(): void {
    this.configs.invalidate();
    // Reload what was shown or is open, so fixed files lose their diagnostics and open ones get theirs.
    const open = this.documents.all().map((d) => (isConfigFile(d.uri) ? uriToPath(d.uri) : undefined));
    for (const file of new Set([...this.publishedConfigs, ...open])) {
      if (!file) continue;
      if (this.openFile(file) || fs.existsSync(file)) this.configs.load(file);
      else if (this.publishedConfigs.delete(file)) void this.connection.sendDiagnostics({ uri: pathToUri(file), diagnostics: [] });
    }
    this.recheckAll();
  }

  /** Settings or configuration changed: fresh diagnostics for every open report. */
  recheckAll(): void {
    const uris = this.documents.all().filter((d) => !isConfigFile(d.uri)).map((d) => d.uri);
    this.checker.invalidateAll(uris, () => {
      if (this.init.capabilities.workspace?.diagnostics?.refreshSupport) {
        this.connection.languages.diagnostics.refresh().catch((e: Error) => this.log(`report-lint: diagnostic refresh failed: ${e.message}`));
      }
    });
  }

  /** The current analysis of an open document; a version superseded while waiting is retried with the newer one. */
  async analysisOf(uri: string): Promise<Outcome> {
    for (let attempt = 0; ; attempt++) {
      const doc = this.documents.get(uri);
      if (!doc) throw invalid(t('notOpen', 'en', { uri }));
      try {
        return await this.checker.analysis(this.snapshot(doc));
      } catch (error) {
        if (!(error instanceof Superseded)) throw error;
        if (attempt >= 3) throw new ResponseError(LSPErrorCodes.ContentModified, error.message);
      }
    }
  }

  /** The analysis of an open document the server checks, or undefined for one it does not (an ordinary text file). */
  async reportOf(uri: string): Promise<ReportAnalysis | undefined> {
    const outcome = await this.analysisOf(uri);
    return outcome.unchecked ? undefined : outcome;
  }

  /** The message language for a document, also when it is not a report. */
  async localeOf(uri: string): Promise<Locale> {
    return (await this.reportOf(uri))?.options.locale ?? resolveLocale((await this.settings.get(uri)).locale, this.init.clientLocale);
  }

  /** Fix all (or the fixes of some rules, optionally inside a range) as one versioned edit. */
  async fixEdit(uri: string, ruleIds?: string[], range?: { start: number; end: number }): Promise<{ edit?: WorkspaceEdit; applied: number }> {
    const report = await this.reportOf(uri);
    const doc = this.documents.get(uri);
    if (!report || !doc) return { applied: 0 };
    const frozen = freeze(doc);
    const result = await this.runner.fix({ kind: 'fix', text: frozen.getText(), ...report.options, ...(ruleIds ? { ruleIds } : {}), ...(range ? { range } : {}) });
    return { applied: result.applied, ...(result.edit ? { edit: documentEdit(frozen, [result.edit]) } : {}) };
  }

  dispose(): void {
    this.runner.dispose();
  }
}

/** A frozen copy of the document, so that offsets computed on its text still map after more edits arrive. */
export function freeze(doc: TextDocument): TextDocument {
  return TextDocument.create(doc.uri, doc.languageId, doc.version, doc.getText());
}

/** Offset edits against a document version → a versioned workspace edit (the client refuses it if the text moved on). */
export function documentEdit(doc: TextDocument, edits: readonly OffsetEdit[]): WorkspaceEdit {
  return {
    documentChanges: [
      { textDocument: { uri: doc.uri, version: doc.version }, edits: edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.text })) },
    ],
  };
}
