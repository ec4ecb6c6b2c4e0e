/**
 * What each view shows at one step, derived from the run state: plain data, the same for
 * every language (the components translate the captions).
 */
import type {
  HandleState,
  LoopState,
  RunState,
  TaskState,
  TaskStatus,
} from '../../src-shared/loop-state.ts';
import type { Awaiting, CallbackRole, ExceptionInfo, TraceEvent } from '../../src-shared/trace.ts';
import { asyncioTaskKind, type AsyncioTaskKind } from './asyncio-tasks.ts';

/** A task's state as the tasks view names it: `created` is the moment before it is scheduled. */
export type DisplayStatus = TaskStatus | 'created';

export interface QueueEntry {
  id: number;
  /** `Task my_task: __step`, `gather._done_callback`, `hello`. */
  label: string;
  role: CallbackRole;
  /** The task the handle belongs to, for its colour. */
  owner: number | null;
  ownerName: string | null;
  cancelled: boolean;
  /** The owner is one of asyncio's own tasks. */
  internal: boolean;
}

export interface TimerEntry extends QueueEntry {
  when: number;
  /** The timer's index in the heap's array (0: the next deadline). */
  heapIndex: number;
}

export interface TaskCardData {
  id: number;
  name: string;
  coro: string;
  /** Creation order: the task's colour and place. */
  order: number;
  status: DisplayStatus;
  awaiting: Awaiting | null;
  line: number | null;
  /** For asyncio's own tasks (asyncio.run's shutdown steps): what the task does. */
  internal: AsyncioTaskKind | null;
  result: string | null;
  exception: ExceptionInfo | null;
  cancelRequested: boolean;
}

/**
 * A time as data attributes carry it: microseconds are plenty, and the engine's clock moves a
 * nanosecond at a time between iterations.
 */
export function roundTime(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6;
}

/** The loop that the views show: the one running, or the last one that ran. */
export function currentLoop(state: RunState): LoopState | null {
  if (state.currentLoop !== null) return state.loops.get(state.currentLoop) ?? null;
  return null;
}

/** The task a handle works for: its own task, the task whose sleep or completion it serves. */
export function handleOwner(handle: HandleState, state: RunState): number | null {
  if (handle.task !== null) return handle.task;
  if (handle.role === 'sleep') return handle.fromTask;
  if (handle.future !== null && state.tasks.has(handle.future)) return handle.future;
  return handle.fromTask;
}

export function taskName(state: RunState, id: number | null): string | null {
  return id === null ? null : (state.tasks.get(id)?.name ?? null);
}

export function handleLabel(handle: HandleState, state: RunState): string {
  const task = handle.task === null ? undefined : state.tasks.get(handle.task);
  if (task && (handle.role === 'step' || handle.role === 'wakeup')) {
    return `Task ${task.name}: ${handle.callback}`;
  }
  return handle.callback;
}

function queueEntry(handle: HandleState, state: RunState): QueueEntry {
  const owner = handleOwner(handle, state);
  const task = owner === null ? undefined : state.tasks.get(owner);
  return {
    id: handle.id,
    label: handleLabel(handle, state),
    role: handle.role,
    owner,
    ownerName: task?.name ?? null,
    cancelled: handle.cancelled,
    internal: task !== undefined && isInternalTask(task),
  };
}

/** The ready queue, head first. */
export function deriveReadyQueue(state: RunState, loop: LoopState | null): QueueEntry[] {
  if (!loop) return [];
  const entries: QueueEntry[] = [];
  for (const id of loop.ready) {
    const handle = state.handles.get(id);
    if (handle) entries.push(queueEntry(handle, state));
  }
  return entries;
}

/** A long ready queue as it is shown: its head, how many are hidden, its tail. */
export interface QueueWindow {
  head: QueueEntry[];
  hidden: number;
  tail: QueueEntry[];
  length: number;
}

/**
 * The ready queue's first `head` and last `tail` entries, when it is longer than both with one
 * more: only what is shown is derived (a queue can hold a thousand handles).
 */
export function deriveReadyQueueWindow(
  state: RunState,
  loop: LoopState | null,
  head: number,
  tail: number,
): QueueWindow {
  const ready = loop?.ready ?? [];
  const entries = (ids: readonly number[]) => {
    const made: QueueEntry[] = [];
    for (const id of ids) {
      const handle = state.handles.get(id);
      if (handle) made.push(queueEntry(handle, state));
    }
    return made;
  };
  if (ready.length <= head + tail + 1) {
    return { head: entries(ready), hidden: 0, tail: [], length: ready.length };
  }
  return {
    head: entries(ready.slice(0, head)),
    hidden: ready.length - head - tail,
    tail: entries(ready.slice(-tail)),
    length: ready.length,
  };
}

