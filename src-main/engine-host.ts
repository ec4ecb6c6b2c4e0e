/**
 * The engine host: the main process's side of the loop engine. The engine itself runs in a
 * hidden, sandboxed page (see `engine-window.ts`); this module, which knows nothing of
 * Electron, decides what that page is asked to do and what of its answers reaches the app:
 *
 * - it starts the page when the app starts and restarts it when it dies, hangs, or misbehaves
 *   (a few times; then it waits for the user to ask for a run before trying again);
 * - it runs one program at a time, queueing the others, and stops a run on request or when
 *   the run outlives its wall-clock budget by more than the page's own grace;
 * - it validates every event of every run (`createTraceChecker`, plus limits on how many
 *   events and how much output a run may send), and ends a run whose trace breaks the rules
 *   as `crashed`, replacing the page that sent it;
 * - it completes every trace it started: whatever happens, the renderer receives a `run.end`
 *   for every run id it was given;
 * - it forwards events in batches, at most about 60 messages a second.
 */
import { randomUUID } from 'node:crypto';
import type { EngineStatus } from '../src-shared/api.ts';
import type { EngineRunRequest } from '../src-shared/engine-bridge.ts';
import { createTraceChecker, TraceError } from '../src-shared/trace-validate.ts';
import {
  TRACE_VERSION,
  type BudgetKind,
  type OutcomeKind,
  type TraceEvent,
} from '../src-shared/trace.ts';
import { createEventBatcher, type EventBatcher } from './event-batcher.ts';
import {
  IpcValidationError,
  parseEngineStatus,
  parseRunId,
  parseRunRequest,
} from './ipc-validate.ts';

/** What the host can ask of one engine page. */
export interface EnginePage {
  run(runId: string, request: EngineRunRequest): void;
  stop(runId: string): void;
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
  sendStatus(status: EngineStatus): void;
  sendEvents(runId: string, events: TraceEvent[]): void;
  newRunId?: () => string;
  /** How long past a run's wall budget the page has to end it before it is replaced. */
  watchdogSlackMs?: number;
  /** How long a page has to end a run after being asked to stop it. */
  stopGraceMs?: number;
  /** How long a new page has to report that its engine is ready. */
  loadTimeoutMs?: number;
  /** Restarts allowed within `restartWindowMs` before the host gives up until the next run. */
  maxRestarts?: number;
  restartWindowMs?: number;
  restartDelayMs?: number;
  /** Runs that may wait behind the active one; older ones are dropped as stopped. */
  maxQueued?: number;
  maxSendsPerSecond?: number;
  maxBatchEvents?: number;
  log?: (message: string) => void;
}

interface QueuedRun {
  runId: string;
  request: EngineRunRequest;
}

interface ActiveRun extends QueuedRun {
  checker: ReturnType<typeof createTraceChecker>;
  started: boolean;
  lastSeq: number;
  lastTime: number;
  events: number;
  outputChars: number;
  watchdog: ReturnType<typeof setTimeout> | null;
  stopTimer: ReturnType<typeof setTimeout> | null;
  /** When the page last sent events of this run. */
  lastProgress: number;
}

/** The page's `EngineClient` waits this long after a stop before ending its worker. */
const PAGE_GRACE_MS = 1500;
/** Events a run may send beyond its event budget: `run.end` and the engine's own records. */
const EVENT_SLACK = 64;

export class EngineHost {
  private page: EnginePage | null = null;
  private pageReady = false;
  private pageStatus: EngineStatus = { state: 'loading', progress: 0 };
  private lastSent: EngineStatus | null = null;
  private python: string | undefined;
  private gaveUp: string | null = null;
  private queue: QueuedRun[] = [];
  private active: ActiveRun | null = null;
  private restarts: number[] = [];
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private loadTimer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  private readonly batcher: EventBatcher;
  private readonly newRunId: () => string;
  private readonly log: (message: string) => void;

  constructor(private readonly options: EngineHostOptions) {
    this.newRunId = options.newRunId ?? randomUUID;
    this.log = options.log ?? ((message) => console.warn(`engine: ${message}`));
    this.batcher = createEventBatcher({
      send: options.sendEvents,
      maxSendsPerSecond: options.maxSendsPerSecond ?? 60,
      maxBatchEvents: options.maxBatchEvents ?? 20_000,
    });
  }

  /** Starts the engine page, if it is not started. */
  start(): void {
    if (this.disposed || this.page || this.restartTimer) return;
    this.openPage();
  }

