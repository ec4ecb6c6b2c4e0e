/**
 * The view-models: what each view shows at one step, derived from the run state as plain
 * data, the same for every language (the components translate the captions). The Svelte
 * components that draw them are `components/*View.svelte` and friends; the d3 drawings are
 * in `viz/`.
 */
import type {
  HandleState,
  LoopState,
  RunState,
  TaskState,
  TaskStatus,
} from '../../src-shared/loop-state.ts';
import type {
  Awaiting,
  BudgetKind,
  CallbackRole,
  ExceptionInfo,
  TraceEvent,
} from '../../src-shared/trace.ts';
import { describeHandle } from '../../src-shared/export/describe.ts';
import { asyncioTaskKind, type AsyncioTaskKind } from './asyncio-tasks.ts';
import type { CaughtException, TaskIncident } from './program-index.ts';
import type { Replay } from './replay.ts';
import { countBelow } from './timeline.ts';

/** A task's state as the tasks view names it: `created` is the moment before it is scheduled. */
export type DisplayStatus = TaskStatus | 'created';

export interface QueueEntry {
  id: number;
  /** `Task my_task: __step`, `gather._done_callback`, `hello`. */
  label: string;
  /** A plain callback's arguments as the trace shows them (`3, 'a'`), or null. */
  args: string | null;
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
  /** The task's name in asyncio (`Task-2`, or the name it was given). */
  name: string;
  /** What the program's code calls it (`task1`), when it names it. */
  binding: string | null;
  /** The call it runs, as written (`my_coroutine(1, 2)`). */
  call: string;
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
  /** Once it has ended: the order in which the program's tasks finished (1: first). */
  finishOrder: number | null;
  /** What the code calls the task this one awaits, when it awaits a task. */
  awaitingLabel: string | null;
  /** The latest thing that happened to its result by now (see TaskIncident). */
  incident: TaskIncident | null;
}

/**
 * A time as data attributes carry it: microseconds are plenty, and the engine's clock moves a
 * nanosecond at a time between iterations.
 */
export function roundTime(seconds: number): number {
  return Math.round(seconds * 1e6) / 1e6;
}

/**
 * The loop that the views show: the one running, or the last one that ran, or else the one
 * made last (`asyncio.run` makes its loop and queues the main task's first step before the
 * loop starts: the queue already holds it).
 */
export function currentLoop(state: RunState): LoopState | null {
  if (state.currentLoop !== null) return state.loops.get(state.currentLoop) ?? null;
  let last: LoopState | null = null;
  for (const loop of state.loops.values()) last = loop;
  return last;
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
  return describeHandle(handle, state);
}

/**
 * A handle's callback as a call: `tick(3)` for `call_later(d, tick, 3)`, so that timers of
 * one function with different arguments are told apart; the label alone where the trace has
 * no arguments for it (asyncio's own callbacks, a trace from before they were recorded).
 */
export function callName(entry: Pick<QueueEntry, 'label' | 'args'>): string {
  return entry.args === null ? entry.label : `${entry.label}(${entry.args})`;
}

/**
 * What a timer in the heap or on the dial is called: what it will run. A callback scheduled
 * with `call_later(d, tick, i)` is `tick(3)`, whichever task scheduled it (naming that task
 * would read as if the task slept until then); the end of a sleep, a task's step or wake-up
 * are the task's.
 */
export function timerName(
  entry: Pick<QueueEntry, 'role' | 'label' | 'args' | 'ownerName'>,
): string {
  return entry.role === 'callback' ? callName(entry) : (entry.ownerName ?? entry.label);
}

