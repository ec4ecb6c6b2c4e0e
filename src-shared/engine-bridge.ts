/**
 * The contract between the Electron app's hidden engine page (`src-engine/web/engine-page.ts`)
 * and the main process: the engine page's preload provides it (`... satisfies EngineBridge`)
 * as `window.loopscopeEngine`. It is deliberately narrow: the page reports its status and
 * the events of the runs it was asked for, and receives run and stop requests.
 *
 * The page hosts a worker that has run untrusted Python, so the main process treats everything
 * that crosses this bridge as untrusted: it validates every status and every event.
 */
import type { EngineStatus, Unsubscribe } from './api.ts';
import type { Budgets, RunRequest, TraceEvent } from './trace.ts';

/** A run request as main sends it to the engine page: validated, with every budget set. */
export type EngineRunRequest = RunRequest & { budgets: Budgets };

export interface EngineBridge {
  reportStatus(status: EngineStatus): void;
  /** A batch of a run's events, in order; the last batch ends with `run.end`. */
  reportEvents(runId: string, events: TraceEvent[]): void;
  /** The run could not be carried out at all (the engine could not start, say). */
  reportRunFailed(runId: string, message: string): void;
  onRun(listener: (runId: string, request: EngineRunRequest) => void): Unsubscribe;
  onStop(listener: (runId: string) => void): Unsubscribe;
  /** The interpreter snapshot kept from an earlier launch, if any. */
  loadSnapshot(): Promise<Uint8Array | null>;
  /**
   * Keeps a new snapshot for later launches. Main accepts one per page, and only before the
   * page reports its engine ready: after that, programs have run in it.
   */
  saveSnapshot(snapshot: Uint8Array): void;
}

/** The name under which the engine page finds the bridge on `window`. */
export const ENGINE_BRIDGE_GLOBAL = 'loopscopeEngine';
