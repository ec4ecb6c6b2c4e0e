/**
 * The engine over a worker transport (a Web Worker, or the command line's confined child
 * process): `Engine` for the hosts that run Pyodide themselves.
 *
 * Every run gets a fresh worker, and the worker is ended the moment its run ends: a
 * program's timers, proxies and patched globals die with the JavaScript realm they live in,
 * and no later run meets them. So that no run waits for it, the next worker is started as
 * soon as a run starts (and restores its interpreter from the snapshot once that run has
 * ended or has run for a moment; see docs/decisions/0006). Nothing a worker that
 * is not current sends is listened to, and what a current one sends is checked
 * (src-shared/run-guard.ts): a worker that breaks a rule is ended, and its run with it.
 */
import type { EngineStatus, Unsubscribe } from '../../src-shared/api.ts';
import {
  createRestartPolicy,
  type Engine,
  type HostEnd,
  type RestartPolicy,
  type RunHandle,
} from '../../src-shared/engine-run.ts';
import {
  createEngineGuard,
  createRunGuard,
  deliverChecked,
  type EngineGuard,
  type RunGuard,
} from '../../src-shared/run-guard.ts';
import {
  DEFAULT_BUDGETS,
  type BudgetKind,
  type Budgets,
  type RunRequest,
  type TraceEvent,
} from '../../src-shared/trace.ts';
import { parseWorkerMessage, type WorkerMessage, type WorkerPort } from './protocol.ts';

export type { RunHandle } from '../../src-shared/engine-run.ts';

export interface EngineClientOptions {
  /** Starts a fresh worker. */
  spawn(): WorkerPort;
  /** A snapshot saved by an earlier start, if any (a Blob: its bytes are read by the worker). */
  loadSnapshot?(): Promise<Uint8Array | Blob | null>;
  /** Keeps a new snapshot for later starts. */
  saveSnapshot?(snapshot: Uint8Array): Promise<void>;
  /**
   * Compiles Pyodide's WebAssembly once, for every worker, where the transport can carry a
   * compiled module (a browser's workers can); without it, each worker compiles its own.
   */
  compileWasm?(): Promise<WebAssembly.Module>;
  indexURL?: string | null;
  /**
   * Post the snapshot to each worker as a Blob (immutable, posted without a copy), where the
   * transport carries one: a browser's workers do. Else each worker gets a copy of it.
   */
  snapshotAsBlob?: boolean;
  /** How long a run may overrun its wall budget before its worker is ended. */
  graceMs?: number;
  restarts?: RestartPolicy;
  /**
   * Prepare the next run's worker while a run runs (the default: the app, `loopscope check`).
   * A command that runs one program and ends says false: preparing a worker takes a core for a
   * while, which the run itself can use, and no run would get that worker.
   */
  prepareNext?: boolean;
}

/** One worker: it prepares an interpreter, serves one run, and is ended. */
interface Worker {
  port: WorkerPort;
  guard: EngineGuard;
  /** Started without a snapshot: it prepares the interpreter, and may hand over a snapshot. */
  preparing: boolean;
  /** Started with a snapshot kept from an earlier start, which may no longer load. */
  fromStorage: boolean;
  ready: boolean;
  started: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
}

interface ActiveRun {
  id: number;
  request: RunRequest & { budgets: Budgets };
  onEvents: (events: TraceEvent[]) => void;
  guard: RunGuard;
  worker: Worker | null;
  control: Int32Array | null;
  stopRequested: boolean;
  ended: boolean;
  wallTimer: ReturnType<typeof setTimeout> | null;
  killTimer: ReturnType<typeof setTimeout> | null;
  /** Resolves when the run has ended. */
  done: Promise<void>;
  resolve: () => void;
}

/** Milliseconds to wait, after asking a run to stop, before ending its worker. */
const DEFAULT_GRACE_MS = 1500;
/** How long a run has the machine to itself before the next run's worker prepares. */
const SPARE_DELAY_MS = 300;

