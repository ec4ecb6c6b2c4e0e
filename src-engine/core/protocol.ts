/**
 * Messages between an engine host and its worker. A worker prepares one interpreter, serves
 * one run, and is ended. It is untrusted once its program started (Python can reach the
 * JavaScript realm it runs in), so the host checks every message it receives from it; see
 * `parseWorkerMessage` and the guards of src-shared/run-guard.ts.
 */
import type { BudgetKind, Budgets, RunRequest } from '../../src-shared/trace.ts';

export type HostMessage =
  | {
      type: 'init';
      /**
       * A memory snapshot of a prepared interpreter, from an earlier start; null: build one.
       * A browser's host sends it as a Blob, which is immutable and posted without a copy.
       */
      snapshot: Uint8Array | Blob | null;
      /** Where Pyodide's files are, when the worker cannot find them by itself (the browser). */
      indexURL: string | null;
      /** Pyodide's WebAssembly, compiled once by the host for every worker; null: compile it. */
      wasm: WebAssembly.Module | null;
    }
  | {
      type: 'run';
      id: number;
      request: RunRequest & { budgets: Budgets };
      /**
       * Shared with the host: the host writes 1 (stop), 2 (out of wall time) or 3 (out of
       * memory) into [0], and the engine checks it as it records; the interpreter sets [1]
       * when the memory budget refused the program memory. Two elements long. Null where SharedArrayBuffer is unavailable.
       */
      control: Int32Array | null;
    };

export type WorkerMessage =
  | { type: 'loading'; progress: number }
  | { type: 'ready'; python: string; coldStartMs: number }
  | { type: 'snapshot'; snapshot: Uint8Array }
  /** A batch of trace events in the wire format (src-shared/trace-wire.ts). */
  | { type: 'events'; id: number; batch: Uint8Array }
  | { type: 'done'; id: number }
  | { type: 'failed'; message: string }
  /**
   * The worker's host measured more memory than the run's budget (`maxMemoryMb`): the command
   * line's child, which has the run stopped the way its wall-time budget is.
   */
  | { type: 'over-memory'; id: number };

/** The host's view of a worker: a Web Worker or a confined child process. */
export interface WorkerPort {
  post(message: HostMessage, transfer?: Transferable[]): void;
  onMessage(listener: (message: unknown) => void): void;
  /**
   * `budget` when the host ended the worker because it went over a budget it watches from
   * outside (the command line's children: their memory), rather than because it failed.
   */
  onError(listener: (error: string, budget?: BudgetKind) => void): void;
  terminate(): void;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Checks the shape of a message from a worker; null when it is not one we sent for. */
export function parseWorkerMessage(data: unknown): WorkerMessage | null {
  if (!isObject(data) || typeof data.type !== 'string') return null;
  switch (data.type) {
    case 'loading':
      return typeof data.progress === 'number'
        ? { type: 'loading', progress: data.progress }
        : null;
    case 'ready':
      return typeof data.python === 'string' && typeof data.coldStartMs === 'number'
        ? { type: 'ready', python: data.python, coldStartMs: data.coldStartMs }
        : null;
    case 'snapshot':
      return data.snapshot instanceof Uint8Array
        ? { type: 'snapshot', snapshot: data.snapshot }
        : null;
    case 'events':
      return Number.isInteger(data.id) && data.batch instanceof Uint8Array
        ? { type: 'events', id: data.id as number, batch: data.batch }
        : null;
    case 'done':
      return Number.isInteger(data.id) ? { type: 'done', id: data.id as number } : null;
    case 'failed':
      return typeof data.message === 'string' ? { type: 'failed', message: data.message } : null;
    case 'over-memory':
      return Number.isInteger(data.id) ? { type: 'over-memory', id: data.id as number } : null;
    default:
      return null;
  }
}
