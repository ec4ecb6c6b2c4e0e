/**
 * What the replay learns about the program's own code as events arrive: what the code calls
 * each task, which handles the program scheduled itself (and which asyncio did), where the
 * module-level code is, and which futures each task awaited. The views and the narration use
 * it to say who does what in the learner's words.
 */
import type { RunState } from '../../src-shared/loop-state.ts';
import { isInputEof, type Awaiting, type TraceEvent } from '../../src-shared/trace.ts';
import { asyncioTaskKind } from './asyncio-tasks.ts';
import { isShutdownCancel } from './lens.ts';
import { countBelow } from './timeline.ts';
import {
  bindingSite,
  enclosingFunction,
  handlerAt,
  parseProgram,
  type Handler,
  type Program,
} from './program.ts';

/** An identifier asyncio keeps to itself: `__step`, `_run_until_complete_cb`, `gather._done_callback`. */
const PRIVATE_SEGMENT = /(?:^|\.)_/;

/** Whether a callback's label names something private to asyncio or the standard library. */
export function isPrivateLabel(label: string): boolean {
  return PRIVATE_SEGMENT.test(label);
}

/** The longest a call as written is shown before it is cut. */
const MAX_CALL = 80;

/** The call a task runs, as written where it was made (`fetch(page, s)`), or its coroutine's name. */
function callOf(event: Extract<TraceEvent, { kind: 'task.create' }>): string {
  // Checked here too: a field the validator does not know yet may hold anything.
  const call: unknown = event.call;
  if (typeof call === 'string' && call.trim() !== '') {
    const flat = call.replace(/\s+/g, ' ').trim();
    return flat.length > MAX_CALL ? `${flat.slice(0, MAX_CALL - 1)}…` : flat;
  }
  return `${event.coro.replaceAll('.<locals>', '')}()`;
}

/**
 * Something that happened to a task's result that its card shows: its stored exception raised
 * again where another task awaited it; its `result()` read before it was done; asyncio's
 * complaint that nobody ever retrieved its exception.
 */
export interface TaskIncident {
  kind: 'reraised' | 'read-too-early' | 'never-retrieved';
  task: number;
  /** The index of the event that shows it. */
  index: number;
  /** The program's line where it happened (the `await`, the `result()` call), if known. */
  line: number | null;
  /** The task that met the exception (awaited, or read too early), if any. */
  by: number | null;
  /** What the code calls that task. */
  byLabel: string | null;
  exception: string;
}

/**
 * An exception the program caught: a line of its `try` raised it, and the trace reached the
 * `except` clause that caught it (Python runs that line only then).
 */
export interface CaughtException {
  /** The index of the `line` event of the `except` clause. */
  index: number;
  /** The running task, or null for the module or a callback. */
  task: number | null;
  /** The line that raised it. */
  raisedAt: number;
  handler: Handler;
  /** No event loop was running: what `create_task` needs. */
  noLoop: boolean;
  /** The task whose stored exception the line raised again (`await bad`, `bad.result()`). */
  stored: number | null;
  /** The task whose result the line read before it was done (`InvalidStateError`). */
  early: number | null;
}

