/**
 * The rules every host enforces on what its engine sends, written once. The engine's worker
 * (and the page around it, on the desktop) has run untrusted code, so each message, status
 * and event is checked where it enters the host; an engine that breaks a rule is treated as
 * compromised: its run ends as `crashed` with the reason, and it is replaced.
 *
 * - `createEngineGuard`, one per worker or page: how fast it may send, and which status may
 *   follow which (a `loading` once the engine was ready is forged).
 * - `createRunGuard`, one per run: the trace's rules (`createTraceChecker`), the run's event
 *   and output budgets, and the events that complete its trace when the host ends it.
 */
import type { EngineState, EngineStatus } from './api.ts';
import { isOneOf } from './assert.ts';
import { endEvent, startEvent, type HostEnd } from './engine-run.ts';
import { isRecord } from './is-record.ts';
import { createTraceChecker, TraceError } from './trace-validate.ts';
import { decodeBatch, WireError } from './trace-wire.ts';
import type { Budgets, RunRequest, TraceEvent } from './trace.ts';

/** An engine broke one of the host's rules. */
export class GuardError extends Error {
  override name = 'GuardError';
  /**
   * The checked events of the batch before the broken rule: the host shows them (what the
   * program printed until then is not lost) and ends the run after them.
   */
  accepted: TraceEvent[] = [];
}

/**
 * Hands what `check` accepts to `deliver`; when it finds a broken rule, first the events
 * checked before it, then the error.
 */
export function deliverChecked(
  check: () => TraceEvent[],
  deliver: (events: TraceEvent[]) => void,
): void {
  let events: TraceEvent[];
  try {
    events = check();
  } catch (error) {
    if (error instanceof GuardError && error.accepted.length > 0) deliver(error.accepted);
    throw error;
  }
  deliver(events);
}

function fail(message: string): never {
  throw new GuardError(message);
}

/** Events a run may send beyond its event budget: `run.end` and the engine's own records. */
export const EVENT_SLACK = 64;
/** Characters of output a run may send beyond its output budget. */
const OUTPUT_SLACK = 1024;
/**
 * Messages a second an engine may send, sustained, and in one burst. The engine sends a batch
 * every 4,096 events, and printed text within 5 ms: a few hundred a second at most.
 */
export const MAX_MESSAGES_PER_SECOND = 1000;
const MAX_BURST = 2000;

/**
 * The bytes of one batch the engine may send, measured before it is read: a
 * compromised worker could send one huge string. An honest batch holds about 4,096 events,
 * each of bounded size (the engine shortens the texts of warnings, logs and task names to
 * `MAX_EVENT_TEXT`, an exception's message to 500 characters, a value's repr to about 8,000),
 * and besides them at most the program's source and its output budget, each character of which
 * marshal writes in at most four bytes (UTF-8).
 */
const MAX_BATCH_BASE = 64 * 1024 * 1024;
/** The characters of a warning's, a log record's or an exception's text that the engine sends. */
export const MAX_EVENT_TEXT = 4096;

const SURROGATE_PAIRS = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

const ENGINE_STATES: readonly EngineState[] = ['loading', 'ready', 'running', 'crashed'];

function parseText(value: unknown, what: string, maxLength: number): string {
  if (typeof value !== 'string') fail(`${what} must be a string`);
  if (value.length > maxLength) fail(`${what} is too long`);
  return value;
}

/** Checks the shape of a status an engine reports. */
export function parseEngineStatus(value: unknown): EngineStatus {
  if (!isRecord(value)) fail('a status must be an object');
  for (const key of Object.keys(value)) {
    if (!['state', 'progress', 'python', 'error'].includes(key))
      fail(`status: unknown field "${key}"`);
  }
  if (!isOneOf(ENGINE_STATES, value.state)) fail('bad engine state');
  const status: EngineStatus = { state: value.state };
  if (value.progress !== undefined) {
    const progress = value.progress;
    if (typeof progress !== 'number' || !(progress >= 0 && progress <= 1)) fail('bad progress');
    status.progress = progress;
  }
  if (value.python !== undefined) {
    const python = parseText(value.python, 'python version', 40);
    if (python !== '' && !/^\d+\.\d+(\.\d+)?[\w.+-]*$/.test(python)) fail('bad python version');
    if (python !== '') status.python = python;
  }
  if (value.error !== undefined) status.error = parseText(value.error, 'error', 2000);
  return status;
}

export interface EngineGuard {
  /** Counts one message; throws when messages come faster than an engine sends them. */
  message(): void;
  /**
   * Parses a status and checks that it may follow the last one: `loading` only before the
   * engine is ready, or after it crashed, with a progress that never goes back.
   */
  status(value: unknown): EngineStatus;
}

