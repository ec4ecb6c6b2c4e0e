/**
 * What the replay indexes once, as events arrive, for the views that show the whole run at
 * once: each task's lane of states, the marks on the scrubber, the loop's iterations, the
 * spans of time the loop waited or was blocked.
 */
import type { RunState, TaskStatus } from '../../src-shared/loop-state.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';
import { asyncioTaskKind, type AsyncioTaskKind } from './asyncio-tasks.ts';
import type { ProgramIndex } from './program-index.ts';

/** A stretch of steps in one state: from step `from` (inclusive) to `to` (exclusive). */
export interface LaneSegment {
  from: number;
  /** Infinity while the stretch is still open at the end of the trace. */
  to: number;
  status: TaskStatus;
}

export interface TaskLane {
  task: number;
  /** The task's name in asyncio (`Task-2`, or the name it was given). */
  name: string;
  /** What the program's code calls the task (`task1`, `tasks[0]`), when it names it. */
  binding: string | null;
  /** The call the task runs, as written (`my_coroutine(1, 2)`), or its coroutine's name. */
  call: string;
  /** The task's place in creation order: its colour and its row. */
  order: number;
  segments: LaneSegment[];
  /** The index of the event that first ran the task, once it has run. */
  firstRun: number | null;
  /** For one of asyncio's own tasks, not the program's: what it does. */
  internal: AsyncioTaskKind | null;
  /** Among the program's tasks, the order in which this one finished (1: first), once it has. */
  finishOrder: number | null;
}

/** How a task is called on screen: as the code names it, else by its name in asyncio. */
export function laneLabel(lane: TaskLane | undefined, fallback = '?'): string {
  return lane ? (lane.binding ?? lane.name) : fallback;
}

export type MarkKind = 'output' | 'stderr' | 'exception' | 'task-end' | 'cancel' | 'block';

/** Something worth seeing, at the step right after the event that did it. */
export interface Mark {
  step: number;
  kind: MarkKind;
  task: number | null;
}

/** Virtual time that passed while the loop waited for a timer, or while a callback blocked it. */
export interface TimeSpan {
  kind: 'wait' | 'block';
  /** The step at which the clock moved. */
  step: number;
  from: number;
  until: number;
}

/** Returns the number of items of `sorted` that are below `value` (a binary search). */
export function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class Timeline {
  /** The index of each `loop.iteration` event, in order. */
  readonly iterations: number[] = [];
  readonly lanes = new Map<number, TaskLane>();
  readonly marks: Mark[] = [];
  readonly spans: TimeSpan[] = [];
  /** The latest time the clock reached or a timer was set for. */
  maxTime = 0;
  private lastTime = 0;
  private finished = 0;

  constructor(private readonly program: ProgramIndex) {}

  /** How the task `id` is called on screen (see `laneLabel`). */
  label(id: number | null): string {
    return id === null ? '?' : laneLabel(this.lanes.get(id));
  }

  /** Records what event `index` did; `head` is the state right after it. */
  observe(event: TraceEvent, index: number, head: RunState): void {
    const step = index + 1;
    switch (event.kind) {
      case 'loop.iteration':
        this.iterations.push(index);
        break;
      case 'task.create':
        this.lanes.set(event.task, {
          task: event.task,
          name: event.name,
          binding: this.program.bindings.get(event.task) ?? null,
          call: this.program.calls.get(event.task) ?? '?',
          order: this.lanes.size,
          segments: [{ from: step, to: Infinity, status: 'scheduled' }],
          firstRun: null,
          internal: asyncioTaskKind(event.coro, event.defLine),
          finishOrder: null,
        });
        break;
      case 'task.run': {
        const lane = this.lanes.get(event.task);
        if (lane && lane.firstRun === null) lane.firstRun = index;
        break;
      }
      case 'output':
        this.marks.push({
          step,
          kind: event.stream === 'stderr' ? 'stderr' : 'output',
          task: head.currentTask,
        });
        break;
      case 'exception':
        this.marks.push({ step, kind: 'exception', task: head.currentTask });
        break;
      case 'task.cancel':
        if (event.accepted) this.marks.push({ step, kind: 'cancel', task: event.task });
        break;
      case 'future.result':
      case 'future.exception':
      case 'future.cancelled': {
        const lane = this.lanes.get(event.future);
        if (lane) {
          this.marks.push({ step, kind: 'task-end', task: event.future });
          if (lane.internal === null) lane.finishOrder = ++this.finished;
        }
        break;
      }
      case 'timer.push':
        if (event.when !== null) this.maxTime = Math.max(this.maxTime, event.when);
        break;
      case 'loop.wait':
        this.spans.push({ kind: 'wait', step, from: this.lastTime, until: event.until });
        break;
      case 'clock.block':
        this.spans.push({ kind: 'block', step, from: this.lastTime, until: event.until });
        this.marks.push({ step, kind: 'block', task: event.task });
        break;
      default:
        break;
    }
    this.updateLane('task' in event ? event.task : null, step, head);
    if ('future' in event && typeof event.future === 'number') {
      this.updateLane(event.future, step, head);
    }
    this.lastTime = head.time;
    this.maxTime = Math.max(this.maxTime, head.time);
  }

  private updateLane(task: number | null, step: number, head: RunState): void {
    if (task === null) return;
    const lane = this.lanes.get(task);
    const status = head.tasks.get(task)?.status;
    const last = lane?.segments.at(-1);
    if (!lane || !status || !last || last.status === status) return;
    if (last.from === step) {
      // Two changes at one step: only the later one is ever shown.
      last.status = status;
      return;
    }
    last.to = step;
    lane.segments.push({ from: step, to: Infinity, status });
  }

  /** How many iterations have begun by `step`. */
  iterationsBegun(step: number): number {
    return countBelow(this.iterations, step);
  }

  /**
   * A position on the timeline for `step`: iteration k occupies [k + 1, k + 2), the program
   * before the loop [0, 1), and the events of an iteration spread evenly across it.
   */
  position(step: number, length: number): number {
    const band = this.iterationsBegun(step);
    const start = band === 0 ? 0 : (this.iterations[band - 1] as number) + 1;
    const end = band < this.iterations.length ? (this.iterations[band] as number) + 1 : length;
    const fraction = end > start ? (Math.min(step, end) - start) / (end - start) : 0;
    return band + Math.max(0, fraction);
  }
}
