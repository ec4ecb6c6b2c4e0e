/**
 * The trace: the only interface between the loop engine and everything that shows it.
 *
 * A trace is a sequence of events, each a flat JSON object with `seq` (0, 1, 2, ... with no
 * gaps), `t` (the loop's virtual clock, in seconds, when the event happened) and `kind`.
 * Handles, tasks and futures are named by small integers (`id`) that are unique within one
 * run; a task is a future, so task and future ids share one numbering.
 * The wire format is documented in docs/trace-format.md.
 */

/** Bumped on every change that an older reader could misread. */
export const TRACE_VERSION = 1;

/** Where something happened in the user's program: a line of the user's file, and the task. */
export interface Origin {
  /** 1-based line in the user's file, or null when no line of it has run yet. */
  line: number | null;
  /** The task that was running, or null outside any task. */
  task: number | null;
}

/** A Python exception, as the program would print its last line. */
export interface ExceptionInfo {
  type: string;
  message: string;
}

/** `input()` found no input: the EOFError it raises (as with `python3 file.py < /dev/null`). */
export function isInputEof(exc: ExceptionInfo): boolean {
  return exc.type === 'EOFError' && exc.message.startsWith('EOF when reading a line');
}

export interface Frame {
  file: string;
  line: number;
  name: string;
  /** True when the frame is in the user's file (not asyncio's or the standard library's). */
  user: boolean;
}

/** A local variable of a task's frame, as `task.frames` records it. */
export interface FrameLocal {
  name: string;
  /** Its value: built-in values by their repr (cut to 160 characters), other objects by type. */
  value: string;
  /** The id of the task or future the value is, when it is one. */
  ref?: number;
  /** The ids of the tasks and futures a list, tuple, set or dict holds (at most 8). */
  items?: number[];
}

/** A frame of the program's file on a task's coroutine stack. */
export interface TaskFrame {
  /** The function's qualified name. */
  name: string;
  /** The line the frame is paused at. */
  line: number;
  /** Its local variables (at most 24), in the order Python lists them. */
  locals: FrameLocal[];
}

/** A socket of the engine's loopback network, as the loop's selector sees it. */
export interface IoSocket {
  /** The socket's file descriptor number. */
  fd: number;
  /** Waited on (or ready) for reading: data, the end of the stream, or a connection to accept. */
  read: boolean;
  /** Waited on (or ready) for writing: room to send, or a connect that completed. */
  write: boolean;
  /** A listening socket (a server's), whose readiness means a connection waits to be accepted. */
  listening: boolean;
  /** The socket's own address, `127.0.0.1:8888` or `[::1]:8888`, or null before it is bound. */
  local: string | null;
  /** The address of the other end, or null when it has none. */
  peer: string | null;
}

/** What a suspended task waits for. */
export type Awaiting =
  /** `until` is null when the sleep's deadline is not a finite number (`sleep(float("inf"))`). */
  | { kind: 'sleep'; future: number; until: number | null }
  | { kind: 'task'; future: number; name: string }
  | { kind: 'gather'; future: number; children: number[] }
  | { kind: 'future'; future: number; label: string };

/** What a handle's callback is, for labelling it in the ready queue and the timer heap. */
export type CallbackRole =
  /** `Task.__step`: the task's next step. */
  | 'step'
  /** `Task.__wakeup`: a future the task awaited is done. */
  | 'wakeup'
  /** `futures._set_result_unless_cancelled`: the end of an `asyncio.sleep`. */
  | 'sleep'
  /** Any other callback, such as `gather._done_callback` or the user's own function. */
  | 'callback';

export type OutcomeKind =
  /** The program ran to its end (exit status 0, or what `sys.exit` asked for). */
  | 'completed'
  /** The program ended with an uncaught exception (exit status 1). */
  | 'raised'
  /** The program could not be compiled (exit status 1). */
  | 'syntax-error'
  /** A budget stopped the run; the trace up to that point is valid. */
  | 'budget'
  /** The loop had nothing to run and no timer: a real program would wait forever. */
  | 'stuck'
  /** The user stopped the run. */
  | 'stopped'
  /** The engine itself failed; `error` says how. */
  | 'crashed';

export type BudgetKind =
  | 'events'
  | 'virtual-time'
  | 'wall-time'
  | 'output'
  | 'memory'
  /** The standard input given was larger than a program is given: nothing was run. */
  | 'input';

/** Why asyncio reported a future (or task) when the program dropped it. */
export type DropReason =
  /** "Task exception was never retrieved" (or "Future exception …"). */
  | 'exception-never-retrieved'
  /** "Task was destroyed but it is pending!" */
  | 'pending';

interface Base<K extends string> {
  seq: number;
  t: number;
  kind: K;
}