  get status(): EngineStatus {
    if (this.gaveUp !== null)
      return { state: 'crashed', error: this.gaveUp, ...this.pythonField() };
    if (!this.pageReady) {
      return this.pageStatus.state === 'crashed'
        ? { ...this.pageStatus, ...this.pythonField() }
        : { state: 'loading', progress: this.pageStatus.progress ?? 0, ...this.pythonField() };
    }
    return { state: this.active ? 'running' : 'ready', ...this.pythonField() };
  }

  /** The Python version inside, once known. */
  get pythonVersion(): string | null {
    return this.python ?? null;
  }

  /** Queues a run (a payload from the renderer, checked here) and returns its id. */
  run(payload: unknown): string {
    const request = parseRunRequest(payload);
    const runId = this.newRunId();
    this.queue.push({ runId, request });
    while (this.queue.length > (this.options.maxQueued ?? 4)) {
      const dropped = this.queue.shift() as QueuedRun;
      this.endUnstarted(dropped, 'stopped');
    }
    if (this.gaveUp !== null || (!this.page && !this.restartTimer)) {
      // The user asks for a run: worth another try after giving up.
      this.gaveUp = null;
      this.restarts = [];
      this.start();
    }
    this.pump();
    this.publishStatus();
    return runId;
  }

  stop(payload: unknown): void {
    const runId = parseRunId(payload);
    const queued = this.queue.findIndex((run) => run.runId === runId);
    if (queued >= 0) {
      const [run] = this.queue.splice(queued, 1);
      this.endUnstarted(run as QueuedRun, 'stopped');
      return;
    }
    const active = this.active;
    if (!active || active.runId !== runId || active.stopTimer) return;
    this.page?.stop(runId);
    active.stopTimer = setTimeout(
      () => {
        if (this.active !== active) return;
        this.abandonPage('the engine did not stop a run when asked', {
          outcome: 'stopped',
          error: null,
        });
      },
      this.options.stopGraceMs ?? PAGE_GRACE_MS + 2500,
    );
  }

  dispose(): void {
    this.disposed = true;
    for (const run of this.queue) this.endUnstarted(run, 'stopped');
    this.queue = [];
    if (this.active) this.endActive('stopped', {}, null);
    this.batcher.flush();
    this.batcher.dispose();
    this.closePage();
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
  }

  // --- The page ---------------------------------------------------------------------------

  private openPage(): void {
    this.restartTimer = null;
    this.pageReady = false;
    this.pageStatus = { state: 'loading', progress: 0 };
    let page: EnginePage | null = null;
    const current = () => page !== null && this.page === page;
    const handlers: EnginePageHandlers = {
      status: (value) => current() && this.onStatus(value),
      events: (runId, events) => current() && this.onEvents(runId, events),
      runFailed: (runId, message) => current() && this.onRunFailed(runId, message),
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
  private abandonPage(
    reason: string,
    end: { outcome: OutcomeKind; budget?: BudgetKind; error: string | null } | null,
  ): void {
    this.log(reason);
    this.closePage();
    if (end && this.active) {
      this.endActive(end.outcome, end.budget ? { budget: end.budget } : {}, end.error);
    }
    this.scheduleRestart(reason);
  }

  private scheduleRestart(reason: string): void {
    if (this.disposed || this.restartTimer) return;
    const now = Date.now();
    const window = this.options.restartWindowMs ?? 60_000;
    this.restarts = this.restarts.filter((time) => now - time < window);
    this.restarts.push(now);
    if (this.restarts.length > (this.options.maxRestarts ?? 3)) {
      this.gaveUp = `The engine keeps failing (${reason}).`;
      for (const run of this.queue) this.endUnstarted(run, 'crashed', this.gaveUp);
      this.queue = [];
      this.publishStatus();
      return;
    }
    this.pageStatus = { state: 'loading', progress: 0 };
    this.publishStatus();
    const delay = (this.options.restartDelayMs ?? 250) * this.restarts.length;
    this.restartTimer = setTimeout(() => this.openPage(), delay);
  }

  private onStatus(value: unknown): void {
    let status: EngineStatus;
    try {
      status = parseEngineStatus(value);
    } catch (error) {
      this.violation(`the engine page sent a bad status: ${describe(error)}`);
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

  /** The page broke the protocol: it may be compromised, so it is replaced. */
  private violation(reason: string): void {
    this.abandonPage(reason, { outcome: 'crashed', error: capitalize(reason) });
  }

  // --- Runs -------------------------------------------------------------------------------

  private pump(): void {
    if (this.active || !this.page || !this.pageReady || this.disposed) return;
    const next = this.queue.shift();
    if (!next) return;
    const run: ActiveRun = {
      ...next,
      checker: createTraceChecker(),
      started: false,
      lastSeq: -1,
      lastTime: 0,
      events: 0,
      outputChars: 0,
      watchdog: null,
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
          error: null,
        });
      }, delay);
    };
    watch(run.request.budgets.maxWallMs + PAGE_GRACE_MS + slack);
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
    let events: TraceEvent[];
    try {
      events = run.checker.check(
        run.started ? value : completeStart(run, value, this.startEvent(run)),
      );
    } catch (error) {
      this.violation(`the engine sent an invalid trace: ${describe(error)}`);
      return;
    }
    if (events.length === 0) return;
    run.lastProgress = Date.now();
    run.events += events.length;
    for (const event of events) if (event.kind === 'output') run.outputChars += event.text.length;
    const { maxEvents, maxOutputBytes } = run.request.budgets;
    if (run.events > maxEvents + EVENT_SLACK) {
      this.violation('the engine sent more events than the run’s budget allows');
      return;
    }
    // Python counts characters and JavaScript UTF-16 units: allow for the difference.
    if (run.outputChars > maxOutputBytes * 2 + 1024) {
      this.violation('the engine sent more output than the run’s budget allows');
      return;
    }
    const last = events[events.length - 1] as TraceEvent;
    run.started = true;
    run.lastSeq = last.seq;
    run.lastTime = last.t;
    if (events[0]?.kind === 'run.start') this.python ??= events[0].python;
    this.batcher.push(run.runId, events);
    if (last.kind === 'run.end') this.finishActive();
  }

