/**
 * The state of a run at one point of its trace, folded from the events before it: each
 * loop's ready queue and timer heap (in asyncio's own heap order), every task and future,
 * the output so far. The renderer's replay keeps snapshots of this state; the engine's tests
 * compare it with what the loop really held.
 */
import {
  assertNever,
  type Awaiting,
  type CallbackRole,
  type DropReason,
  type ExceptionInfo,
  type IoSocket,
  type OutcomeKind,
  type TaskFrame,
  type TraceEvent,
} from './trace.ts';

export interface HandleState {
  id: number;
  loop: number;
  callback: string;
  /** A plain callback's arguments, as the trace shows them (`3, 'a'`), or null. */
  args: string | null;
  role: CallbackRole;
  task: number | null;
  future: number | null;
  /** For a timer: its deadline on the loop's clock. */
  when: number | null;
  cancelled: boolean;
  /** Where it was scheduled from. */
  line: number | null;
  fromTask: number | null;
}

export type LoopPhase = 'idle' | 'select' | 'timers' | 'ready' | 'stopped' | 'closed';

export interface LoopState {
  id: number;
  /** Handle ids, head first. */
  ready: number[];
  /** Timer handle ids in the heap's array order (index 0 is the next deadline). */
  heap: number[];
  iteration: number;
  phase: LoopPhase;
  running: boolean;
  /** The handle being run, if any. */
  current: number | null;
  /**
   * The sockets the last poll waited on, by descriptor (empty when the loop had none);
   * replaced, never changed in place, so that snapshots may share it.
   */
  sockets: IoSocket[];
  /** The descriptors the last poll found ready, in the selector's order. */
  readySockets: number[];
}

export type TaskStatus =
  /** Created; its first step is in the ready queue. */
  | 'scheduled'
  | 'running'
  /** Waiting for a future (see `awaiting`). */
  | 'suspended'
  /** Woken or yielded: its next step is in the ready queue. */
  | 'ready'
  | 'done'
  | 'failed'
  | 'cancelled';

export interface TaskState {
  id: number;
  name: string;
  coro: string;
  defLine: number | null;
  createdAt: number;
  createdLine: number | null;
  parent: number | null;
  status: TaskStatus;
  awaiting: Awaiting | null;
  /** The line of the user's file where the task is, or was last, paused or running. */
  line: number | null;
  result: string | null;
  exception: ExceptionInfo | null;
  /** The message of the last cancel request, when one was made. */
  cancelRequested: boolean;
  cancelMessage: string | null;
  endedAt: number | null;
  /** The call that made its coroutine, as the code wrote it, when the engine recorded it. */
  call: string | null;
  /** Set when the program dropped the task and asyncio reported it (see `future.dropped`). */
  dropped: DropReason | null;
  /**
   * Its coroutine stack as last recorded (`task.frames`), outermost first; empty before its
   * first pause and once it has ended. Replaced, never changed in place.
   */
  frames: readonly TaskFrame[];
}

export type FutureStatus = 'pending' | 'done' | 'failed' | 'cancelled';

export interface FutureState {
  id: number;
  type: string;
  status: FutureStatus;
  result: string | null;
  exception: ExceptionInfo | null;
  callbacks: string[];
}

export interface OutputChunk {
  seq: number;
  stream: 'stdout' | 'stderr';
  text: string;
  /** What kind of stderr text it is, for styling. */
  tone: 'out' | 'err' | 'warning' | 'traceback' | 'log';
}

export interface RunState {
  /** The number of events folded in so far. */
  step: number;
  time: number;
  loops: Map<number, LoopState>;
  /** The loop that last ran or is running. */
  currentLoop: number | null;
  handles: Map<number, HandleState>;
  tasks: Map<number, TaskState>;
  futures: Map<number, FutureState>;
  /** The running task, if any. */
  currentTask: number | null;
  /**
   * The tasks whose steps are running, innermost last: more than one only when a task starts
   * eagerly inside another's step.
   */
  runningTasks: number[];
  /** The user's line being executed, if any. */
  currentLine: number | null;
  output: OutputChunk[];
  /** Set while a callback holds the loop in time.sleep: from when to when. */
  blocked: { from: number; until: number; line: number | null } | null;
  outcome: { kind: OutcomeKind; exitCode: number } | null;
  /** How to style the next stderr text (set by a warning, log or exception event). */
  pendingTone: OutputChunk['tone'] | null;
}