export type TraceEvent =
  // --- The run --------------------------------------------------------------------------
  | (Base<'run.start'> & {
      version: number;
      python: string;
      file: string;
      /** The program's source, so that a trace can be replayed alone. */
      source: string;
    })
  | (Base<'run.end'> & {
      outcome: OutcomeKind;
      exitCode: number;
      budget?: BudgetKind;
      /** Lines whose runs in tight loops were summarised (see `line.hot`), ascending. */
      hotLines?: number[];
      /**
       * The number of events the trace held when it filled up (the events budget): the program
       * ran on from there unrecorded, its printed text alone still recorded.
       */
      fullAt?: number;
      /** For a syntax error: where, 1-based. */
      line?: number;
      column?: number;
      error?: string;
    })
  // --- The program ----------------------------------------------------------------------
  | (Base<'line'> & { line: number; task: number | null })
  /**
   * The line has run so often in this step (a tight loop) that its further runs, until the
   * loop's next iteration, are not recorded: the program runs them at full speed.
   */
  | (Base<'line.hot'> & { line: number; task: number | null })
  | (Base<'output'> & { stream: 'stdout' | 'stderr'; text: string })
  | (Base<'warning'> & { category: string; message: string; line: number | null })
  | (Base<'log'> & { logger: string; level: string; message: string })
  | (Base<'exception'> & { exc: ExceptionInfo; frames: Frame[] })
  // --- The loop -------------------------------------------------------------------------
  | (Base<'loop.create'> & { loop: number })
  | (Base<'loop.start'> & { loop: number })
  | (Base<'loop.iteration'> & { loop: number; n: number })
  /** The loop polls for I/O (the first phase of an iteration) with this timeout. */
  | (Base<'loop.select'> & { loop: number; timeout: number | null })
  /**
   * What the poll waits on changed (recorded right after `loop.select`, only when it did):
   * `sockets` are waited on anew, or for something else, and `removed` are the descriptors no
   * longer waited on. Without `removed` (traces recorded before it), `sockets` is the whole set.
   */
  | (Base<'io.wait'> & { loop: number; sockets: IoSocket[]; removed?: number[] | null })
  /** The poll returned: these sockets are ready, in the order the selector gave them. */
  | (Base<'io.ready'> & { loop: number; sockets: IoSocket[] })
  /** The clock moved while the loop waited in `select` for its next timer. */
  | (Base<'loop.wait'> & { loop: number; until: number })
  /** Due timers move to the ready queue (the second phase). */
  | (Base<'loop.timers'> & { loop: number })
  /** The loop runs the `count` handles that are ready now (the third phase). */
  | (Base<'loop.ready'> & { loop: number; count: number })
  | (Base<'loop.stop'> & { loop: number })
  /** The loop closes: its ready queue and timer heap are emptied without running. */
  | (Base<'loop.close'> & { loop: number })
  /** A callback blocked the loop: `time.sleep` moved the clock with the loop unable to run. */
  | (Base<'clock.block'> & { until: number; line: number | null; task: number | null })
  // --- Handles: the ready queue and the timer heap ----------------------------------------
  /** A handle joins the ready queue's tail (`call_soon`). */
  | (Base<'handle.push'> & {
      handle: number;
      loop: number;
      callback: string;
      /**
       * A plain callback's arguments as the program gave them, `3, 'a'` (values shown as
       * `task.create`'s `call`, at most 40 characters); absent for a task's step or wake-up,
       * the end of a sleep, and a callback whose first argument is a future.
       */
      args?: string;
      role: CallbackRole;
      /** The task whose method the callback is. */
      task: number | null;
      /** The future the callback was registered on, when a future's completion scheduled it. */
      future: number | null;
      from: Origin;
    })
  /** A timer joins the heap (`call_at`, `call_later`). */
  | (Base<'timer.push'> & {
      handle: number;
      loop: number;
      /** The deadline; null when it is not a finite number (`call_later(float("inf"), …)`). */
      when: number | null;
      callback: string;
      /** As `handle.push`'s. */
      args?: string;
      role: CallbackRole;
      task: number | null;
      future: number | null;
      from: Origin;
    })
  /** A due timer leaves the heap for the ready queue's tail. */
  | (Base<'timer.due'> & { handle: number })
  /** A cancelled timer at the heap's top leaves it without running. */
  | (Base<'timer.discard'> & { handle: number })
  /**
   * Too many cancelled timers: the loop drops them all and rebuilds the heap from the rest, in
   * their order, with `heapify`.
   */
  | (Base<'timer.rebuild'> & { loop: number; discarded: number[] })
  /** A handle (in the ready queue or the heap) is cancelled; it stays until the loop drops it. */
  | (Base<'handle.cancel'> & { handle: number; from: Origin })
  /** The loop takes the handle at the ready queue's head and runs it. */
  | (Base<'handle.run'> & { handle: number })
  /** The handle's callback returned. */
  | (Base<'handle.done'> & { handle: number })
  /** The loop takes a cancelled handle from the head and drops it. */
  | (Base<'handle.skip'> & { handle: number })
  // --- Tasks and futures ------------------------------------------------------------------
  | (Base<'task.create'> & {
      task: number;
      name: string;
      coro: string;
      /** Where the coroutine function is defined, when it is in the user's file. */
      defLine: number | null;
      /**
       * The call that made the coroutine, as the code wrote it (`worker('a', 2)`): argument
       * values of built-in types, others by their type; at most 120 characters.
       */
      call?: string;
      from: Origin;
    })
  | (Base<'future.create'> & { future: number; type: string; from: Origin })
  /** The task's coroutine runs (a step begins); `throw` names an exception thrown into it. */
  | (Base<'task.run'> & { task: number; throw: string | null })
  /** The step ended with the task waiting for a future. */
  | (Base<'task.suspend'> & { task: number; awaiting: Awaiting; line: number | null })
  /** The step ended with a bare `yield` (`await asyncio.sleep(0)`): the task goes back in line. */
  | (Base<'task.yield'> & { task: number; line: number | null })
  /**
   * After `task.suspend` or `task.yield`, when they changed since the task's last: its
   * coroutine stack (the frames of the user's file, outermost first, the innermost 12 of a
   * deeper one) with their local variables.
   */
  | (Base<'task.frames'> & { task: number; frames: TaskFrame[] })
  /** A future the task waited for is done: its `__wakeup` runs. */
  | (Base<'task.wake'> & { task: number; future: number })
  /** `task.cancel(msg)` was called. */
  | (Base<'task.cancel'> & { task: number; msg: string | null; accepted: boolean; from: Origin })
  | (Base<'future.result'> & { future: number; value: string })
  | (Base<'future.exception'> & { future: number; exc: ExceptionInfo })
  | (Base<'future.cancelled'> & { future: number; msg: string | null })
  | (Base<'future.callback'> & { future: number; callback: string; role: CallbackRole })
  /**
   * The program dropped the last reference to a future (or task) that asyncio reports when it
   * is freed: its log record follows. This is when CPython's C Task reports it.
   */
  | (Base<'future.dropped'> & { future: number; reason: DropReason })
  // --- For the engine's own tests ---------------------------------------------------------
  /**
   * Only when the run asked for probes: what the loop really holds at the start of each
   * iteration, read from `loop._ready` and `loop._scheduled` (in the heap's array order), and
   * the sockets registered with its selector (which its next poll waits on), by descriptor.
   */
  | (Base<'probe'> & {
      loop: number;
      ready: number[];
      heap: number[];
      sockets?: IoSocket[] | null;
    });

