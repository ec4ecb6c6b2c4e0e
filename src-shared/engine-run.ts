/**
 * A run of the loop engine, as every host sees it. The engine runs behind one interface,
 * `Engine`, whatever carries it (as Perfetto's UI puts one `Engine` over its transports):
 * the engine client over a Web Worker or a Node worker (src-engine/core/engine-client.ts),
 * and the desktop's engine host over its hidden engine page (src-main/engine-host.ts). The
 * hosts that name runs across a boundary (the desktop's IPC, the engine page's bridge, the
 * web edition's `window.loopscope`) do so with one `RunRegistry`.
 *
 * Here too: the exit statuses a host writes, the `run.start` and `run.end` with which a host
 * completes a trace the engine could not finish, and the one restart policy.
 */
import type { EngineStatus, Unsubscribe } from './api.ts';
import {
  TRACE_VERSION,
  type BudgetKind,
  type OutcomeKind,
  type RunRequest,
  type TraceEvent,
} from './trace.ts';

/** The exit statuses a host writes when it ends a run itself (the engine writes its own). */
export const EXIT_CODE = {
  /** The engine failed: `EX_SOFTWARE` of sysexits.h. */
  crashed: 70,
  /** Stopped by the user or by a budget, as `timeout(1)` reports a command it stopped. */
  stopped: 124,
} as const;

/** How a host ends a run that its engine could not end. */
export interface HostEnd {
  outcome: Extract<OutcomeKind, 'crashed' | 'stopped' | 'budget'>;
  budget?: BudgetKind;
  /** Why the engine failed, for the user; null or absent when it did not fail. */
  error?: string | null;
}

export interface RunHandle {
  /** Resolves when the run has ended; its last event is always `run.end`. */
  readonly finished: Promise<void>;
  /** Asks the engine to stop the run; the run ends as `stopped` (the trace so far is kept). */
  stop(): void;
}

/** The loop engine, whatever carries it. */
export interface Engine {
  readonly status: EngineStatus;
  onStatus(listener: (status: EngineStatus) => void): Unsubscribe;
  /**
   * Queues a run: runs start one at a time, in order. `onEvents` receives its checked events
   * in batches, in order, the last one ending with `run.end`, whatever happens. `runId` names
   * the run where the engine passes it on by name (the desktop's host, to its page).
   */
  run(request: RunRequest, onEvents: (events: TraceEvent[]) => void, runId?: string): RunHandle;
  close(): void;
}

/** The `run.start` a host writes for a run whose engine recorded nothing. */
export function startEvent(request: RunRequest, python: string): TraceEvent {
  return {
    seq: 0,
    t: 0,
    kind: 'run.start',
    version: TRACE_VERSION,
    python,
    file: request.filename,
    source: request.code,
  };
}

/** The `run.end` a host writes, after the event `seq - 1` at virtual time `t`. */
export function endEvent(seq: number, t: number, end: HostEnd): TraceEvent {
  return {
    seq,
    t,
    kind: 'run.end',
    outcome: end.outcome,
    exitCode: end.outcome === 'crashed' ? EXIT_CODE.crashed : EXIT_CODE.stopped,
    ...(end.budget ? { budget: end.budget } : {}),
    ...(end.error ? { error: end.error } : {}),
  };
}

/** The whole trace of a run that never reached the engine. */
export function unstartedTrace(request: RunRequest, python: string, end: HostEnd): TraceEvent[] {
  return [startEvent(request, python), endEvent(1, 0, end)];
}

/**
 * Names runs for a host that hands them across a boundary: each run gets an id, its events
 * go to `send` tagged with it, and `stop` finds it by that id.
 */
export class RunRegistry {
  private readonly runs = new Map<string, RunHandle>();

  constructor(
    private readonly engine: Engine,
    private readonly send: (runId: string, events: TraceEvent[]) => void,
    private readonly newRunId: () => string,
  ) {}

  /** Starts a run, under `runId` when the other side named it already. */
  run(request: RunRequest, runId = this.newRunId()): string {
    const handle = this.engine.run(request, (events) => this.send(runId, events), runId);
    this.runs.set(runId, handle);
    const forget = () => void this.runs.delete(runId);
    handle.finished.then(forget, forget);
    return runId;
  }

  stop(runId: string): void {
    this.runs.get(runId)?.stop();
  }
}

/**
 * The one restart policy, for an engine's worker or page that fails to start or dies: it is
 * started again after `delayMs`, then twice that, and so on, at most `max` times within
 * `windowMs`; then `next()` says to give up until the user asks for a run (`reset()`).
 * (Every run gets a fresh worker anyway: that is not a restart.)
 */
export interface RestartPolicy {
  /** The delay before the next restart, or null to give up. */
  next(): number | null;
  reset(): void;
}

export const RESTARTS = { max: 3, windowMs: 60_000, delayMs: 250 } as const;

export function createRestartPolicy(
  options: { max?: number; windowMs?: number; delayMs?: number; now?: () => number } = {},
): RestartPolicy {
  const { max, windowMs, delayMs } = { ...RESTARTS, ...options };
  const now = options.now ?? Date.now;
  let restarts: number[] = [];
  return {
    next() {
      const time = now();
      restarts = restarts.filter((at) => time - at < windowMs);
      if (restarts.length >= max) return null;
      restarts.push(time);
      return delayMs * restarts.length;
    },
    reset() {
      restarts = [];
    },
  };
}