export function createRunState(): RunState {
  return {
    step: 0,
    time: 0,
    loops: new Map(),
    currentLoop: null,
    handles: new Map(),
    tasks: new Map(),
    futures: new Map(),
    currentTask: null,
    runningTasks: [],
    currentLine: null,
    output: [],
    blocked: null,
    outcome: null,
    pendingTone: null,
  };
}

/** A deep copy, for snapshots: the fold mutates state in place. */
export function cloneRunState(state: RunState): RunState {
  const copyMap = <T extends object>(map: Map<number, T>, copy: (value: T) => T) =>
    new Map([...map].map(([key, value]) => [key, copy(value)]));
  return {
    ...state,
    loops: copyMap(state.loops, (loop) => ({
      ...loop,
      ready: [...loop.ready],
      heap: [...loop.heap],
    })),
    handles: copyMap(state.handles, (handle) => ({ ...handle })),
    tasks: copyMap(state.tasks, (task) => ({ ...task })),
    futures: copyMap(state.futures, (future) => ({ ...future, callbacks: [...future.callbacks] })),
    output: [...state.output],
    runningTasks: [...state.runningTasks],
    blocked: state.blocked ? { ...state.blocked } : null,
    outcome: state.outcome ? { ...state.outcome } : null,
  };
}

// --- asyncio's heap order, as heapq keeps it -----------------------------------------------

/** heapq's `_siftdown`, comparing timers by deadline as TimerHandle.__lt__ does. */
function siftDown(heap: number[], start: number, pos: number, when: (id: number) => number): void {
  const item = heap[pos] as number;
  while (pos > start) {
    const parentPos = (pos - 1) >> 1;
    const parent = heap[parentPos] as number;
    if (when(item) < when(parent)) {
      heap[pos] = parent;
      pos = parentPos;
      continue;
    }
    break;
  }
  heap[pos] = item;
}

/** heapq's `_siftup`. */
function siftUp(heap: number[], pos: number, when: (id: number) => number): void {
  const end = heap.length;
  const start = pos;
  const item = heap[pos] as number;
  let child = 2 * pos + 1;
  while (child < end) {
    const right = child + 1;
    if (right < end && !(when(heap[child] as number) < when(heap[right] as number))) child = right;
    heap[pos] = heap[child] as number;
    pos = child;
    child = 2 * pos + 1;
  }
  heap[pos] = item;
  siftDown(heap, start, pos, when);
}

export function heapPush(heap: number[], id: number, when: (id: number) => number): void {
  heap.push(id);
  siftDown(heap, 0, heap.length - 1, when);
}

export function heapPop(heap: number[], when: (id: number) => number): number | undefined {
  const last = heap.pop();
  if (last === undefined || heap.length === 0) return last;
  const top = heap[0];
  heap[0] = last;
  siftUp(heap, 0, when);
  return top;
}

export function heapify(heap: number[], when: (id: number) => number): void {
  for (let i = (heap.length >> 1) - 1; i >= 0; i--) siftUp(heap, i, when);
}

// --- The fold ---------------------------------------------------------------------------

export class TraceFoldError extends Error {}

function loopOf(state: RunState, id: number): LoopState {
  let loop = state.loops.get(id);
  if (!loop) {
    loop = {
      id,
      ready: [],
      heap: [],
      iteration: 0,
      phase: 'idle',
      running: false,
      current: null,
      sockets: [],
      readySockets: [],
    };
    state.loops.set(id, loop);
  }
  return loop;
}

/**
 * The sockets waited on after an `io.wait` that records what changed: those `removed` and
 * those waited on anew or otherwise (`changed`) leave, `changed` join, in descriptor order.
 */
function applyWaitChange(
  sockets: readonly IoSocket[],
  changed: readonly IoSocket[],
  removed: readonly number[],
): IoSocket[] {
  for (const fd of removed) {
    if (!sockets.some((socket) => socket.fd === fd)) {
      throw new TraceFoldError(`io.wait removes fd ${fd}, which the loop was not waiting on`);
    }
  }
  const leaving = new Set([...removed, ...changed.map((socket) => socket.fd)]);
  return [...sockets.filter((socket) => !leaving.has(socket.fd)), ...changed].sort(
    (a, b) => a.fd - b.fd,
  );
}

function handleOf(state: RunState, id: number): HandleState {
  const handle = state.handles.get(id);
  if (!handle) throw new TraceFoldError(`unknown handle ${id}`);
  return handle;
}

function futureOf(state: RunState, id: number): FutureState {
  let future = state.futures.get(id);
  if (!future) {
    future = {
      id,
      type: 'Future',
      status: 'pending',
      result: null,
      exception: null,
      callbacks: [],
    };
    state.futures.set(id, future);
  }
  return future;
}

