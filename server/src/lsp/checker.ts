/**
 * The life of each open document's analysis: which version is analysed when, which result is
 * current, and when diagnostics are published.
 *
 * - One analysis per (version, configuration generation); concurrent requests share it.
 * - Push clients get diagnostics after open and after changes. A change waits `debounceMs`
 *   before analysing, unless the document's analyses usually take under `immediateBelowMs` (a
 *   moving average, so one slow run after a garbage collection does not switch the mode): the
 *   wait exists to save work a newer keystroke would waste, and an analysis cheaper than a
 *   keystroke wastes nothing while a delay would leave stale squiggles on screen.
 * - A result is published only while its version is still the document's version, so a slow
 *   analysis of an old version can never overwrite newer diagnostics.
 * - Pull clients ask when they want; nothing is analysed ahead of them.
 */
import type { Diagnostic } from 'vscode-languageserver';
import type { AnalyzeJob } from './analysis';
import { t } from './i18n';
import { Superseded, type Analysis, type Runner } from './runner';

export interface Snapshot {
  uri: string;
  languageId: string;
  version: number;
  text: string;
}

export interface CheckerHost {
  /** The analysis job for a snapshot, or undefined when the document is not a report the server checks. */
  prepare(snapshot: Snapshot, generation: number): Promise<AnalyzeJob | undefined>;
  publish(uri: string, version: number | undefined, diagnostics: Diagnostic[]): void;
  /** The open document with this URI, as the server currently has it. */
  document(uri: string): Snapshot | undefined;
  log(message: string): void;
  /** Tells the user something once (a window message). */
  warn(message: string): void;
}

export interface Timing {
  debounceMs: number;
  immediateBelowMs: number;
}

/** The result for a document that is not checked (an ordinary text file): nothing to report or outline. */
export interface Unchecked {
  uri: string;
  version: number;
  generation: number;
  unchecked: true;
}

export type Outcome = (Analysis & { unchecked?: undefined; resultId: string }) | (Unchecked & { resultId: string });

interface State {
  timer?: NodeJS.Timeout;
  pending?: { version: number; generation: number; promise: Promise<Outcome> };
  result?: Outcome;
  /** Moving average of the document's analysis times. */
  costMs?: number;
  publishedResultId?: string;
  /** Whether the last publication was empty: an ordinary text file then needs no new empty list per keystroke. */
  publishedEmpty?: boolean;
  loggedFailures?: Set<string>;
}

export class Checker {
  private readonly states = new Map<string, State>();
  /** Rules whose failure the user has been told of (once per session; the log has every document). */
  private readonly warnedRules = new Set<string>();
  private generation = 0;
  private resultCounter = 0;

  constructor(
    private readonly host: CheckerHost,
    private readonly runner: Runner,
    private readonly mode: 'push' | 'pull',
    private readonly timing: Timing,
  ) {}

  /** A document was opened or changed. */
  changed(uri: string): void {
    const state = this.state(uri);
    if (this.mode === 'pull') return;
    const cheap = state.costMs === undefined || state.costMs < this.timing.immediateBelowMs;
    this.schedule(uri, cheap ? 0 : this.timing.debounceMs);
  }

  closed(uri: string): void {
    const state = this.states.get(uri);
    if (state?.timer) clearTimeout(state.timer);
    this.states.delete(uri);
    this.runner.cancel(uri);
    if (this.mode === 'push') this.host.publish(uri, undefined, []);
  }

  /**
   * Settings or a configuration file changed: every result is stale. Push clients get fresh
   * diagnostics for every open document; pull clients are told to pull again (`refresh`).
   */
  invalidateAll(uris: Iterable<string>, refresh: () => void): void {
    this.generation++;
    if (this.mode === 'pull') refresh();
    else for (const uri of uris) this.changed(uri);
  }

  /** The analysis of the document's current version, computed now if it is not ready. */
  analysis(snapshot: Snapshot): Promise<Outcome> {
    const state = this.state(snapshot.uri);
    const { version } = snapshot;
    const generation = this.generation;
    if (state.result && state.result.version === version && state.result.generation === generation) return Promise.resolve(state.result);
    if (state.pending && state.pending.version === version && state.pending.generation === generation) return state.pending.promise;
    if (state.timer) {
      clearTimeout(state.timer);
      state.timer = undefined;
    }
    const promise = this.run(snapshot, generation).then(
      (outcome) => {
        if (state.pending?.promise === promise) state.pending = undefined;
        if (!outcome.unchecked) state.costMs = state.costMs === undefined ? outcome.durationMs : 0.7 * state.costMs + 0.3 * outcome.durationMs;
        if (this.isCurrent(snapshot.uri, version, generation) && this.states.get(snapshot.uri) === state) {
          state.result = outcome;
          const quiet = outcome.unchecked && state.publishedEmpty;
          if (this.mode === 'push' && state.publishedResultId !== outcome.resultId && !quiet) {
            const diagnostics = outcome.unchecked ? [] : outcome.diagnostics;
            state.publishedResultId = outcome.resultId;
            state.publishedEmpty = diagnostics.length === 0;
            this.host.publish(snapshot.uri, version, diagnostics);
          }
        }
        return outcome;
      },
      (error: Error) => {
        if (state.pending?.promise === promise) state.pending = undefined;
        throw error;
      },
    );
    state.pending = { version, generation, promise };
    return promise;
  }

  private async run(snapshot: Snapshot, generation: number): Promise<Outcome> {
    const job = await this.host.prepare(snapshot, generation);
    const resultId = `${++this.resultCounter}`;
    if (!job) return { uri: snapshot.uri, version: snapshot.version, generation, unchecked: true, resultId };
    // Settings may have taken a round trip to the client: skip work that is already out of date.
    if (!this.isCurrent(snapshot.uri, snapshot.version, generation)) throw new Superseded(snapshot.uri);
    const analysis = await this.runner.analyze(job);
    // A rule that throws would throw on every keystroke: log it once per document and rule, and
    // tell the user once per rule that its findings are missing.
    const state = this.state(snapshot.uri);
    for (const failure of analysis.failures) {
      if (state.loggedFailures?.has(failure.ruleId)) continue;
      (state.loggedFailures ??= new Set()).add(failure.ruleId);
      this.host.log(`report-lint: ${snapshot.uri}: ${failure.message}`);
      if (this.warnedRules.has(failure.ruleId)) continue;
      this.warnedRules.add(failure.ruleId);
      this.host.warn(t('ruleFailedNotice', analysis.options.locale, { ruleId: failure.ruleId }));
    }
    return { ...analysis, resultId };
  }

  private isCurrent(uri: string, version: number, generation: number): boolean {
    return this.host.document(uri)?.version === version && generation === this.generation;
  }

  private schedule(uri: string, delay: number): void {
    const state = this.state(uri);
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      const snapshot = this.host.document(uri);
      if (!snapshot) return;
      this.analysis(snapshot).catch((error: Error) => {
        if (!(error instanceof Superseded)) this.host.log(`report-lint: analysing ${uri} failed: ${error.stack ?? error.message}`);
      });
    }, delay);
  }

  private state(uri: string): State {
    let state = this.states.get(uri);
    if (!state) this.states.set(uri, (state = {}));
    return state;
  }
}
