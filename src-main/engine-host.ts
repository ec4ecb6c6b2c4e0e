/**
 * The engine host: the main process's side of the loop engine, and the desktop's `Engine`.
 * The engine itself runs in a hidden, sandboxed page (see `engine-window.ts`); this module,
 * which knows nothing of Electron, decides what that page is asked to do and what of its
 * answers reaches the app:
 *
 * - it starts the page when the app starts and replaces it when it dies, hangs, or breaks a
 *   rule, under the one restart policy (src-shared/engine-run.ts);
 * - it runs one program at a time, queueing the others, and stops a run on request or when
 *   the run outlives its wall-clock budget by more than the page's own grace;
 * - it checks everything the page sends with the guards every host uses
 *   (src-shared/run-guard.ts): the rate of its messages, its statuses, each run's trace and
 *   its event and output budgets; a page that breaks a rule ends its run as `crashed` and is
 *   replaced;
 * - it completes every trace it started: whatever happens, each run ends with a `run.end`.
 *
 * `createEngineCalls` puts it behind the app page's engine calls: checked payloads, run ids,
 * and events batched to the renderer at most about 60 messages a second.
 */
import { randomUUID } from 'node:crypto';
import type { EngineStatus, Unsubscribe } from '../src-shared/api.ts';
import type { EngineRunRequest } from '../src-shared/engine-bridge.ts';
import {
  createRestartPolicy,
  RunRegistry,
  unstartedTrace,
  type Engine,
  type HostEnd,
  type RestartPolicy,
  type RunHandle,
} from '../src-shared/engine-run.ts';
import {
  createEngineGuard,
  createRunGuard,
  deliverChecked,
  type EngineGuard,
  type RunGuard,
} from '../src-shared/run-guard.ts';
import { DEFAULT_BUDGETS, type RunRequest, type TraceEvent } from '../src-shared/trace.ts';
import { createEventBatcher } from './event-batcher.ts';
import { parseRunId, parseRunRequest } from './ipc-validate.ts';

/** What the host can ask of one engine page. */
export interface EnginePage {
  run(runId: string, request: EngineRunRequest): void;
  stop(runId: string): void;
  /** The bytes the page's process holds in memory now; null when it cannot be read. */
  residentBytes?(): number | null;
  /** Closes the page; nothing it sends afterwards is listened to. */
  destroy(): void;
}

/** What one engine page tells the host. Every argument is untrusted. */
export interface EnginePageHandlers {
  status(status: unknown): void;
  events(runId: unknown, events: unknown): void;
  runFailed(runId: unknown, message: unknown): void;
  /** The page's process died or hung, or the page did not load. */
  gone(reason: string): void;
}

export interface EngineHostOptions {
  createPage(handlers: EnginePageHandlers): EnginePage;
  /** Names runs for the page, when the caller does not. */
  newRunId?: () => string;
  /** How long past a run's wall budget the page has to end it before it is replaced. */
  watchdogSlackMs?: number;
  /** How long a page has to end a run after being asked to stop it. */
  stopGraceMs?: number;
  /** How long a new page has to report that its engine is ready. */
  loadTimeoutMs?: number;
  restarts?: RestartPolicy;
  /** How often the page's memory is read against the run's budget (see `MEMORY_SLACK_MB`). */
  memoryPollMs?: number;
  /** Runs that may wait behind the active one; older ones are dropped as stopped. */
  maxQueued?: number;
  log?: (message: string) => void;
}

interface QueuedRun {
  runId: string;
  request: EngineRunRequest;
  onEvents: (events: TraceEvent[]) => void;
  resolve: () => void;
}

interface ActiveRun extends QueuedRun {
  guard: RunGuard;
  watchdog: ReturnType<typeof setTimeout> | null;
  memoryWatch: ReturnType<typeof setInterval> | null;
  stopTimer: ReturnType<typeof setTimeout> | null;
  /** When the page last sent events of this run. */
  lastProgress: number;
}

/** The page's `EngineClient` waits this long after a stop before ending its worker. */
const PAGE_GRACE_MS = 1500;
/**
 * What the page's process may hold beyond the run's memory budget, which the interpreter keeps
 * to its WebAssembly memory (src-engine/core/interpreter.ts): the page, the next run's worker
 * preparing beside it, and the engine's own. Past it, memory the program holds outside
 * WebAssembly's (the worker's own arrays, which a program can reach) ends the run and the page.
 */