export class EngineClient implements Engine {
  private snapshot: Uint8Array | Blob | null = null;
  /** The snapshot as the workers get it. */
  private posted: Uint8Array | Blob | null = null;
  private snapshotLoaded: Promise<boolean> | null = null;
  private wasm: Promise<WebAssembly.Module | null> | null = null;
  /** The worker the next run gets, prepared in the background. */
  private spare: Worker | null = null;
  private active: ActiveRun | null = null;
  private queue: Promise<void> = Promise.resolve();
  private nextId = 1;
  private readonly listeners = new Set<(status: EngineStatus) => void>();
  private lastStatus: EngineStatus | null = null;
  private progress = 0;
  private wasReady = false;
  /** Why the last worker could not start, while no worker is ready. */
  private failure: string | null = null;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly restarts: RestartPolicy;
  private closed = false;
  /** The Python version inside, once a worker has said it. */
  private python = '';
  /** Milliseconds the last worker took to start, from spawning it to its interpreter ready. */
  lastStartMs = 0;

  constructor(private readonly options: EngineClientOptions) {
    this.restarts = options.restarts ?? createRestartPolicy();
  }

  get status(): EngineStatus {
    const python = this.python ? { python: this.python } : {};
    if (this.active) return { state: 'running', ...python };
    if (this.spare?.ready || (this.wasReady && this.failure === null))
      return { state: 'ready', ...python };
    if (this.failure !== null) return { state: 'crashed', error: this.failure, ...python };
    return { state: 'loading', progress: this.progress };
  }

