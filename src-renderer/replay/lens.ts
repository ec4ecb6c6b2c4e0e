/**
 * The learner's lens: how big a step is. The trace is the same in every lens; a lens groups
 * its events into steps, and a step stops after its group's last event, where every view
 * shows the state and the narration says what the group did.
 *
 * - `code` (your code): a step is something the program's code does or waits for: a task
 *   starts, resumes, prints, awaits, creates a task, ends; asyncio's own work is folded into
 *   the step it serves, and `asyncio.run`'s shutdown is one step.
 * - `loop`: every handle the loop runs and every change to its queues.
 * - `all`: every event.
 *
 * Each event is an anchor (it ends a step), `before` (it joins the next anchor's step) or
 * `after` (it completes the step of the anchor just before it, like the ready-queue entry that
 * `create_task` adds). Steps are counted as they arrive, so a streaming run can be stepped.
 */
import type { RunState } from '../../src-shared/loop-state.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';
import { asyncioTaskKind } from './asyncio-tasks.ts';
import type { ProgramIndex } from './program-index.ts';
import { countBelow } from './timeline.ts';

export type Lens = 'code' | 'loop' | 'all';
export const LENSES: readonly Lens[] = ['code', 'loop', 'all'];

type Fold = 'anchor' | 'before' | 'after';

/**
 * Classifies an event for a lens. Besides the event it may read the anchor of the step still
 * open (while only `after` events have followed it), the state right after the event, and
 * what is known of the program. Called for every event: it allocates nothing.
 */
type FoldEvent = (
  event: TraceEvent,
  anchor: TraceEvent | null,
  head: RunState,
  program: ProgramIndex,
) => Fold;

function isProgramTask(head: RunState, id: number | null): boolean {
  const task = id === null ? undefined : head.tasks.get(id);
  return task !== undefined && asyncioTaskKind(task.coro, task.defLine) === null;
}

/** `asyncio.run` cancels what is still pending once its main coroutine has returned. */
export function isShutdownCancel(event: TraceEvent, head: RunState): boolean {
  if (event.kind !== 'task.cancel' || event.from.task !== null) return false;
  const loop = head.currentLoop === null ? undefined : head.loops.get(head.currentLoop);
  return loop?.phase === 'stopped';
}

function isTaskEnd(event: TraceEvent, head: RunState): boolean {
  return (
    (event.kind === 'future.result' ||
      event.kind === 'future.exception' ||
      event.kind === 'future.cancelled') &&
    isProgramTask(head, event.future)
  );
}

/** Whether `event` completes the step `anchor` began (see `foldForCode`). */
function completesCodeStep(anchor: TraceEvent, event: TraceEvent, head: RunState): boolean {
  switch (anchor.kind) {
    case 'task.create':
      // The task's first step in the ready queue, and for `asyncio.run`'s main task, the
      // done-callback and the loop that starts.
      return (
        (event.kind === 'handle.push' && event.task === anchor.task) ||
        (event.kind === 'future.callback' && event.future === anchor.task) ||
        (event.kind === 'loop.start' && anchor.from.task === null)
      );
    case 'task.suspend':
    case 'task.yield':
      return event.kind === 'handle.done';
    case 'task.cancel':
      // A cancelled task's future is cancelled and its wake-up queued; at shutdown asyncio
      // also gathers the cancelled tasks and starts the loop to let them finish.
      return (
        event.kind === 'future.cancelled' ||
        event.kind === 'handle.push' ||
        (isShutdownCancel(anchor, head) &&
          (event.kind === 'future.callback' ||
            event.kind === 'future.create' ||
            event.kind === 'loop.start' ||
            isShutdownCancel(event, head)))
      );
    case 'future.result':
    case 'future.exception':
    case 'future.cancelled':
      // The callbacks of the ended task (its awaiter's wake-up...), then the step's end.
      return (
        (event.kind === 'handle.push' && event.future === anchor.future) ||
        event.kind === 'handle.done'
      );
    default:
      return false;
  }
}

/** The `code` lens: what the program's code does or waits for. */
const foldForCode: FoldEvent = (event, anchor, head, program) => {
  if (event.kind === 'line') return 'before';
  // A task's stack belongs to the step that paused it.
  if (event.kind === 'probe' || event.kind === 'task.frames') return 'after';
  if (anchor && completesCodeStep(anchor, event, head)) return 'after';
  switch (event.kind) {
    case 'run.start':
    case 'run.end':
    case 'output':
    case 'loop.wait':
    case 'clock.block':
    case 'loop.close':
      return 'anchor';
    case 'task.create':
      return isProgramTask(head, event.task) ? 'anchor' : 'before';
    case 'task.run':
    case 'task.suspend':
    case 'task.yield':
      return isProgramTask(head, event.task) ? 'anchor' : 'before';
    case 'task.cancel':
      return event.accepted ? 'anchor' : 'before';
    case 'future.result':
    case 'future.exception':
    case 'future.cancelled':
      return isTaskEnd(event, head) ? 'anchor' : 'before';
    case 'handle.push':
    case 'timer.push':
    case 'handle.cancel':
    case 'handle.run':
      // The program's own callbacks: scheduling one, cancelling it, the loop calling it.
      return program.programHandles.has(event.handle) ? 'anchor' : 'before';
    default:
      return 'before';
  }
};

/**
 * The `loop` lens: the loop's work, without the program's lines and bookkeeping. An
 * iteration's poll completes the step that begins it; moving to the timers' and the ready
 * phases joins the step that does the phase's work, so the header names the phase told.
 */