const MEMORY_SLACK_MB = 768;

export class EngineHost implements Engine {
  private page: EnginePage | null = null;
  private pageGuard: EngineGuard = createEngineGuard();
  private pageReady = false;
  private pageStatus: EngineStatus = { state: 'loading', progress: 0 };
  private lastSent: EngineStatus | null = null;
  private readonly listeners = new Set<(status: EngineStatus) => void>();
  private python: string | undefined;
  private gaveUp: string | null = null;
  private queue: QueuedRun[] = [];
  private active: ActiveRun | null = null;
  private readonly restarts: RestartPolicy;
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private loadTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private readonly newRunId: () => string;
  private readonly log: (message: string) => void;

  constructor(private readonly options: EngineHostOptions) {
    this.newRunId = options.newRunId ?? randomUUID;
    this.log = options.log ?? ((message) => console.warn(`engine: ${message}`));
    this.restarts = options.restarts ?? createRestartPolicy();
  }

  /** Starts the engine page, if it is not started. */
  start(): void {
    if (this.closed || this.page || this.restartTimer) return;
    this.openPage();
  }

  get status(): EngineStatus {
    if (this.gaveUp !== null)
      return { state: 'crashed', error: this.gaveUp, ...this.pythonField() };
    if (!this.pageReady)
      return { state: 'loading', progress: this.pageStatus.progress ?? 0, ...this.pythonField() };
    return { state: this.active ? 'running' : 'ready', ...this.pythonField() };
  }