export type TraceEventKind = TraceEvent['kind'];

/** The event of one kind. */
export type EventOf<K extends TraceEventKind> = Extract<TraceEvent, { kind: K }>;

/** Limits a run may not pass. */
export interface Budgets {
  /** Most trace events recorded before the run is stopped. */
  maxEvents: number;
  /** Most virtual seconds the loop's clock may reach. */
  maxVirtualSeconds: number;
  /** Most real milliseconds the run may take. */
  maxWallMs: number;
  /** Most characters the program may print. */
  maxOutputBytes: number;
  /**
   * Most megabytes of memory the engine's process may hold while the program runs (its
   * resident set), where the host can measure it: the command line's child and the desktop's
   * engine page. A browser tab has its own limit.
   */
  maxMemoryMb: number;
}

export const DEFAULT_BUDGETS: Readonly<Budgets> = Object.freeze({
  maxEvents: 500_000,
  maxVirtualSeconds: 24 * 3600,
  maxWallMs: 10_000,
  maxOutputBytes: 16 * 1024 * 1024,
  maxMemoryMb: 2048,
});

/** A request to run one program. */
export interface RunRequest {
  /** The program's source. */
  code: string;
  /** The file name shown in tracebacks, as `python3 FILE` would show it. */
  filename: string;
  /** Text served to `input()` and `sys.stdin`; when absent, reading stdin raises EOFError. */
  stdin?: string;
  budgets?: Partial<Budgets>;
  /** Record `probe` events (for the engine's tests). */
  probe?: boolean;
}

/** Called with every event as it is recorded, in order. */
export type TraceSink = (events: readonly TraceEvent[]) => void;

// It lives in assert.ts now; importers of trace.ts keep finding it here.
export { assertNever } from './assert.ts';