const foldForLoop: FoldEvent = (event) => {
  switch (event.kind) {
    case 'line':
    case 'future.create':
    case 'future.callback':
    case 'loop.timers':
    case 'loop.ready':
      return 'before';
    case 'loop.select':
    case 'probe':
    case 'task.frames':
      return 'after';
    default:
      return 'anchor';
  }
};

/** The steps of one lens: the step each stops at, and the index of the event that ends it. */
export interface LensSteps {
  /** How many steps there are, after step 0. */
  readonly count: number;
  /** The stop of step `i` (1-based); 0 for step 0. */
  stopAt(i: number): number;
  /** How many stops are at or before raw step `step`. */
  countUpTo(step: number): number;
  /** Whether raw step `step` is a stop. */
  isStop(step: number): boolean;
  /** The index of the anchor event of the step that stops at `step`, or null. */
  anchorAt(step: number): number | null;
  /** The first event (index) of the step that stops at `step`. */
  groupStart(step: number): number;
}

/** Steps counted as events arrive, with the anchor of each. */
class FoldedSteps implements LensSteps {
  private readonly stops: number[] = [];
  private readonly anchors: number[] = [];
  private pending: { stop: number; anchor: number; event: TraceEvent } | null = null;

  constructor(private readonly fold: FoldEvent) {}

  observe(event: TraceEvent, index: number, head: RunState, program: ProgramIndex): void {
    const kind = this.fold(event, this.pending?.event ?? null, head, program);
    if (kind === 'after' && this.pending) {
      this.pending.stop = index + 1;
      return;
    }
    this.commit();
    if (kind === 'anchor') this.pending = { stop: index + 1, anchor: index, event };
  }

  private commit(): void {
    if (!this.pending) return;
    this.stops.push(this.pending.stop);
    this.anchors.push(this.pending.anchor);
    this.pending = null;
  }

  get count(): number {
    return this.stops.length + (this.pending ? 1 : 0);
  }

  stopAt(i: number): number {
    if (i <= 0) return 0;
    if (i <= this.stops.length) return this.stops[i - 1] ?? 0;
    return this.pending?.stop ?? this.stops.at(-1) ?? 0;
  }

  countUpTo(step: number): number {
    const committed = countBelow(this.stops, step + 1);
    return committed + (this.pending && this.pending.stop <= step ? 1 : 0);
  }

  isStop(step: number): boolean {
    return step === 0 || this.stopAt(this.countUpTo(step)) === step;
  }

  anchorAt(step: number): number | null {
    const i = this.countUpTo(step);
    if (i === 0 || this.stopAt(i) !== step) return null;
    return i <= this.stops.length ? (this.anchors[i - 1] ?? null) : (this.pending?.anchor ?? null);
  }

  groupStart(step: number): number {
    return this.stopAt(this.countUpTo(step - 1));
  }
}

/** Every event is a step, except the engine's own probes. */
class EverySteps implements LensSteps {
  constructor(
    private readonly events: readonly TraceEvent[],
    private readonly probes: readonly number[],
  ) {}

  get count(): number {
    return this.events.length - this.probes.length;
  }

  stopAt(i: number): number {
    // The i-th step is the i-th event that is not a probe: probes are few (tests ask for them).
    let step = Math.max(0, i);
    while (step < this.events.length && this.countUpTo(step) < i) step++;
    return step;
  }

  countUpTo(step: number): number {
    return step - countBelow(this.probes, step);
  }

  isStop(step: number): boolean {
    return step === 0 || this.events[step - 1]?.kind !== 'probe';
  }

  anchorAt(step: number): number | null {
    return step > 0 && this.isStop(step) ? step - 1 : null;
  }

  groupStart(step: number): number {
    return Math.max(0, step - 1);
  }
}

/** The steps of every lens, kept up to date as events arrive. */
export class LensIndex {
  private readonly code = new FoldedSteps(foldForCode);
  private readonly loop = new FoldedSteps(foldForLoop);
  private readonly probes: number[] = [];
  private readonly every: EverySteps;

  constructor(events: readonly TraceEvent[]) {
    this.every = new EverySteps(events, this.probes);
  }

  observe(event: TraceEvent, index: number, head: RunState, program: ProgramIndex): void {
    if (event.kind === 'probe') this.probes.push(index);
    this.code.observe(event, index, head, program);
    this.loop.observe(event, index, head, program);
  }

  steps(lens: Lens): LensSteps {
    switch (lens) {
      case 'code':
        return this.code;
      case 'loop':
        return this.loop;
      case 'all':
        return this.every;
    }
  }
}

/** The step after `step` in the lens: its next stop, or the trace's end. */
export function nextStop(steps: LensSteps, step: number, length: number): number {
  const next = steps.stopAt(steps.countUpTo(step) + 1);
  return next > step ? Math.min(next, length) : length;
}

/** The stop before `step` in the lens, or 0. */
export function previousStop(steps: LensSteps, step: number): number {
  return steps.stopAt(steps.countUpTo(step - 1));
}

/**
 * Where the playhead goes when the lens changes: it stays if it is on a stop of the new lens,
 * else it moves to the end of the step that holds the moment shown (never past `length`).
 */
export function stopHolding(steps: LensSteps, step: number, length: number): number {
  if (steps.isStop(step)) return step;
  return Math.min(nextStop(steps, step, length), length);
}