/** What asyncio says of a failed task nobody looked at; with its default handler, its name. */
const NEVER_RETRIEVED = 'Task exception was never retrieved';
const NEVER_RETRIEVED_NAME = /Task exception was never retrieved[\s\S]*?name='([^']*)'/;
/** The calls that need a running loop. */
const NEEDS_LOOP = /(?<![\w])(?:create_task|ensure_future|get_running_loop)\s*\(/;
/** A read of a task's outcome in the code: `task.result()`, `tasks[0].exception()`. */
const OUTCOME_READ = /([A-Za-z_][\w.]*(?:\[\d+\])?)\.(?:result|exception)\s*\(\s*\)/g;
/** What a line reads a task's outcome from: `task.result()`, `await task`. */
const OUTCOME_SOURCE =
  /(?:(?<![\w.])await\s+([A-Za-z_][\w.]*(?:\[\d+\])?)(?![\w.([])|([A-Za-z_][\w.]*(?:\[\d+\])?)\.result\s*\(\s*\))/g;

/**
 * One number for a running context (a task, or none) and a line: `line` events come by the
 * hundred thousand, and a string key for each would cost more than the rest of their work.
 */
function contextKey(task: number | null, line: number): number {
  return ((task ?? -1) + 1) * 2 ** 24 + line;
}

/** A future a task awaited, and the task that awaited it. */
export interface AwaitedFuture {
  task: number;
  awaiting: Awaiting;
}

export class ProgramIndex {
  program: Program = parseProgram('');
  /** What the code calls each task, when it names it (`task1`, `tasks[0]`). */
  readonly bindings = new Map<number, string>();
  /** The call each task runs, as written (`my_coroutine(1, 2)`). */
  readonly calls = new Map<number, string>();
  /** Handles the program scheduled itself (`call_soon`, `call_later`...), not asyncio. */
  readonly programHandles = new Set<number>();
  /** For each handle that ran the program's own lines: the index of the first such line. */
  readonly handleFirstLine = new Map<number, number>();
  /** Futures tasks awaited, by future id, as the last `task.suspend` on each said. */
  readonly awaited = new Map<number, AwaitedFuture>();
  /** The index of every module-level `line` event (outside any task or callback), in order. */
  readonly moduleLines: number[] = [];
  readonly moduleLineNumbers: number[] = [];
  /** The index of every event where a loop is made, started, stopped or closed, in order. */
  readonly loopChanges: number[] = [];
  /** The index of each `task.cancel` by which `asyncio.run` cancels a pending task, in order. */
  readonly shutdownCancels: number[] = [];
  /** What happened to tasks' results, in order (see TaskIncident). */
  readonly incidents: TaskIncident[] = [];
  /** Exceptions the program raised and caught itself, in order. */
  readonly caught: CaughtException[] = [];
  /** Where the program read `input()` and found none (EOFError), in order. */
  readonly inputRequests: { index: number; line: number | null }[] = [];
  /** The innermost line of the program in an uncaught exception's traceback, by event index. */
  readonly raisedAt = new Map<number, number>();

  /** Where each task was made: the line, and the task that made it. */
  private readonly createdAt = new Map<number, { line: number; by: number | null }>();
  /** Per running context: the line of its last `line` event. */
  private readonly lastLine = new Map<number | null, number>();
  /** Per running context and line (see contextKey): the index of the line's last `line` event. */
  private readonly lineStarted = new Map<number, number>();
  /** Per context and line (see contextKey): the indices of the tasks created there. */
  private readonly created = new Map<number, number[]>();

  /** Records what event `index` says about the program; `head` is the state right after it. */
  observe(event: TraceEvent, index: number, head: RunState): void {
    switch (event.kind) {
      case 'run.start':
        this.program = parseProgram(event.source);
        break;
      case 'line':
        this.observeLine(event.line, event.task, index, head);
        break;
      case 'task.create':
        this.calls.set(event.task, callOf(event));
        if (event.from.line !== null) {
          this.createdAt.set(event.task, { line: event.from.line, by: event.from.task });
        }
        this.bindTask(event, index);
        break;
      case 'handle.push':
      case 'timer.push':
        if (
          event.role === 'callback' &&
          !isPrivateLabel(event.callback) &&
          this.programRuns(head)
        ) {
          this.programHandles.add(event.handle);
        }
        break;
      case 'task.suspend':
        this.awaited.set(event.awaiting.future, { task: event.task, awaiting: event.awaiting });
        break;
      case 'task.cancel':
        if (isShutdownCancel(event, head)) this.shutdownCancels.push(index);
        break;
      case 'task.run':
        if (event.throw !== null) this.noticeReraise(event.task, event.throw, index, head);
        break;
      case 'future.exception': {
        const task = head.tasks.get(event.future);
        if (task && isInputEof(event.exc)) this.inputRequests.push({ index, line: task.line });
        if (task && event.exc.type === 'InvalidStateError') {
          this.noticeEarlyRead(task.line, event.future, event.exc.type, index);
        }
        break;
      }
      case 'exception': {
        const frame = event.frames.filter((f) => f.user).at(-1);
        if (frame) this.raisedAt.set(index, frame.line);
        if (isInputEof(event.exc)) this.inputRequests.push({ index, line: frame?.line ?? null });
        if (event.exc.type === 'InvalidStateError') {
          this.noticeEarlyRead(frame?.line ?? null, null, event.exc.type, index);
        }
        break;
      }
      case 'log':
        this.noticeNeverRetrieved(event.message, index, head);
        break;
      case 'output':
        this.noticeNeverRetrieved(event.text, index, head);
        break;
      case 'loop.create':
      case 'loop.start':
      case 'loop.stop':
      case 'loop.close':
        this.loopChanges.push(index);
        break;
      default:
        break;
    }
  }

  /**
   * asyncio says a task's exception was never retrieved: the task it names (its default
   * handler writes the name), else the only task that has failed, when only one has (a
   * handler of the program's own may print just the message).
   */
  private noticeNeverRetrieved(text: string, index: number, head: RunState): void {
    if (!text.includes(NEVER_RETRIEVED)) return;
    const name = NEVER_RETRIEVED_NAME.exec(text)?.[1];
    const failed = [...head.tasks.values()].filter((t) => t.status === 'failed');
    const named = name === undefined ? failed : failed.filter((t) => t.name === name);
    const task = named.length === 1 ? named[0] : undefined;
    if (!task || this.incidents.some((i) => i.kind === 'never-retrieved' && i.task === task.id)) {
      return;
    }
    this.incidents.push({
      kind: 'never-retrieved',
      task: task.id,
      index,
      line: null,
      by: null,
      byLabel: null,
      exception: task.exception?.type ?? '',
    });
  }

  /**
   * The trace reached an `except` clause: the line before it in the same context, when it is
   * in the clause's `try`, raised what it caught. (A line of a function called from the `try`
   * would leave the raising line unknown: then nothing is said.)
   */
  private noticeCaught(line: number, task: number | null, index: number, head: RunState): void {
    const handler = handlerAt(this.program, line);
    const previous = this.lastLine.get(task);
    if (!handler || previous === undefined) return;
    if (previous <= handler.tryLine || previous >= handler.line) return;
    const loop = head.currentLoop === null ? undefined : head.loops.get(head.currentLoop);
    const text = this.program.sourceLines[previous - 1] ?? '';
    const noLoop = !loop?.running && handler.type === 'RuntimeError' && NEEDS_LOOP.test(text);
    const stored = this.storedRaise(text, previous, task, handler, head);
    const caught: CaughtException = {
      index,
      task,
      raisedAt: previous,
      handler,
      noLoop,
      stored,
      early: null,
    };
    this.caught.push(caught);
    if (stored !== null) {
      this.incidents.push({
        kind: 'reraised',
        task: stored,
        index,
        line: previous,
        by: task,
        byLabel:
          task === null ? null : (this.bindings.get(task) ?? head.tasks.get(task)?.name ?? null),
        exception: head.tasks.get(stored)?.exception?.type ?? '',
      });
    }
    if (handler.type === 'InvalidStateError') {
      caught.early = this.noticeEarlyRead(previous, task, handler.type, index);
    }
  }

  /**
   * The failed task whose stored exception the line `text` raised again, when it reads one
   * task's outcome (`await bad`, `bad.result()`), that task has failed, and the clause that
   * caught it takes that exception's type (or any).
   */
  private storedRaise(
    text: string,
    line: number,
    by: number | null,
    handler: Handler,
    head: RunState,
  ): number | null {
    const names = [...text.matchAll(OUTCOME_SOURCE)].map((m) => m[1] ?? m[2]);
    if (names.length !== 1) return null;
    const id = this.taskNamed(names[0] ?? '', by, line);
    const task = id === undefined ? undefined : head.tasks.get(id);
    if (!task || task.status !== 'failed') return null;
    const general =
      handler.type === null || handler.type === 'Exception' || handler.type === 'BaseException';
    return general || handler.type === task.exception?.type ? task.id : null;
  }

  /** The task the code calls `name` where task `by` runs `line`: bound in the same function. */
  private taskNamed(name: string, by: number | null, line: number): number | undefined {
    return [...this.bindings].findLast(
      ([id, bound]) => bound === name && this.boundIn(id, by, line),
    )?.[0];
  }

  /**
   * A task resumed with an exception thrown in: when what it awaited was a task that failed,
   * that task's stored exception is being raised again at the `await`.
   */
  private noticeReraise(task: number, thrown: string, index: number, head: RunState): void {
    const awaited = [...this.awaited].findLast(([, a]) => a.task === task)?.[0];
    const failed = awaited === undefined ? undefined : head.tasks.get(awaited);
    if (!failed || failed.status !== 'failed' || failed.exception?.type !== thrown) return;
    this.incidents.push({
      kind: 'reraised',
      task: failed.id,
      index,
      line: head.tasks.get(task)?.line ?? null,
      by: task,
      byLabel: this.bindings.get(task) ?? head.tasks.get(task)?.name ?? null,
      exception: thrown,
    });
  }

  /** `InvalidStateError` from reading a task's outcome on `line` before the task was done. */
  private noticeEarlyRead(
    line: number | null,
    by: number | null,
    exception: string,
    index: number,
  ): number | null {
    if (line === null) return null;
    const text = this.program.sourceLines[line - 1] ?? '';
    const reads = [...text.matchAll(OUTCOME_READ)].map((m) => m[1]);
    if (reads.length !== 1) return null;
    // The name read must be the one bound in the same function, by the same task.
    const task = this.taskNamed(reads[0] ?? '', by, line);
    if (task === undefined) return null;
    const byLabel = by === null ? null : (this.bindings.get(by) ?? null);
    this.incidents.push({ kind: 'read-too-early', task, index, line, by, byLabel, exception });
    return task;
  }

  /** Whether task `id` was bound by task `by`, in the function that holds `line`. */
  private boundIn(id: number, by: number | null, line: number): boolean {
    const at = this.createdAt.get(id);
    return (
      at !== undefined &&
      at.by === by &&
      enclosingFunction(this.program, at.line) === enclosingFunction(this.program, line)
    );
  }

  private observeLine(line: number, task: number | null, index: number, head: RunState): void {
    this.noticeCaught(line, task, index, head);
    this.lastLine.set(task, line);
    this.lineStarted.set(contextKey(task, line), index);
    if (task !== null) return;
    const loop = head.currentLoop === null ? undefined : head.loops.get(head.currentLoop);
    const handle = loop?.current ?? null;
    if (handle !== null) {
      if (!this.handleFirstLine.has(handle)) this.handleFirstLine.set(handle, index);
    } else {
      this.moduleLines.push(index);
      this.moduleLineNumbers.push(line);
    }
  }

  /**
   * Whether the code running now is the program's: a task of the program's, the module, or a
   * callback the program scheduled. (asyncio's own callbacks also run outside any task.)
   */
  private programRuns(head: RunState): boolean {
    const loop = head.currentLoop === null ? undefined : head.loops.get(head.currentLoop);
    const handle = loop?.running ? loop.current : null;
    const task = head.currentTask === null ? undefined : head.tasks.get(head.currentTask);
    if (task) return asyncioTaskKind(task.coro, task.defLine) === null;
    return handle === null || this.programHandles.has(handle);
  }

  private bindTask(event: Extract<TraceEvent, { kind: 'task.create' }>, index: number): void {
    const line = event.from.line;
    if (line === null) return;
    const context = contextKey(event.from.task, line);
    const since = this.lineStarted.get(context) ?? -1;
    const made = this.created.get(context) ?? [];
    if (!this.created.has(context)) this.created.set(context, made);
    // `made` ascends: a binary search counts the tasks made since, even among 100,000.
    const k = made.length - countBelow(made, since + 1);
    made.push(index);
    const site = bindingSite(this.program, line, k);
    if (site?.kind === 'name') {
      this.bindings.set(event.task, site.name);
    } else if (site?.kind === 'append') {
      // The list starts empty at `initLine`: count the appends since it last did.
      const emptied = this.lineStarted.get(contextKey(event.from.task, site.initLine));
      if (emptied === undefined) return;
      const position = made.length - countBelow(made, emptied + 1) - 1;
      this.bindings.set(event.task, `${site.list}[${position}]`);
    }
  }
}