  onStatus(listener: (status: EngineStatus) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The Python version inside, once known. */
  get pythonVersion(): string | null {
    return this.python ?? null;
  }

  /** Queues a run, named `runId` for the page (the app's name for it, from `RunRegistry`). */
  run(
    request: RunRequest,
    onEvents: (events: TraceEvent[]) => void,
    runId = this.newRunId(),
  ): RunHandle {
    let resolve = () => {};
    const finished = new Promise<void>((done) => (resolve = done));
    const budgets = { ...DEFAULT_BUDGETS, ...request.budgets };
    this.queue.push({ runId, request: { ...request, budgets }, onEvents, resolve });
    while (this.queue.length > (this.options.maxQueued ?? 4)) {
      const dropped = this.queue.shift();
      if (dropped) this.endUnstarted(dropped, { outcome: 'stopped' });
    }
    if (this.gaveUp !== null || (!this.page && !this.restartTimer)) {
      // The user asks for a run: worth another try after giving up.
      this.gaveUp = null;
      this.restarts.reset();
      this.start();
    }
    this.pump();
    this.publishStatus();
    return { finished, stop: () => this.stop(runId) };
  }

  private stop(runId: string): void {
    const queued = this.queue.findIndex((run) => run.runId === runId);
    if (queued >= 0) {
      const [run] = this.queue.splice(queued, 1);
      if (run) this.endUnstarted(run, { outcome: 'stopped' });
      return;
    }
    const active = this.active;
    if (!active || active.runId !== runId || active.stopTimer) return;
    this.page?.stop(runId);
    active.stopTimer = setTimeout(
      () => {
        if (this.active !== active) return;
        this.abandonPage('the engine did not stop a run when asked', { outcome: 'stopped' });
      },
      this.options.stopGraceMs ?? PAGE_GRACE_MS + 2500,
    );
  }

  close(): void {
    this.closed = true;
    for (const run of this.queue) this.endUnstarted(run, { outcome: 'stopped' });
    this.queue = [];
    if (this.active) this.endActive({ outcome: 'stopped' });
    this.closePage();
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
  }

  // --- The page ---------------------------------------------------------------------------

  private openPage(): void {
    this.restartTimer = null;
    this.pageReady = false;
    this.pageStatus = { state: 'loading', progress: 0 };
    this.pageGuard = createEngineGuard();
    let page: EnginePage | null = null;
    const current = () => page !== null && this.page === page;
    const handlers: EnginePageHandlers = {
      status: (value) => current() && this.receive(() => this.onPageStatus(value)),
      events: (runId, events) => current() && this.receive(() => this.onEvents(runId, events)),
      runFailed: (runId, message) =>
        current() && this.receive(() => this.onRunFailed(runId, message)),
      gone: (reason) => current() && this.onGone(reason),
    };
    try {
      page = this.options.createPage(handlers);
    } catch (error) {
      this.log(`could not open the engine page: ${String(error)}`);
      this.scheduleRestart(`the engine page could not be opened (${String(error)})`);
      return;
    }
    this.page = page;
    this.loadTimer = setTimeout(
      () => current() && !this.pageReady && this.onGone('the engine did not start in time'),
      this.options.loadTimeoutMs ?? 120_000,
    );
    this.publishStatus();
  }

  /** Handles one message of the page; a page that breaks a rule may be compromised. */
  private receive(handle: () => void): void {
    try {
      this.pageGuard.message();
      handle();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.abandonPage(reason, { outcome: 'crashed', error: reason });
    }
  }

  private closePage(): void {
    if (this.loadTimer) clearTimeout(this.loadTimer);
    this.loadTimer = null;
    const page = this.page;
    this.page = null;
    this.pageReady = false;
    try {
      page?.destroy();
    } catch (error) {
      this.log(`could not close the engine page: ${String(error)}`);
    }
  }

  /**
   * Closes the page (it may be compromised or stuck), ends the active run as `end` says, and
   * opens a new page. The page is closed first, so that no queued run is sent to it.
   */
  private abandonPage(reason: string, end: HostEnd | null): void {
    this.log(reason);
    this.closePage();
    if (end && this.active) this.endActive(end);
    this.scheduleRestart(reason);
  }

  private scheduleRestart(reason: string): void {
    if (this.closed || this.restartTimer) return;
    const delay = this.restarts.next();
    if (delay === null) {
      this.gaveUp = `The engine keeps failing (${reason}).`;
      for (const run of this.queue)
        this.endUnstarted(run, { outcome: 'crashed', error: this.gaveUp });
      this.queue = [];
      this.publishStatus();
      return;
    }
    this.pageStatus = { state: 'loading', progress: 0 };
    this.publishStatus();
    this.restartTimer = setTimeout(() => this.openPage(), delay);
  }

  private onPageStatus(value: unknown): void {
    const status = this.pageGuard.status(value);
    if (status.state === 'crashed') {
      // The page's engine could not start a worker: a new page, under the restart policy.
      const error = `The engine could not start: ${status.error ?? 'unknown error'}`;
      this.abandonPage(error, { outcome: 'crashed', error });
      return;
    }
    this.pageStatus = status;
    if (status.python) this.python = status.python;
    const ready = status.state === 'ready' || status.state === 'running';
    if (ready && this.loadTimer) {
      clearTimeout(this.loadTimer);
      this.loadTimer = null;
    }
    this.pageReady = ready;
    this.publishStatus();
    this.pump();
  }

  private onGone(reason: string): void {
    this.abandonPage(`the engine page is gone: ${reason}`, {
      outcome: 'crashed',
      error: `The engine stopped: ${reason}.`,
    });
  }

  // --- Runs -------------------------------------------------------------------------------

  private pump(): void {
    if (this.active || !this.page || !this.pageReady || this.closed) return;
    const next = this.queue.shift();
    if (!next) return;
    const run: ActiveRun = {
      ...next,
      guard: createRunGuard(next.request),
      watchdog: null,
      memoryWatch: null,
      stopTimer: null,
      lastProgress: Date.now(),
    };
    this.active = run;
    const slack = this.options.watchdogSlackMs ?? 5000;
    // A page still delivering a long trace is alive: the deadline moves while events arrive
    // (the event budget bounds how long that can last).
    const watch = (delay: number) => {
      run.watchdog = setTimeout(() => {
        if (this.active !== run) return;
        const quiet = Date.now() - run.lastProgress;
        if (quiet < slack) {
          watch(slack - quiet);
          return;
        }
        this.abandonPage('the engine did not end a run within its time budget', {
          outcome: 'budget',
          budget: 'wall-time',
        });
      }, delay);
    };
    watch(run.request.budgets.maxWallMs + PAGE_GRACE_MS + slack);
    const page = this.page;
    if (page.residentBytes) {
      const limitMb = run.request.budgets.maxMemoryMb + MEMORY_SLACK_MB;
      run.memoryWatch = setInterval(() => {
        const bytes = page.residentBytes?.() ?? null;
        if (this.active !== run || bytes === null || bytes <= limitMb * 1024 * 1024) return;
        this.abandonPage(
          `the program held ${Math.round(bytes / 1024 / 1024)} MB, over its memory budget`,
          { outcome: 'budget', budget: 'memory' },
        );
      }, this.options.memoryPollMs ?? 250);
    }
    this.publishStatus();
    try {
      this.page.run(run.runId, run.request);
    } catch (error) {
      this.onGone(`the run could not be sent (${String(error)})`);
    }
  }

  private onEvents(runIdValue: unknown, value: unknown): void {
    const run = this.active;
    if (!run || runIdValue !== run.runId) return; // A late batch of a run already ended.
    deliverChecked(
      () => run.guard.check(value),
      (events) => {
        if (events.length === 0) return;
        run.lastProgress = Date.now();
        if (events[0]?.kind === 'run.start') this.python ??= events[0].python;
        this.deliver(run, events);
      },
    );
  }

  private onRunFailed(runIdValue: unknown, message: unknown): void {
    const run = this.active;
    if (!run || runIdValue !== run.runId) return;
    const detail = typeof message === 'string' ? message.slice(0, 2000) : 'unknown error';
    this.endActive({
      outcome: 'crashed',
      error: `The engine could not run the program: ${detail}`,
    });
  }

  /** Ends the active run from the host's side, completing its trace. */
  private endActive(end: HostEnd): void {
    const run = this.active;
    if (run) this.deliver(run, run.guard.complete(end, this.python ?? ''));
  }

  private deliver(run: ActiveRun, events: TraceEvent[]): void {
    if (events.length > 0) run.onEvents(events);
    if (!run.guard.ended) return;
    if (run.watchdog) clearTimeout(run.watchdog);
    if (run.stopTimer) clearTimeout(run.stopTimer);
    if (run.memoryWatch) clearInterval(run.memoryWatch);
    if (this.active === run) this.active = null;
    run.resolve();
    this.publishStatus();
    this.pump();
  }

  /** Ends a run that never reached the engine: a trace of its start and its end. */
  private endUnstarted(run: QueuedRun, end: HostEnd): void {
    run.onEvents(unstartedTrace(run.request, this.python ?? '', end));
    run.resolve();
  }

  // --- Status -----------------------------------------------------------------------------

  private pythonField(): { python?: string } {
    return this.python ? { python: this.python } : {};
  }

  private publishStatus(): void {
    const status = this.status;
    if (this.lastSent && sameStatus(this.lastSent, status)) return;
    this.lastSent = status;
    for (const listener of this.listeners) listener(status);
  }
}

/**
 * The app page's engine calls over an engine: each payload checked (`parseRunRequest`,
 * `parseRunId`), runs named for the renderer, and their events sent to it in batches, at
 * most `maxSendsPerSecond` messages a second, each with events of one run in order.
 */
export function createEngineCalls(
  engine: Engine,
  options: {
    sendEvents(runId: string, events: TraceEvent[]): void;
    newRunId?: () => string;
    maxSendsPerSecond?: number;
    maxBatchEvents?: number;
  },
) {
  const batcher = createEventBatcher({
    send: options.sendEvents,
    maxSendsPerSecond: options.maxSendsPerSecond ?? 60,
    maxBatchEvents: options.maxBatchEvents ?? 20_000,
  });
  const runs = new RunRegistry(
    engine,
    (runId, events) => batcher.push(runId, events),
    options.newRunId ?? randomUUID,
  );
  return {
    run: (payload: unknown): string => runs.run(parseRunRequest(payload)),
    stop: (payload: unknown): void => runs.stop(parseRunId(payload)),
    /** Closes the engine, and sends what is left of every run's trace at once. */
    close(): void {
      engine.close();
      batcher.flush();
      batcher.dispose();
    },
  };
}

function sameStatus(a: EngineStatus, b: EngineStatus): boolean {
  return (
    a.state === b.state && a.progress === b.progress && a.python === b.python && a.error === b.error
  );
}