  private onRunFailed(runIdValue: unknown, message: unknown): void {
    const run = this.active;
    if (!run || runIdValue !== run.runId) return;
    const detail = typeof message === 'string' ? message.slice(0, 2000) : 'unknown error';
    this.endActive('crashed', {}, `The engine could not run the program: ${detail}`);
  }

  /** Ends the active run from the host's side, completing its trace. */
  private endActive(
    outcome: OutcomeKind,
    extra: { budget?: BudgetKind },
    error: string | null,
  ): void {
    const run = this.active;
    if (!run) return;
    const events: TraceEvent[] = [];
    if (!run.started) events.push(this.startEvent(run));
    events.push({
      seq: run.lastSeq + 1 + events.length,
      t: run.lastTime,
      kind: 'run.end',
      outcome,
      exitCode: outcome === 'crashed' ? 70 : 124,
      ...extra,
      ...(error !== null ? { error } : {}),
    });
    this.batcher.push(run.runId, events);
    this.finishActive();
  }

  /** Ends a run that never reached the engine: a trace of its start and its end. */
  private endUnstarted(run: QueuedRun, outcome: OutcomeKind, error?: string): void {
    const start = this.startEvent(run);
    this.batcher.push(run.runId, [
      start,
      {
        seq: 1,
        t: 0,
        kind: 'run.end',
        outcome,
        exitCode: outcome === 'crashed' ? 70 : 124,
        ...(error ? { error } : {}),
      },
    ]);
  }

  private startEvent(run: QueuedRun): TraceEvent {
    return {
      seq: 0,
      t: 0,
      kind: 'run.start',
      version: TRACE_VERSION,
      python: this.python ?? '',
      file: run.request.filename,
      source: run.request.code,
    };
  }

  private finishActive(): void {
    const run = this.active;
    if (!run) return;
    if (run.watchdog) clearTimeout(run.watchdog);
    if (run.stopTimer) clearTimeout(run.stopTimer);
    this.active = null;
    this.publishStatus();
    this.pump();
  }

  // --- Status -----------------------------------------------------------------------------

  private pythonField(): { python?: string } {
    return this.python ? { python: this.python } : {};
  }

  private publishStatus(): void {
    const status = this.status;
    if (this.lastSent && sameStatus(this.lastSent, status)) return;
    this.lastSent = status;
    this.options.sendStatus(status);
  }
}

/**
 * The page's engine client ends a run whose worker failed before sending anything with a
 * lone `run.end` (seq 0). Such a batch gets the `run.start` it lacks, so that the renderer
 * sees a whole trace and the user the engine's own error; the `run.end` is checked as usual.
 */
function completeStart(run: ActiveRun, batch: unknown, start: TraceEvent): unknown {
  if (run.started || !Array.isArray(batch) || batch.length !== 1) return batch;
  const [only] = batch as unknown[];
  if (typeof only !== 'object' || only === null) return batch;
  const event = only as Record<string, unknown>;
  return event.kind === 'run.end' && event.seq === 0 ? [start, { ...event, seq: 1 }] : batch;
}

function sameStatus(a: EngineStatus, b: EngineStatus): boolean {
  return (
    a.state === b.state && a.progress === b.progress && a.python === b.python && a.error === b.error
  );
}

function describe(error: unknown): string {
  if (error instanceof TraceError || error instanceof IpcValidationError) return error.message;
  return String(error);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1) + (text.endsWith('.') ? '' : '.');
}
