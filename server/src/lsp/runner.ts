/**
 * Where analyses run. A report of ordinary size is analysed on the main thread: a few
 * milliseconds, and the tree stays at hand for hovers and completion. A huge document (several
 * megabytes take hundreds of milliseconds to parse) is analysed in a worker thread, so that
 * requests about other documents — and the protocol itself — never wait behind it.
 *
 * Workers are one-shot: each large job gets a fresh thread that ends with the job. Starting one
 * costs tens of milliseconds, small beside the analysis it carries, and ending it returns the
 * whole parse tree's memory at once instead of leaving it in a long-lived heap.
 */
import { Worker } from 'node:worker_threads';
import { analyze, execute, type AnalyzeJob, type AnalyzeResult, type FixJob, type FixResult, type Job, type MessageFixJob } from './analysis';
import type { OffsetEdit } from './text';
import type { Root } from '../parser/types';

/** A newer version of the same document replaced this analysis before it finished. */
export class Superseded extends Error {
  constructor(uri: string) {
    super(`analysis of ${uri} superseded by a newer version`);
  }
}

export interface Analysis extends AnalyzeResult {
  /** The tree, for analyses run on the main thread; worker analyses bring their facts instead. */
  tree?: Root;
  /**
   * A worker's facts as UTF-8 JSON, moved (not copied) across threads and kept off the JS heap:
   * the outline of a huge document as objects would take the main thread tens of milliseconds to
   * deserialize — time during which no request is answered. It is parsed when a feature first
   * needs it.
   */
  factsJson?: Uint8Array;
}

type Result = Analysis | FixResult | OffsetEdit[] | undefined;

interface Running {
  item: Queued;
  worker: Worker;
  /** The result (or failure) is in; the worker is being ended. */
  finishing: boolean;
}

interface Queued {
  job: Job;
  /** The document an analyze job is for: a newer job for it replaces this one. */
  key?: string;
  resolve: (value: Result) => void;
  reject: (error: Error) => void;
}

export interface RunnerOptions {
  /** Script that serves worker jobs (the server bundle itself); without it everything runs inline. */
  workerFile?: string;
  /** Documents with at least this many characters are analysed in a worker. */
  workerThreshold: number;
  log: (message: string) => void;
}

/** Marks a worker started by the runner, so the bundle serves jobs instead of starting a server. */
export const WORKER_MARK = 'reportLintWorker';

export class Runner {
  private readonly queue: Queued[] = [];
  private running?: Running;
  /** A cancelled worker being ended: the next one waits for it, so two huge trees never coexist. */
  private draining?: Promise<void>;
  private workerBroken = false;
  /** Whether any worker has delivered a result: a worker that never did is taken to be unable to start. */
  private workerWorked = false;

  constructor(private readonly options: RunnerOptions) {}

  analyze(job: AnalyzeJob): Promise<Analysis> {
    if (!this.offThread(job.text)) {
      const { result, tree } = analyze(job);
      return Promise.resolve({ ...result, tree });
    }
    this.cancel(job.uri);
    return this.enqueue({ ...job, eagerFacts: true }, job.uri) as Promise<Analysis>;
  }

  fix(job: FixJob): Promise<FixResult> {
    return this.run(job) as Promise<FixResult>;
  }

  messageFix(job: MessageFixJob): Promise<OffsetEdit[] | undefined> {
    return this.run(job) as Promise<OffsetEdit[] | undefined>;
  }

  private run(job: Job): Promise<Result> {
    if (!this.offThread(job.text)) {
      try {
        return Promise.resolve(execute(job));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }
    return this.enqueue(job);
  }

  /** Drops a queued or running analysis of a document (a newer version or a close made it useless). */
  cancel(uri: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const item = this.queue[i]!;
      if (item.key === uri) {
        this.queue.splice(i, 1);
        item.reject(new Superseded(uri));
      }
    }
    // A job whose result is already in hand is left to finish: the checker drops a stale result itself.
    if (this.running?.item.key === uri && !this.running.finishing) {
      const { item, worker } = this.running;
      this.running = undefined;
      this.draining = worker.terminate().then(() => {
        this.draining = undefined;
        this.pump();
      });
      item.reject(new Superseded(uri));
    }
  }

  dispose(): void {
    for (const item of this.queue.splice(0)) item.reject(new Error('server shutting down'));
    if (this.running) void this.running.worker.terminate();
    this.running = undefined;
  }

  private offThread(text: string): boolean {
    return text.length >= this.options.workerThreshold && this.options.workerFile !== undefined && !this.workerBroken;
  }

  private enqueue(job: Job, key?: string): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ job, key, resolve, reject });
      this.pump();
    });
  }

  /** One worker at a time: two huge documents analysed at once would double the peak memory. */
  private pump(): void {
    if (this.running || this.draining) return;
    const item = this.queue.shift();
    if (!item) return;
    let worker: Worker;
    try {
      worker = new Worker(this.options.workerFile!, { workerData: { [WORKER_MARK]: true }, argv: [], execArgv: [] });
    } catch (error) {
      this.fallBack(item, error as Error);
      return;
    }
    const running: Running = { item, worker, finishing: false };
    this.running = running;
    /** Ends the worker, then settles the job: its heap is gone before the result is used, which keeps the peak down. */
    const finish = (settle: () => void) => {
      running.finishing = true;
      void worker.terminate().then(() => {
        if (this.running === running) this.running = undefined;
        settle();
        this.pump();
      });
    };
    worker.once('message', (message: WorkerMessage) => {
      if (this.running !== running || running.finishing) return; // cancelled meanwhile
      this.workerWorked = true;
      finish(() => {
        if (message.error !== undefined) item.reject(new Error(message.error));
        else item.resolve(message.factsJson ? { ...(message.result as AnalyzeResult), factsJson: message.factsJson } : message.result);
      });
    });
    const crashed = (error: Error) => {
      if (this.running !== running || running.finishing) return;
      finish(() => this.failed(item, error));
    };
    worker.once('error', crashed);
    worker.once('exit', (code) => crashed(new Error(`worker exited with code ${code}`)));
    worker.postMessage(item.job);
  }

  /** A crash in the middle of a job (say, out of memory) fails that job; a worker that never ran means no workers. */
  private failed(item: Queued, error: Error): void {
    if (this.workerWorked) item.reject(error);
    else this.fallBack(item, error);
  }

  /** A worker that cannot run (a missing bundle, no threads) must not cost the user their diagnostics. */
  private fallBack(item: Queued, error: Error): void {
    if (!this.workerBroken) this.options.log(`report-lint: analysis worker failed (${error.message}); analysing on the main thread from now on`);
    this.workerBroken = true;
    try {
      item.resolve(execute(item.job));
    } catch (inner) {
      item.reject(inner as Error);
    }
  }
}

interface WorkerMessage {
  result?: Result;
  factsJson?: Uint8Array;
  error?: string;
}

/** The worker side: run the one job it is given and post the result back. */
export function serveWorkerJob(port: import('node:worker_threads').MessagePort): void {
  port.once('message', (job: Job) => {
    let message: WorkerMessage;
    try {
      if (job.kind === 'analyze') {
        const { facts, ...result } = analyze(job).result;
        message = { result, factsJson: new TextEncoder().encode(JSON.stringify(facts)) };
      } else message = { result: execute(job) };
    } catch (error) {
      message = { error: (error as Error)?.message ?? String(error) };
    }
    port.postMessage(message, message.factsJson ? [message.factsJson.buffer as ArrayBuffer] : []);
  });
}
