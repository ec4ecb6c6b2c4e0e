/**
 * Snapshots of the run state, kept small: a snapshot holds what the loop still holds (every
 * loop, every task, the handles in a ready queue or a heap, the futures still pending) and
 * leaves out the handles and futures that are finished, which grow with the trace's length.
 * Folding forward from a snapshot brings a finished one back from the registry when an event
 * names it again (asyncio cancels a sleep's timer after it has fired, for instance).
 */
import type {
  FutureState,
  HandleState,
  LoopState,
  RunState,
  TaskState,
} from '../../src-shared/loop-state.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';

export interface Snapshot {
  /** The number of events folded into `state`. */
  step: number;
  state: RunState;
  /** How many output chunks the state had; the chunks themselves are kept once, in the replay. */
  outputCount: number;
}

/** Every handle and future of the run as the newest state holds them, and when they changed. */
export interface Registry {
  handles: ReadonlyMap<number, HandleState>;
  futures: ReadonlyMap<number, FutureState>;
  /** The index of the event that cancelled each cancelled handle. */
  handleCancelledAt: ReadonlyMap<number, number>;
  /** For each future, the index of the event that added each of its callbacks, in order. */
  futureCallbackAt: ReadonlyMap<number, readonly number[]>;
  /** The index of the event that finished each finished future. */
  futureDoneAt: ReadonlyMap<number, number>;
}

function liveHandleIds(loops: ReadonlyMap<number, LoopState>): Set<number> {
  const live = new Set<number>();
  for (const loop of loops.values()) {
    for (const id of loop.ready) live.add(id);
    for (const id of loop.heap) live.add(id);
    if (loop.current !== null) live.add(loop.current);
  }
  return live;
}

function sameTask(a: TaskState, b: TaskState): boolean {
  for (const key in a) {
    if (a[key as keyof TaskState] !== b[key as keyof TaskState]) return false;
  }
  return true;
}

/**
 * A compact copy of `state` for a snapshot. Tasks that did not change since `previous` are
 * shared with it: a snapshot is never mutated, so sharing is safe.
 */
export function createSnapshot(state: RunState, previous: Snapshot | undefined): Snapshot {
  const live = liveHandleIds(state.loops);
  const handles = new Map<number, HandleState>();
  for (const id of live) {
    const handle = state.handles.get(id);
    if (handle) handles.set(id, { ...handle });
  }
  const futures = new Map<number, FutureState>();
  for (const [id, future] of state.futures) {
    if (future.status === 'pending')
      futures.set(id, { ...future, callbacks: [...future.callbacks] });
  }
  const tasks = new Map<number, TaskState>();
  const before = previous?.state.tasks;
  for (const [id, task] of state.tasks) {
    const old = before?.get(id);
    tasks.set(id, old && sameTask(old, task) ? old : { ...task });
  }
  const loops = new Map<number, LoopState>();
  for (const [id, loop] of state.loops) {
    loops.set(id, { ...loop, ready: [...loop.ready], heap: [...loop.heap] });
  }
  return {
    step: state.step,
    outputCount: state.output.length,
    state: {
      ...state,
      loops,
      handles,
      tasks,
      futures,
      output: [],
      blocked: state.blocked ? { ...state.blocked } : null,
      outcome: state.outcome ? { ...state.outcome } : null,
    },
  };
}

/** How many entries a snapshot copied: what it costs to make, in time and memory. */
export function snapshotSize(snapshot: Snapshot): number {
  const { tasks, futures, handles } = snapshot.state;
  return tasks.size + futures.size + handles.size;
}

/** The handle as it was at `step` (the number of events folded so far). */
function restoreHandle(registry: Registry, id: number, step: number): HandleState | undefined {
  const handle = registry.handles.get(id);
  if (!handle) return undefined;
  const cancelledAt = registry.handleCancelledAt.get(id);
  return { ...handle, cancelled: cancelledAt !== undefined && cancelledAt < step };
}

function restoreFuture(registry: Registry, id: number, step: number): FutureState | undefined {
  const future = registry.futures.get(id);
  const doneAt = registry.futureDoneAt.get(id);
  // Only a future finished before `step` can have been left out of a snapshot.
  if (!future || doneAt === undefined || doneAt >= step) return undefined;
  const added = registry.futureCallbackAt.get(id) ?? [];
  const count = added.filter((index) => index < step).length;
  return { ...future, callbacks: future.callbacks.slice(0, count) };
}

/**
 * Brings back into `state` the finished handle or future that `event` names, if a snapshot
 * left it out, so that the fold sees exactly what it would have seen from the start.
 */
export function restoreReferenced(state: RunState, event: TraceEvent, registry: Registry): void {
  switch (event.kind) {
    case 'timer.due':
    case 'timer.discard':
    case 'handle.cancel':
    case 'handle.run':
    case 'handle.skip':
    case 'handle.done': {
      if (state.handles.has(event.handle)) return;
      const handle = restoreHandle(registry, event.handle, state.step);
      if (handle) state.handles.set(event.handle, handle);
      return;
    }
    case 'future.callback':
    case 'future.result':
    case 'future.exception':
    case 'future.cancelled': {
      if (state.futures.has(event.future)) return;
      const future = restoreFuture(registry, event.future, state.step);
      if (future) state.futures.set(event.future, future);
      return;
    }
    default:
      return;
  }
}
