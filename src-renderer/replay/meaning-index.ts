/**
 * Navigation by meaning: where each line of output was printed, where each line of the
 * program ran, and what each task did, indexed once as events arrive so that every lookup is
 * a binary search (O(log n) on a trace of a million events).
 *
 * Steps are counts of events folded (see replay.ts): the step of the event at index i is
 * i + 1, the moment right after it, where the views show what it did. Navigation lands on
 * that exact step, not on the lens's stop around it: a breakpoint on a line must show that
 * line running, even where the lens folds it into a larger step.
 */
import type { RunState } from '../../src-shared/loop-state.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';
import { countBelow } from './timeline.ts';

/** Adds `index` to the sorted list kept for `key`. */
function addTo<K>(lists: Map<K, number[]>, key: K, index: number): void {
  const list = lists.get(key);
  if (list) list.push(index);
  else lists.set(key, [index]);
}

/** The step of the first index in `sorted` whose step is after `step`, or null. */
function firstStepAfter(sorted: readonly number[] | undefined, step: number): number | null {
  if (!sorted) return null;
  // Index i shows at step i + 1: after `step` means i >= step.
  const at = countBelow(sorted, step);
  return at < sorted.length ? (sorted[at] as number) + 1 : null;
}

/** The step of the last index in `sorted` whose step is before `step`, or null. */
function lastStepBefore(sorted: readonly number[] | undefined, step: number): number | null {
  if (!sorted) return null;
  // Before `step` means i + 1 < step, so i < step - 1.
  const at = countBelow(sorted, step - 1);
  return at > 0 ? (sorted[at - 1] as number) + 1 : null;
}

/** The task an event was done by or to, for stepping within one task; null when none. */
function taskOfEvent(event: TraceEvent, head: RunState): number | null {
  switch (event.kind) {
    case 'line':
      return event.task;
    case 'output':
      return head.currentTask;
    case 'task.create':
    case 'task.run':
    case 'task.suspend':
    case 'task.yield':
    case 'task.cancel':
      return event.task;
    case 'future.result':
    case 'future.exception':
    case 'future.cancelled':
      return head.tasks.has(event.future) ? event.future : null;
    default:
      return null;
  }
}

export class MeaningIndex {
  /** The `seq` of every output event, ascending, and the index of each. */
  private readonly outputSeqs: number[] = [];
  private readonly outputIndices: number[] = [];
  /** For each line of the program: the index of every `line` event that ran it. */
  private readonly lineRuns = new Map<number, number[]>();
  /** For each task: the index of every event done by it or to it (see taskOfEvent). */
  private readonly taskEvents = new Map<number, number[]>();

  /** Records event `index`; `head` is the state right after it. */
  observe(event: TraceEvent, index: number, head: RunState): void {
    if (event.kind === 'output') {
      this.outputSeqs.push(event.seq);
      this.outputIndices.push(index);
    } else if (event.kind === 'line') {
      addTo(this.lineRuns, event.line, index);
    }
    const task = taskOfEvent(event, head);
    if (task !== null) addTo(this.taskEvents, task, index);
  }

  /** The step that printed the output chunk with this `seq`, or null when none did. */
  outputStep(seq: number): number | null {
    const at = countBelow(this.outputSeqs, seq);
    return this.outputSeqs[at] === seq ? (this.outputIndices[at] as number) + 1 : null;
  }

  /** The next step after `step` where `line` runs, or null (a breakpoint, forward). */
  nextLineRun(line: number, step: number): number | null {
    return firstStepAfter(this.lineRuns.get(line), step);
  }

  /** The last step before `step` where `line` runs, or null (a breakpoint, backward). */
  previousLineRun(line: number, step: number): number | null {
    return lastStepBefore(this.lineRuns.get(line), step);
  }

  /** How many times `line` ran in the whole trace. */
  lineRunCount(line: number): number {
    return this.lineRuns.get(line)?.length ?? 0;
  }

  /** The next step after `step` done by or to `task`, or null. */
  nextTaskStep(task: number, step: number): number | null {
    return firstStepAfter(this.taskEvents.get(task), step);
  }

  /** The last step before `step` done by or to `task`, or null. */
  previousTaskStep(task: number, step: number): number | null {
    return lastStepBefore(this.taskEvents.get(task), step);
  }

  /** Every step of `task`, ascending (the event indices plus one are the steps). */
  taskEventIndices(task: number): readonly number[] {
    return this.taskEvents.get(task) ?? [];
  }

  /** How many of `task`'s steps are at or before `step`. */
  taskStepsUpTo(task: number, step: number): number {
    return countBelow(this.taskEvents.get(task) ?? [], step);
  }
}
