/** Which task a step is about, and the last change of its state, for the state machine. */
import type { RunState } from '../../src-shared/loop-state.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';
import type { Replay } from './replay.ts';
import type { DisplayStatus } from './view-model.ts';
import type { Lens } from './lens.ts';
import { handleOwner, isInternalTask } from './view-model.ts';

/** How far back to look for the task a step is about. */
const LOOK_BACK = 400;

function taskOfEvent(event: TraceEvent, state: RunState): number | null {
  switch (event.kind) {
    case 'task.create':
    case 'task.run':
    case 'task.suspend':
    case 'task.yield':
    case 'task.wake':
    case 'task.cancel':
    case 'line':
    case 'clock.block':
      return event.task;
    case 'future.result':
    case 'future.exception':
    case 'future.cancelled':
      return state.tasks.has(event.future) ? event.future : null;
    case 'handle.push':
    case 'timer.push':
      return event.task ?? event.from.task;
    case 'handle.run':
    case 'handle.done':
    case 'handle.skip': {
      const handle = state.handles.get(event.handle);
      return handle ? handleOwner(handle, state) : null;
    }
    default:
      return null;
  }
}

/**
 * The task the latest events concern, if any. In the *your code* lens it is one of the
 * program's tasks, never asyncio's own (the tasks `asyncio.run` makes to shut down): the state
 * diagram and the Variables view then follow the last task the program made.
 */
export function findFocusTask(
  replay: Replay,
  step: number,
  state: RunState,
  lens: Lens = 'all',
): number | null {
  for (let s = step; s > 0 && s > step - LOOK_BACK; s--) {
    const event = replay.eventAt(s);
    const task = event ? taskOfEvent(event, state) : null;
    const found = task === null ? undefined : state.tasks.get(task);
    if (found && (lens !== 'code' || !isInternalTask(found))) return task;
  }
  return null;
}

export interface Transition {
  from: DisplayStatus | null;
  to: DisplayStatus;
  /** True when the change happened at this very step. */
  now: boolean;
}

/** The task's last change of state at or before `step`. */
export function lastTransition(replay: Replay, task: number, step: number): Transition | null {
  const lane = replay.timeline.lanes.get(task);
  if (!lane) return null;
  const index = lane.segments.findIndex((s) => s.from <= step && step < s.to);
  const segment = lane.segments[index];
  if (!segment) return null;
  const before = lane.segments[index - 1];
  return {
    from: before ? before.status : 'created',
    to: segment.status,
    now: segment.from === step,
  };
}