export function createEngineGuard(now: () => number = () => performance.now()): EngineGuard {
  let tokens = MAX_BURST;
  let refilled = now();
  let last: EngineStatus | null = null;
  return {
    message() {
      const time = now();
      tokens = Math.min(MAX_BURST, tokens + ((time - refilled) / 1000) * MAX_MESSAGES_PER_SECOND);
      refilled = time;
      if (tokens < 1) fail('The engine sent messages faster than an engine does.');
      tokens -= 1;
    },
    status(value) {
      let status: EngineStatus;
      try {
        status = parseEngineStatus(value);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new GuardError(`The engine sent a bad status: ${reason}.`, { cause: error });
      }
      if (status.state === 'loading' && last && last.state !== 'crashed') {
        if (last.state !== 'loading') fail('The engine reported loading after it was ready.');
        if ((status.progress ?? 0) < (last.progress ?? 0))
          fail('The engine’s loading progress went back.');
      }
      last = status;
      return status;
    },
  };
}

export interface RunGuard {
  /** Checks a batch of events the engine sent for the run; throws on a broken rule. */
  check(batch: unknown): TraceEvent[];
  /**
   * Checks a batch as the engine sends it (trace-wire.ts): its size before it is read,
   * then its events.
   */
  checkWire(batch: Uint8Array): TraceEvent[];
  /** True once the run's `run.end` was accepted. */
  readonly ended: boolean;
  /**
   * The events that end the trace from the host's side: a `run.start` first when the engine
   * recorded none (`python` says which Python it is), then `run.end`; none once it ended.
   * The run has then ended: nothing more is accepted.
   */
  complete(end: HostEnd, python: string): TraceEvent[];
}

/** The largest batch a run that asked for `request.budgets` may send, in bytes. */
export function maxBatchBytes(request: RunRequest & { budgets: Budgets }): number {
  return MAX_BATCH_BASE + 4 * (request.code.length + request.budgets.maxOutputBytes + OUTPUT_SLACK);
}

/** A guard for one run, which asked for `request.budgets`. */
export function createRunGuard(request: RunRequest & { budgets: Budgets }): RunGuard {
  const checker = createTraceChecker();
  const { maxEvents, maxOutputBytes } = request.budgets;
  let events = 0;
  let outputEvents = 0;
  let output = 0;
  let last: TraceEvent | null = null;
  const maxBatch = maxBatchBytes(request);
  return {
    checkWire(bytes) {
      if (bytes.length > maxBatch)
        fail(`The engine sent a batch of ${bytes.length} bytes, more than a run sends.`);
      let batch: Record<string, unknown>[];
      try {
        batch = decodeBatch(bytes);
      } catch (error) {
        if (!(error instanceof WireError)) throw error;
        throw new GuardError(`The engine sent an invalid trace: ${error.message}.`, {
          cause: error,
        });
      }
      return this.check(batch);
    },
    check(batch) {
      if (last?.kind === 'run.end') fail('The engine sent events after the run ended.');
      let checked: TraceEvent[];
      let invalid: GuardError | null = null;
      try {
        checked = checker.check(batch);
      } catch (error) {
        if (!(error instanceof TraceError)) throw error;
        invalid = new GuardError(`The engine sent an invalid trace: ${error.message}.`, {
          cause: error,
        });
        // An engine that broke a rule does not end its run itself: the host ends it, crashed.
        checked = error.accepted.filter((event) => event.kind !== 'run.end');
      }
      events += checked.length;
      for (const event of checked) {
        // The budget counts characters, as Python does: a surrogate pair is one.
        if (event.kind === 'output') {
          outputEvents += 1;
          output += event.text.length - (event.text.match(SURROGATE_PAIRS) ?? []).length;
        }
      }
      // Once the trace is full the program runs on with its printed text alone recorded
      // (docs/trace-format.md, `fullAt`): up to as many output events again.
      if (events - outputEvents > maxEvents + EVENT_SLACK || events > 2 * maxEvents + EVENT_SLACK)
        fail('The engine sent more events than the run’s budget allows.');
      if (output > maxOutputBytes + OUTPUT_SLACK)
        fail('The engine sent more output than the run’s budget allows.');
      last = checked.at(-1) ?? last;
      if (invalid) {
        invalid.accepted = checked;
        throw invalid;
      }
      return checked;
    },
    get ended() {
      return last?.kind === 'run.end';
    },
    complete(end, python) {
      if (last?.kind === 'run.end') return [];
      const events = last
        ? [endEvent(last.seq + 1, last.t, end)]
        : [startEvent(request, python), endEvent(1, 0, end)];
      last = events.at(-1) ?? null;
      return events;
    },
  };
}