/** The handle the loop is running now, if any. */
export function deriveRunning(state: RunState, loop: LoopState | null): QueueEntry | null {
  const handle = loop?.current == null ? undefined : state.handles.get(loop.current);
  return handle ? queueEntry(handle, state) : null;
}

/** The timer heap, in the heap's array order. */
export function deriveTimers(state: RunState, loop: LoopState | null): TimerEntry[] {
  if (!loop) return [];
  const entries: TimerEntry[] = [];
  loop.heap.forEach((id, heapIndex) => {
    const handle = state.handles.get(id);
    if (handle) entries.push({ ...queueEntry(handle, state), when: handle.when ?? 0, heapIndex });
  });
  return entries;
}

export function isInternalTask(task: TaskState): boolean {
  return asyncioTaskKind(task.coro, task.defLine) !== null;
}

function sameCard(a: TaskCardData, b: TaskCardData): boolean {
  for (const key in a) {
    if (a[key as keyof TaskCardData] !== b[key as keyof TaskCardData]) return false;
  }
  return true;
}

/**
 * Every task, in creation order. Cards that did not change are the objects of `previous`,
 * so that a keyed list redraws only what changed.
 */
export function deriveTaskCards(
  state: RunState,
  event: TraceEvent | null,
  orderOf: (task: number) => number,
  previous: ReadonlyMap<number, TaskCardData> = new Map(),
): TaskCardData[] {
  const cards: TaskCardData[] = [];
  for (const task of state.tasks.values()) {
    const justCreated = event?.kind === 'task.create' && event.task === task.id;
    const card: TaskCardData = {
      id: task.id,
      name: task.name,
      coro: task.coro,
      order: orderOf(task.id),
      status: justCreated ? 'created' : task.status,
      awaiting: task.awaiting,
      line: task.line,
      internal: asyncioTaskKind(task.coro, task.defLine),
      result: task.result,
      exception: task.exception,
      cancelRequested: task.cancelRequested,
    };
    const old = previous.get(task.id);
    cards.push(old && sameCard(old, card) ? old : card);
  }
  return cards;
}

/**
 * The task whose code runs now. (The fold hands `currentTask` back to a task's parent when the
 * task suspends, which is right only for eager tasks; a task counts here only while running.)
 */
export function runningTask(state: RunState): number | null {
  const id = state.currentTask;
  return id !== null && state.tasks.get(id)?.status === 'running' ? id : null;
}

/** The line being executed now, if code is running (not while the loop is between handles). */
export function executingLine(state: RunState): number | null {
  if (state.outcome) return null;
  const loop = currentLoop(state);
  if (loop && loop.running && loop.current === null) return null;
  const running = runningTask(state);
  if (running !== null) return state.tasks.get(running)?.line ?? state.currentLine;
  // While the loop starts a task's step, the step is about to run from where the task is;
  // once the step has ended (the task suspended or finished), the task's code is not running.
  const handle = loop?.current == null ? undefined : state.handles.get(loop.current);
  const task = handle?.task == null ? undefined : state.tasks.get(handle.task);
  if (!task) return state.currentLine;
  return task.status === 'scheduled' || task.status === 'ready' ? task.line : null;
}

/** The lines where tasks wait, paused at an await: line → task ids. */
export function pausedLines(state: RunState): Map<number, number[]> {
  const lines = new Map<number, number[]>();
  for (const task of state.tasks.values()) {
    const paused =
      task.status === 'suspended' || (task.status === 'ready' && task.line !== task.defLine);
    if (!paused || task.line === null) continue;
    const ids = lines.get(task.line);
    if (ids) ids.push(task.id);
    else lines.set(task.line, [task.id]);
  }
  return lines;
}

export type PhaseName =
  | 'before'
  | 'select'
  | 'wait'
  | 'wait-io'
  | 'timers'
  | 'ready'
  | 'blocked'
  | 'stopped'
  | 'closed'
  | 'ended';

/** The loop's phase as the header names it. */
export function phaseOf(state: RunState, event: TraceEvent | null): PhaseName {
  if (state.outcome) return 'ended';
  if (state.blocked) return 'blocked';
  const loop = currentLoop(state);
  if (!loop) return 'before';
  switch (loop.phase) {
    case 'idle':
      return 'before';
    case 'select':
      // With sockets to poll, the clock's jump ends at the next timer or at the next arrival.
      if (event?.kind === 'loop.wait') return loop.sockets.length > 0 ? 'wait-io' : 'wait';
      return event?.kind === 'loop.select' && event.timeout !== 0 ? 'wait' : 'select';
    case 'timers':
      return 'timers';
    case 'ready':
      return 'ready';
    case 'stopped':
      return 'stopped';
    case 'closed':
      return 'closed';
  }
}
