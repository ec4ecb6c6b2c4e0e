/**
 * The host side of the engine: starts the worker, runs programs one at a time, enforces the
 * wall-clock budget, restarts the worker when it dies or must be stopped, and checks every
 * event the worker sends before handing it on.
 */
import type { EngineStatus } from '../../src-shared/api.ts';
import {
  DEFAULT_BUDGETS,
  TRACE_VERSION,
  type Budgets,
  type OutcomeKind,
  type RunRequest,
  type TraceEvent,
} from '../../src-shared/trace.ts';
import { createTraceChecker } from '../../src-shared/trace-validate.ts';
import { parseWorkerMessage, type WorkerMessage, type WorkerPort } from './protocol.ts';

export interface EngineClientOptions {
  /** Starts a fresh worker. */
  spawn(): WorkerPort;
  /** A snapshot saved by an earlier start, if any. */
  loadSnapshot?(): Promise<Uint8Array | null>;
  /** Keeps a new snapshot for later starts. */
  saveSnapshot?(snapshot: Uint8Array): Promise<void>;
  indexURL?: string | null;
  /** How long a run may overrun its wall budget before its worker is ended. */
  graceMs?: number;
  /**
   * Runs one worker serves before it is replaced. Every run gets a new interpreter, and a
   * browser frees old interpreters' WebAssembly memory too late: after about 50 in one worker
   * Chromium cannot allocate another. A fresh worker starts from the snapshot in ~0.3 s.
   */
  runsPerWorker?: number;
}

export interface RunHandle {
  /** Resolves when the run has ended; its last event is always `run.end`. */
  readonly finished: Promise<void>;
  stop(): void;
}

interface ActiveRun {
  id: number;
  request: RunRequest;
  onEvents: (events: TraceEvent[]) => void;
  checker: ReturnType<typeof createTraceChecker>;
  control: Int32Array | null;
  lastSeq: number;
  lastTime: number;
  ended: boolean;
  wallTimer: ReturnType<typeof setTimeout> | null;
  killTimer: ReturnType<typeof setTimeout> | null;
  resolve: () => void;
}

/** Milliseconds to wait, after asking a run to stop, before ending its worker. */
const DEFAULT_GRACE_MS = 1500;
const DEFAULT_RUNS_PER_WORKER = 24;

export class EngineClient {
  private worker: WorkerPort | null = null;
  private snapshot: Uint8Array | null = null;
  private readyPromise: Promise<void> | null = null;
  private resolveReady: (() => void) | null = null;
  private rejectReady: ((error: Error) => void) | null = null;
  private active: ActiveRun | null = null;
  private queue: Promise<void> = Promise.resolve();
  private nextId = 1;
  private statusListeners = new Set<(status: EngineStatus) => void>();
  private currentStatus: EngineStatus = { state: 'loading', progress: 0 };
  private closed = false;
  private runsOnWorker = 0;
  /** The Python version inside, once a worker has said it. */
  private python = '';
  /** Milliseconds the last start took, from spawning the worker to an interpreter ready. */
  lastStartMs = 0;

  constructor(private readonly options: EngineClientOptions) {}

  get status(): EngineStatus {
    return this.currentStatus;
  }