function queueEntry(handle: HandleState, state: RunState): QueueEntry {
  const owner = handleOwner(handle, state);
  const task = owner === null ? undefined : state.tasks.get(owner);
  return {
    id: handle.id,
    label: handleLabel(handle, state),
    args: handle.args,
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
  replay: Replay,
  previous: ReadonlyMap<number, TaskCardData> = new Map(),
): TaskCardData[] {
  const cards: TaskCardData[] = [];
  const lanes = replay.timeline.lanes;
  const step = state.step;
  const incidents = new Map<number, TaskIncident>();
  for (const incident of replay.program.incidents) {
    if (incident.index < step) incidents.set(incident.task, incident);
  }
  for (const task of state.tasks.values()) {
    const justCreated = event?.kind === 'task.create' && event.task === task.id;
    const lane = lanes.get(task.id);
    const ended = task.status === 'done' || task.status === 'failed' || task.status === 'cancelled';
    const card: TaskCardData = {
      id: task.id,
      name: task.name,
      binding: lane?.binding ?? null,
      call: lane?.call ?? `${task.coro}()`,
      coro: task.coro,
      order: lane?.order ?? 0,
      status: justCreated ? 'created' : task.status,
      awaiting: task.awaiting,
      line: task.line,
      internal: asyncioTaskKind(task.coro, task.defLine),
      result: task.result,
      exception: task.exception,
      cancelRequested: task.cancelRequested,
      finishOrder: ended ? (lane?.finishOrder ?? null) : null,
      awaitingLabel:
        task.awaiting?.kind === 'task' ? replay.timeline.label(task.awaiting.future) : null,
      incident: incidents.get(task.id) ?? null,
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

/** What asyncio's own code is doing while it, not the program, has control. */
export type AsyncioWork =
  /** `Task.__step` of a task: about to resume its coroutine, or finishing after it. */
  | { kind: 'step'; task: number }
  /** `Task.__wakeup`: a future the task awaited is done. */
  | { kind: 'wakeup'; task: number }
  /** The end of a task's `asyncio.sleep`: its timer's callback completes its future. */
  | { kind: 'sleep'; task: number | null }
  /** Another callback of asyncio's, by its label. */
  | { kind: 'callback'; label: string }
  /** One of asyncio's own tasks (asyncio.run's shutdown). */
  | { kind: 'task'; task: number }
  /** `asyncio.run` (or `run_until_complete`) itself, outside the loop: setting up or shutting down. */
  | { kind: 'run' };

/** Where control is at a step: whose code runs, and for the program's, which line. */
export type CodeFocus =
  | { kind: 'program'; line: number; task: number | null }
  /** asyncio's own code; `line` is the program's line that called into it, when known. */
  | { kind: 'asyncio'; work: AsyncioWork; line: number | null }
  /** The loop's own code, between callbacks: polling, moving due timers. */
  | { kind: 'loop' }
  /** Nothing runs: before the program starts, after it ends. */
  | { kind: 'none' };

/** The last module-level line executed before `step`: its number and its event's index. */
function moduleLineBefore(replay: Replay, step: number): { index: number; line: number } | null {
  const lines = replay.program.moduleLines;
  const i = countBelow(lines, step) - 1;
  const index = lines[i];
  const line = replay.program.moduleLineNumbers[i];
  return index === undefined || line === undefined ? null : { index, line };
}

/**
 * Where control really is at `step`: in a line of the program (a task's, a callback's, the
 * module's), in asyncio's own code (a task's step being resumed or finished, asyncio's
 * callbacks, `asyncio.run` setting up or shutting down), or in the loop between callbacks.
 */
export function codeFocus(replay: Replay, step: number, state: RunState): CodeFocus {
  if (step === 0 || state.outcome) return { kind: 'none' };
  if (state.blocked) {
    const line = state.blocked.line ?? state.currentLine;
    if (line !== null) return { kind: 'program', line, task: state.currentTask };
  }
  const running = runningTask(state);
  const task = running === null ? undefined : state.tasks.get(running);
  if (task) {
    if (isInternalTask(task))
      return { kind: 'asyncio', work: { kind: 'task', task: task.id }, line: null };
    const line = task.line ?? state.currentLine;
    return line === null ? { kind: 'none' } : { kind: 'program', line, task: task.id };
  }
  const loop = currentLoop(state);
  if (loop?.running) {
    const handle = loop.current === null ? undefined : state.handles.get(loop.current);
    if (!handle) return { kind: 'loop' };
    const firstLine = replay.program.handleFirstLine.get(handle.id);
    if (firstLine !== undefined && firstLine < step && state.currentLine !== null) {
      return { kind: 'program', line: state.currentLine, task: null };
    }
    return { kind: 'asyncio', work: handleWork(handle, state), line: null };
  }
  // No loop runs: the module's code, or asyncio.run around the loop (making it, shutting down).
  const module = moduleLineBefore(replay, step);
  const changes = replay.program.loopChanges;
  const lastChange = changes[countBelow(changes, step) - 1];
  if (lastChange !== undefined && (module === null || lastChange > module.index)) {
    return { kind: 'asyncio', work: { kind: 'run' }, line: module?.line ?? null };
  }
  const line = module?.line ?? state.currentLine;
  return line === null ? { kind: 'none' } : { kind: 'program', line, task: null };
}

function handleWork(handle: HandleState, state: RunState): AsyncioWork {
  switch (handle.role) {
    case 'step':
    case 'wakeup':
      return handle.task === null
        ? { kind: 'callback', label: handle.callback }
        : { kind: handle.role, task: handle.task };
    case 'sleep':
      return { kind: 'sleep', task: handleOwner(handle, state) };
    case 'callback':
      return { kind: 'callback', label: handle.callback };
  }
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

/** How the run ended, as the header names it: why it stopped, when it did not end by itself. */
export type EndPhase =
  | 'ended'
  | 'ended-raised'
  | 'ended-syntax-error'
  | 'ended-stuck'
  | 'ended-stopped'
  | 'ended-crashed'
  | `ended-budget-${BudgetKind}`;

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
  | EndPhase;

/** The phase for the run's end: whether it finished, or was stopped, cut off, or failed. */
export function endPhase(end: Extract<TraceEvent, { kind: 'run.end' }> | null): EndPhase {
  switch (end?.outcome) {
    case undefined:
    case 'completed':
      return 'ended';
    case 'raised':
      return 'ended-raised';
    case 'syntax-error':
      return 'ended-syntax-error';
    case 'stuck':
      return 'ended-stuck';
    case 'stopped':
      return 'ended-stopped';
    case 'crashed':
      return 'ended-crashed';
    case 'budget':
      return `ended-budget-${end.budget ?? 'events'}`;
  }
}

/** Whether the loop on show polls sockets: its wait then ends at a timer or an arrival. */
export function waitsForSockets(state: RunState): boolean {
  const loop = state.currentLoop === null ? undefined : state.loops.get(state.currentLoop);
  return (loop?.sockets.length ?? 0) > 0;
}

/** The loop's phase as the header names it. */
export function phaseOf(state: RunState, event: TraceEvent | null): PhaseName {
  if (state.outcome) return endPhase(event?.kind === 'run.end' ? event : null);
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

/** Where the code shows an exception at a step. */
export interface ExceptionMarks {
  /** The line an uncaught exception came from (its traceback's innermost line of the program). */
  error: number | null;
  /** A task's stored exception being raised again at an `await`, while the awaiting step runs. */
  raised: { line: number; task: number; by: number; exception: string } | null;
  /** An exception the program caught: where it was raised, while its `except` clause runs. */
  caught: CaughtException | null;
}

export function exceptionMarks(
  replay: Replay,
  step: number,
  state: RunState,
  focus: CodeFocus,
): ExceptionMarks {
  let error: number | null = null;
  for (const [index, line] of replay.program.raisedAt) if (index < step) error = line;
  let raised: ExceptionMarks['raised'] = null;
  for (const incident of replay.program.incidents) {
    if (incident.index >= step) break;
    const by = incident.by;
    if (incident.kind !== 'reraised' || by === null || incident.line === null) continue;
    raised =
      state.currentTask === by
        ? { line: incident.line, task: incident.task, by, exception: incident.exception }
        : null;
  }
  let caught: CaughtException | null = null;
  for (const c of replay.program.caught) {
    if (c.index >= step) break;
    const inHandler =
      focus.kind === 'program' &&
      focus.task === c.task &&
      focus.line >= c.handler.line &&
      focus.line <= c.handler.end;
    caught = inHandler ? c : null;
  }
  return { error, raised, caught };
}

/**
 * Whether the program asked for input and found none: `input()` raised `EOFError` (as
 * `python3 file.py < /dev/null` does). The line is the `input()` call's, when known.
 */
export function inputRequest(replay: Replay): { line: number | null } | null {
  return replay.program.inputRequests.at(-1) ?? null;
}