function classifyStderr(text: string): OutputChunk['tone'] {
  if (text.startsWith('Traceback (most recent call last)')) return 'traceback';
  return 'err';
}

/** A task's step ended: the task that was running around it, if any, is current again. */
function leaveTask(state: RunState, id: number): void {
  const index = state.runningTasks.lastIndexOf(id);
  if (index !== -1) state.runningTasks.splice(index, 1);
  state.currentTask = state.runningTasks.at(-1) ?? null;
}

/** Folds one event into the state, in place. Events must come in order. */
export function applyEvent(state: RunState, event: TraceEvent): void {
  state.step = event.seq + 1;
  state.time = event.t;
  if (state.blocked && event.kind !== 'clock.block') state.blocked = null;
  const when = (id: number) => state.handles.get(id)?.when ?? 0;
  switch (event.kind) {
    case 'run.start':
      break;
    case 'run.end':
      state.outcome = { kind: event.outcome, exitCode: event.exitCode };
      state.runningTasks = [];
      state.currentTask = null;
      break;
    case 'line':
      state.currentLine = event.line;
      if (event.task !== null) {
        const task = state.tasks.get(event.task);
        if (task) task.line = event.line;
      }
      break;
    // The line stays where it is: its further runs in this step are not recorded.
    case 'line.hot':
      break;
    case 'output': {
      const tone =
        event.stream === 'stdout' ? 'out' : (state.pendingTone ?? classifyStderr(event.text));
      if (event.stream === 'stderr') state.pendingTone = null;
      state.output.push({ seq: event.seq, stream: event.stream, text: event.text, tone });
      break;
    }
    // The text of a warning, a log record or a traceback arrives as stderr output right after.
    case 'warning':
      state.pendingTone = 'warning';
      break;
    case 'log':
      state.pendingTone = 'log';
      break;
    case 'exception':
      state.pendingTone = 'traceback';
      break;
    case 'probe':
      break;
    case 'loop.create':
      loopOf(state, event.loop);
      break;
    case 'loop.start': {
      const loop = loopOf(state, event.loop);
      loop.running = true;
      state.currentLoop = event.loop;
      break;
    }
    case 'loop.iteration': {
      const loop = loopOf(state, event.loop);
      loop.iteration = event.n;
      loop.phase = 'select';
      state.currentLoop = event.loop;
      break;
    }
    case 'loop.select': {
      const loop = loopOf(state, event.loop);
      loop.phase = 'select';
      loop.readySockets = [];
      break;
    }
    case 'io.wait': {
      const loop = loopOf(state, event.loop);
      loop.sockets = event.removed
        ? applyWaitChange(loop.sockets, event.sockets, event.removed)
        : event.sockets;
      break;
    }
    case 'io.ready':
      loopOf(state, event.loop).readySockets = event.sockets.map((socket) => socket.fd);
      break;
    case 'loop.wait':
      break;
    case 'loop.timers':
      loopOf(state, event.loop).phase = 'timers';
      break;
    case 'loop.ready':
      loopOf(state, event.loop).phase = 'ready';
      break;
    case 'loop.stop': {
      const loop = loopOf(state, event.loop);
      loop.running = false;
      loop.phase = 'stopped';
      loop.current = null;
      break;
    }
    case 'loop.close': {
      const loop = loopOf(state, event.loop);
      loop.ready = [];
      loop.heap = [];
      loop.phase = 'closed';
      break;
    }
    case 'clock.block':
      state.blocked = { from: state.time, until: event.until, line: event.line };
      state.time = event.until;
      break;
    case 'handle.push':
    case 'timer.push': {
      const isTimer = event.kind === 'timer.push';
      state.handles.set(event.handle, {
        id: event.handle,
        loop: event.loop,
        callback: event.callback,
        args: event.args ?? null,
        role: event.role,
        task: event.task,
        future: event.future,
        // A deadline that is not a finite number (null in the trace) is never due: infinity.
        when: isTimer ? (event.when ?? Infinity) : null,
        cancelled: false,
        line: event.from.line,
        fromTask: event.from.task,
      });
      const loop = loopOf(state, event.loop);
      if (isTimer) heapPush(loop.heap, event.handle, when);
      else loop.ready.push(event.handle);
      if (event.role === 'step' || event.role === 'wakeup') {
        // The task's next step waits in the ready queue (a first step keeps 'scheduled').
        const task = event.task === null ? undefined : state.tasks.get(event.task);
        if (task && (task.status === 'suspended' || task.status === 'running'))
          task.status = 'ready';
      }
      break;
    }
    case 'timer.due': {
      const handle = handleOf(state, event.handle);
      const loop = loopOf(state, handle.loop);
      const top = heapPop(loop.heap, when);
      if (top !== event.handle)
        throw new TraceFoldError(`timer ${event.handle} is not at the heap's top`);
      loop.ready.push(event.handle);
      break;
    }
    case 'timer.discard': {
      const handle = handleOf(state, event.handle);
      const loop = loopOf(state, handle.loop);
      const top = heapPop(loop.heap, when);
      if (top !== event.handle)
        throw new TraceFoldError(`timer ${event.handle} is not at the heap's top`);
      break;
    }
    case 'timer.rebuild': {
      const loop = loopOf(state, event.loop);
      const discarded = new Set(event.discarded);
      loop.heap = loop.heap.filter((id) => !discarded.has(id));
      heapify(loop.heap, when);
      break;
    }
    case 'handle.cancel':
      handleOf(state, event.handle).cancelled = true;
      break;
    case 'handle.run':
    case 'handle.skip': {
      const handle = handleOf(state, event.handle);
      const loop = loopOf(state, handle.loop);
      if (loop.ready[0] !== event.handle)
        throw new TraceFoldError(`handle ${event.handle} is not at the ready queue's head`);
      loop.ready.shift();
      loop.current = event.kind === 'handle.run' ? event.handle : null;
      break;
    }
    case 'handle.done': {
      const handle = handleOf(state, event.handle);
      const loop = loopOf(state, handle.loop);
      loop.current = null;
      state.runningTasks = [];
      state.currentTask = null;
      break;
    }
    case 'task.create': {
      state.tasks.set(event.task, {
        id: event.task,
        name: event.name,
        coro: event.coro,
        defLine: event.defLine,
        createdAt: event.t,
        createdLine: event.from.line,
        parent: event.from.task,
        status: 'scheduled',
        awaiting: null,
        line: event.defLine,
        result: null,
        exception: null,
        cancelRequested: false,
        cancelMessage: null,
        endedAt: null,
        call: event.call ?? null,
        dropped: null,
        frames: [],
      });
      futureOf(state, event.task).type = 'Task';
      break;
    }
    case 'future.create':
      futureOf(state, event.future).type = event.type;
      break;
    case 'task.run': {
      const task = state.tasks.get(event.task);
      if (task) {
        task.status = 'running';
        task.awaiting = null;
      }
      state.runningTasks.push(event.task);
      state.currentTask = event.task;
      break;
    }
    case 'task.suspend':
    case 'task.yield': {
      const task = state.tasks.get(event.task);
      if (task) {
        task.status = event.kind === 'task.suspend' ? 'suspended' : 'ready';
        task.awaiting = event.kind === 'task.suspend' ? event.awaiting : null;
        task.line = event.line ?? task.line;
      }
      leaveTask(state, event.task);
      break;
    }
    case 'task.frames': {
      const task = state.tasks.get(event.task);
      if (task) task.frames = event.frames;
      break;
    }
    case 'task.wake': {
      const task = state.tasks.get(event.task);
      if (task) task.awaiting = null;
      break;
    }
    case 'task.cancel': {
      const task = state.tasks.get(event.task);
      if (task && event.accepted) {
        task.cancelRequested = true;
        task.cancelMessage = event.msg;
      }
      break;
    }
    case 'future.result':
    case 'future.exception':
    case 'future.cancelled': {
      const future = futureOf(state, event.future);
      const task = state.tasks.get(event.future);
      if (event.kind === 'future.result') {
        future.status = 'done';
        future.result = event.value;
      } else if (event.kind === 'future.exception') {
        future.status = 'failed';
        future.exception = event.exc;
      } else {
        future.status = 'cancelled';
      }
      if (task) {
        leaveTask(state, task.id);
        task.status = future.status;
        task.result = future.result;
        task.exception = future.exception;
        task.awaiting = null;
        task.frames = [];
        task.endedAt = event.t;
        if (event.kind === 'future.cancelled') task.cancelMessage = event.msg ?? task.cancelMessage;
      }
      break;
    }
    case 'future.callback':
      futureOf(state, event.future).callbacks.push(event.callback);
      break;
    case 'future.dropped': {
      const task = state.tasks.get(event.future);
      if (task) task.dropped = event.reason;
      break;
    }
    default:
      assertNever(event);
  }
}

/** Folds a whole trace, or its first `steps` events. */
export function foldTrace(events: readonly TraceEvent[], steps = events.length): RunState {
  const state = createRunState();
  for (const event of steps === events.length ? events : events.slice(0, steps)) {
    applyEvent(state, event);
  }
  return state;
}