  onStatus(listener: (status: EngineStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Starts the engine if it is not started; resolves once it can run a program. */
  ready(): Promise<void> {
    this.readyPromise ??= this.start();
    return this.readyPromise;
  }

  private setStatus(status: EngineStatus): void {
    this.currentStatus = status;
    for (const listener of this.statusListeners) listener(status);
  }

  private async start(): Promise<void> {
    const started = performance.now();
    if (!this.snapshot) {
      const saved = (await this.options.loadSnapshot?.().catch(() => null)) ?? null;
      if (saved) {
        this.snapshot = saved;
        try {
          await this.startWorker();
        } catch {
          // A saved snapshot that no longer loads (from another version, or damaged) is
          // dropped; the engine prepares a new one.
          this.snapshot = null;
          await this.startWorker();
        }
        this.lastStartMs = performance.now() - started;
        return;
      }
    }
    await this.startWorker();
    this.lastStartMs = performance.now() - started;
  }

  private async startWorker(): Promise<void> {
    this.runsOnWorker = 0;
    const worker = this.options.spawn();
    this.worker = worker;
    const ready = new Promise<void>((resolve, reject) => {
      this.resolveReady = resolve;
      this.rejectReady = reject;
    });
    worker.onMessage((data) => this.receive(worker, data));
    worker.onError((error) => this.workerFailed(worker, error));
    worker.post({ type: 'init', snapshot: this.snapshot, indexURL: this.options.indexURL ?? null });
    await ready;
  }

  private receive(worker: WorkerPort, data: unknown): void {
    if (worker !== this.worker) return;
    const message = parseWorkerMessage(data);
    if (!message) {
      this.workerFailed(worker, 'The engine sent a message of an unknown shape.');
      return;
    }
    this.handle(worker, message);
  }

  private handle(worker: WorkerPort, message: WorkerMessage): void {
    switch (message.type) {
      case 'loading':
        this.setStatus({ state: 'loading', progress: message.progress });
        break;
      case 'snapshot':
        // Only a worker still preparing its interpreter, before any program ran in it, may
        // hand over a snapshot: a program could post a forged one later, and every run after
        // would start from it.
        if (this.currentStatus.state !== 'loading' || this.runsOnWorker > 0 || this.active) {
          this.workerFailed(worker, 'The engine sent a snapshot after it was ready.');
          break;
        }
        this.snapshot = message.snapshot;
        void this.options.saveSnapshot?.(message.snapshot).catch(() => {});
        break;
      case 'ready':
        this.python = message.python;
        this.setStatus({ state: 'ready', python: message.python });
        this.resolveReady?.();
        break;
      case 'events':
        this.receiveEvents(worker, message.id, message.json);
        break;
      case 'done':
        if (this.active?.id === message.id) {
          this.endRun('crashed', 'The engine finished a run without recording its end.');
        }
        break;
      case 'failed':
        this.workerFailed(worker, message.message);
        break;
    }
  }

  private receiveEvents(worker: WorkerPort, id: number, json: string): void {
    const run = this.active;
    if (!run || run.id !== id || run.ended) return;
    let events: TraceEvent[];
    try {
      events = run.checker.check(JSON.parse(json) as unknown);
    } catch (error) {
      this.workerFailed(worker, `The engine sent an invalid trace: ${String(error)}`);
      return;
    }
    const last = events.at(-1);
    if (last) {
      run.lastSeq = last.seq;
      run.lastTime = last.t;
    }
    run.onEvents(events);
    if (last?.kind === 'run.end') this.finishRun(run);
  }

  private workerFailed(worker: WorkerPort, error: string): void {
    if (worker !== this.worker) return;
    worker.terminate();
    this.worker = null;
    this.readyPromise = null;
    if (this.rejectReady && this.currentStatus.state === 'loading') {
      this.rejectReady(new Error(error));
    }
    this.setStatus({ state: 'crashed', error });
    if (this.active) this.endRun('crashed', error);
  }

  /**
   * Runs a program; `onEvents` receives its checked events in order, ending with `run.end`.
   * Runs queue: one starts when the one before it has ended.
   */
  run(request: RunRequest, onEvents: (events: TraceEvent[]) => void): RunHandle {
    const id = this.nextId++;
    let stopRequested = false;
    let activeRun: ActiveRun | null = null;
    const finished = (this.queue = this.queue.then(async () => {
      if (this.closed) throw new Error('The engine is closed.');
      await this.ready();
      if (!this.worker) await this.ready();
      await new Promise<void>((resolve) => {
        const budgets: Budgets = { ...DEFAULT_BUDGETS, ...request.budgets };
        const control =
          typeof SharedArrayBuffer === 'function'
            ? new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT))
            : null;
        const run: ActiveRun = {
          id,
          request,
          onEvents,
          checker: createTraceChecker(),
          control,
          lastSeq: -1,
          lastTime: 0,
          ended: false,
          wallTimer: null,
          killTimer: null,
          resolve,
        };
        activeRun = run;
        this.active = run;
        this.setStatus({ ...this.currentStatus, state: 'running' });
        run.wallTimer = setTimeout(() => this.interrupt(run, 2), budgets.maxWallMs);
        (this.worker as WorkerPort).post({
          type: 'run',
          id,
          request: { ...request, budgets },
          control,
        });
        if (stopRequested) this.interrupt(run, 1);
      });
    }));
    this.queue = finished.catch(() => {});
    return {
      finished,
      stop: () => {
        stopRequested = true;
        if (activeRun) this.interrupt(activeRun, 1);
      },
    };
  }

  /** Asks the engine to stop the run (1: the user, 2: out of time), then ends the worker. */
  private interrupt(run: ActiveRun, reason: 1 | 2): void {
    if (run.ended || run.killTimer) return;
    if (run.control) Atomics.store(run.control, 0, reason);
    const outcome: OutcomeKind = reason === 1 ? 'stopped' : 'budget';
    run.killTimer = setTimeout(
      () => {
        // The program did not reach a point where the engine could stop it (a long
        // computation in C, say): end the worker, and keep the trace recorded so far.
        this.replaceWorker();
        this.endRun(outcome, null, reason === 2 ? 'wall-time' : undefined);
      },
      run.control ? (this.options.graceMs ?? DEFAULT_GRACE_MS) : 0,
    );
  }

  /** Ends the active run from the host's side, with a `run.end` the engine could not send. */
  private endRun(outcome: OutcomeKind, error: string | null, budget?: 'wall-time'): void {
    const run = this.active;
    if (!run || run.ended) return;
    const events: TraceEvent[] = [];
    if (run.lastSeq === -1) {
      // The worker died before it recorded anything: the trace still begins with its start.
      events.push({
        seq: 0,
        t: 0,
        kind: 'run.start',
        version: TRACE_VERSION,
        python: this.python,
        file: run.request.filename,
        source: run.request.code,
      });
      run.lastSeq = 0;
    }
    events.push({
      seq: run.lastSeq + 1,
      t: run.lastTime,
      kind: 'run.end',
      outcome,
      exitCode: outcome === 'crashed' ? 70 : 124,
      ...(budget ? { budget } : {}),
      ...(error ? { error } : {}),
    });
    run.onEvents(events);
    this.finishRun(run);
  }

  private finishRun(run: ActiveRun): void {
    run.ended = true;
    if (run.wallTimer) clearTimeout(run.wallTimer);
    if (run.killTimer) clearTimeout(run.killTimer);
    if (this.active === run) this.active = null;
    if (this.worker) this.setStatus({ ...this.currentStatus, state: 'ready' });
    this.runsOnWorker += 1;
    if (
      this.worker &&
      this.runsOnWorker >= (this.options.runsPerWorker ?? DEFAULT_RUNS_PER_WORKER)
    ) {
      this.replaceWorker();
    }
    run.resolve();
  }

  /** Ends the worker and starts a fresh one from the snapshot, in the background. */
  private replaceWorker(): void {
    this.worker?.terminate();
    this.worker = null;
    this.readyPromise = null;
    void this.ready().catch(() => {});
  }

  close(): void {
    this.closed = true;
    this.worker?.terminate();
    this.worker = null;
  }
}