  onStatus(listener: (status: EngineStatus) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts the next run's worker if there is none; resolves once it can run a program. */
  async ready(): Promise<void> {
    await this.takeWorker();
  }

  /**
   * Runs a program; `onEvents` receives its checked events in order, ending with `run.end`,
   * whatever happens. Runs queue: one starts when the one before it has ended.
   */
  run(request: RunRequest, onEvents: (events: TraceEvent[]) => void): RunHandle {
    const full = { ...request, budgets: { ...DEFAULT_BUDGETS, ...request.budgets } };
    let resolve = () => {};
    const run: ActiveRun = {
      id: this.nextId++,
      request: full,
      onEvents,
      guard: createRunGuard(full),
      worker: null,
      control: null,
      stopRequested: false,
      ended: false,
      wallTimer: null,
      killTimer: null,
      done: new Promise<void>((done) => (resolve = done)),
      resolve: () => resolve(),
    };
    // The user asks for a run: worth another try after giving up.
    if (this.failure !== null && !this.spare && !this.restartTimer) this.restarts.reset();
    const finished = this.queue.then(() => this.execute(run));
    this.queue = finished;
    return {
      finished,
      stop: () => {
        run.stopRequested = true;
        if (run.worker) this.interrupt(run, 1);
        // Waiting for its worker: it ends at once.
        else if (this.active === run) this.endRun(run, { outcome: 'stopped', error: null });
      },
    };
  }

  close(): void {
    this.closed = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const spare = this.spare;
    this.spare = null;
    spare?.port.terminate();
    spare?.reject(new Error('The engine is closed.'));
    const run = this.active;
    if (run) this.endRun(run, { outcome: 'stopped', error: null });
  }

  // --- Runs -------------------------------------------------------------------------------

  /** Starts a run; resolves when it has ended, however it ended. */
  private execute(run: ActiveRun): Promise<void> {
    if (this.closed || run.stopRequested) {
      this.endRun(
        run,
        this.closed
          ? { outcome: 'crashed', error: 'The engine is closed.' }
          : { outcome: 'stopped', error: null },
      );
      return run.done;
    }
    this.active = run;
    this.publishStatus();
    void this.startRun(run);
    return run.done;
  }

  private async startRun(run: ActiveRun): Promise<void> {
    let worker: Worker;
    try {
      worker = await this.takeWorker();
    } catch (error) {
      this.endRun(run, {
        outcome: 'crashed',
        error: `The engine could not start: ${describe(error)}`,
      });
      return;
    }
    // Stopped while it waited: the worker stays the spare, for the next run.
    if (run.ended) return;
    this.spare = null;
    run.worker = worker;
    // The next run's worker starts now, and prepares once this run has ended or has run for
    // a moment: a restore takes a core for a while, and a short run (most are) should not
    // share the machine with it (measured: it took a tiny run from ~30 to ~150 ms here).
    if (this.options.prepareNext !== false) {
      void this.startSpare(
        Promise.race([run.done, new Promise((resolve) => setTimeout(resolve, SPARE_DELAY_MS))]),
      );
    }
    run.control =
      typeof SharedArrayBuffer === 'function'
        ? new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT))
        : null;
    worker.port.post({ type: 'run', id: run.id, request: run.request, control: run.control });
    run.wallTimer = setTimeout(() => this.interrupt(run, 2), run.request.budgets.maxWallMs);
  }

  /**
   * Asks the engine to stop the run (1: the user, 2: out of time, 3: out of memory), then ends
   * the worker.
   */
  private interrupt(run: ActiveRun, reason: 1 | 2 | 3): void {
    if (run.ended || run.killTimer) return;
    if (run.control) Atomics.store(run.control, 0, reason);
    run.killTimer = setTimeout(
      // The program did not reach a point where the engine could stop it (a long
      // computation in C, say): end the worker, and keep the trace recorded so far.
      () =>
        this.endRun(
          run,
          reason === 1
            ? { outcome: 'stopped', error: null }
            : { outcome: 'budget', budget: reason === 2 ? 'wall-time' : 'memory', error: null },
        ),
      run.control ? (this.options.graceMs ?? DEFAULT_GRACE_MS) : 0,
    );
  }

  /** Ends a run from the host's side, completing its trace. */
  private endRun(run: ActiveRun, end: HostEnd): void {
    if (run.ended) return;
    this.deliver(run, run.guard.complete(end, this.python));
  }

  private deliver(run: ActiveRun, events: TraceEvent[]): void {
    if (events.length > 0) run.onEvents(events);
    if (!run.guard.ended) return;
    run.ended = true;
    if (run.wallTimer) clearTimeout(run.wallTimer);
    if (run.killTimer) clearTimeout(run.killTimer);
    // Its run is over: the worker goes, and everything the program left in it.
    run.worker?.port.terminate();
    run.worker = null;
    if (this.active === run) this.active = null;
    this.publishStatus();
    run.resolve();
  }

  // --- Workers ----------------------------------------------------------------------------

  /**
   * The spare worker once it is ready. A snapshot kept from an earlier start that does not
   * load is dropped, and the engine prepares a new one; any other failure is the caller's.
   */
  private async takeWorker(): Promise<Worker> {
    for (;;) {
      if (this.closed) throw new Error('The engine is closed.');
      const worker = this.spare ?? (await this.startSpare());
      try {
        await worker.started;
        return worker;
      } catch (error) {
        if (!worker.fromStorage) throw error;
      }
    }
  }

  /** Starts the worker for the next run, unless there is one; it prepares after `go`. */
  private startSpare(go: Promise<unknown> = Promise.resolve()): Promise<Worker> {
    if (this.spare) return Promise.resolve(this.spare);
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const port = this.options.spawn();
    let resolve = () => {};
    let reject = (_error: Error) => {};
    const started = new Promise<void>((yes, no) => {
      resolve = yes;
      reject = no;
    });
    // A rejection nobody waits for (a spare that fails between runs) is not an error.
    started.catch(() => {});
    const worker: Worker = {
      port,
      guard: createEngineGuard(),
      preparing: false,
      fromStorage: false,
      ready: false,
      started,
      resolve,
      reject,
    };
    this.spare = worker;
    port.onMessage((data) => this.receive(worker, data));
    port.onError((error, budget) => this.fail(worker, error, budget));
    const begun = performance.now();
    void started.then(() => (this.lastStartMs = performance.now() - begun)).catch(() => {});
    return go.then(() => this.initialize(worker)).then(() => worker);
  }

  private async initialize(worker: Worker): Promise<void> {
    this.snapshotLoaded ??= (this.options.loadSnapshot?.() ?? Promise.resolve(null))
      .catch(() => null)
      .then((saved) => {
        this.snapshot ??= saved;
        return saved !== null;
      });
    this.wasm ??= (this.options.compileWasm?.() ?? Promise.resolve(null)).catch(() => null);
    // Read and compiled side by side, while the worker loads its script.
    const [fromStorage, wasm] = await Promise.all([this.snapshotLoaded, this.wasm]);
    if (this.spare !== worker) return;
    worker.preparing = this.snapshot === null;
    worker.fromStorage = fromStorage && this.snapshot !== null && !this.wasReady;
    if (this.snapshot && !this.posted) {
      this.posted =
        this.options.snapshotAsBlob && this.snapshot instanceof Uint8Array
          ? new Blob([this.snapshot.slice()])
          : this.snapshot;
    }
    worker.port.post({
      type: 'init',
      snapshot: this.posted,
      indexURL: this.options.indexURL ?? null,
      wasm,
    });
  }

  private isCurrent(worker: Worker): boolean {
    return worker === this.spare || worker === this.active?.worker;
  }

  private receive(worker: Worker, data: unknown): void {
    if (!this.isCurrent(worker)) return;
    let message: WorkerMessage | null;
    try {
      worker.guard.message();
      message = parseWorkerMessage(data);
      if (!message) throw new Error('The engine sent a message of an unknown shape.');
      this.handle(worker, message);
    } catch (error) {
      this.fail(worker, describe(error));
    }
  }

  private handle(worker: Worker, message: WorkerMessage): void {
    const run = this.active?.worker === worker ? this.active : null;
    switch (message.type) {
      case 'loading':
        // A worker that was ready, or has a program, has no more loading to do.
        if (worker.ready) throw new Error('The engine reported loading after it was ready.');
        worker.guard.status({ state: 'loading', progress: message.progress });
        this.progress = message.progress;
        this.publishStatus();
        break;
      case 'snapshot':
        // Only a worker still preparing its interpreter, before any program ran in it, may
        // hand over a snapshot: a program could forge one, and every later run would start
        // from it.
        if (!worker.preparing || worker.ready || run)
          throw new Error('The engine sent a snapshot after it was ready.');
        worker.preparing = false;
        this.snapshot = message.snapshot;
        this.posted = null;
        void this.options.saveSnapshot?.(message.snapshot).catch(() => {});
        break;
      case 'ready':
        if (worker.ready) throw new Error('The engine reported ready twice.');
        worker.guard.status({ state: 'ready', python: message.python });
        worker.ready = true;
        this.python = message.python;
        this.wasReady = true;
        this.failure = null;
        worker.resolve();
        this.publishStatus();
        break;
      case 'events':
        if (!run || run.id !== message.id)
          throw new Error('The engine sent events for a run it was not given.');
        if (!run.ended) {
          deliverChecked(
            () => run.guard.checkWire(message.batch),
            (events) => this.deliver(run, events),
          );
        }
        break;
      case 'done':
        if (!run || run.id !== message.id)
          throw new Error('The engine ended a run it was not given.');
        this.endRun(run, {
          outcome: 'crashed',
          error: 'The engine finished a run without recording its end.',
        });
        break;
      case 'failed':
        throw new Error(message.message);
      case 'over-memory':
        if (run && run.id === message.id) this.interrupt(run, 3);
        break;
    }
  }

  /** A worker failed or broke a rule: it is ended, and its run or its start with it. */
  private fail(worker: Worker, error: string, budget?: BudgetKind): void {
    if (!this.isCurrent(worker)) return;
    worker.port.terminate();
    const run = this.active?.worker === worker ? this.active : null;
    if (run) {
      this.endRun(
        run,
        budget ? { outcome: 'budget', budget, error: null } : { outcome: 'crashed', error },
      );
      return;
    }
    this.spare = null;
    worker.reject(new Error(error));
    if (worker.fromStorage) {
      // The saved snapshot does not load (another version, or damaged): prepare a new one.
      this.snapshot = null;
      this.posted = null;
      void this.startSpare();
      return;
    }
    this.failure = error;
    this.publishStatus();
    const delay = this.closed ? null : this.restarts.next();
    if (delay !== null) this.restartTimer = setTimeout(() => void this.startSpare(), delay);
  }

  private publishStatus(): void {
    const status = this.status;
    const last = this.lastStatus;
    if (
      last &&
      last.state === status.state &&
      last.progress === status.progress &&
      last.python === status.python &&
      last.error === status.error
    )
      return;
    this.lastStatus = status;
    for (const listener of this.listeners) listener(status);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
