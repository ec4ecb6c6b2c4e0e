/**
 * Playing by virtual time: 1 virtual second of the loop's clock takes N real seconds, so that
 * a program that sleeps for 30 virtual seconds plays in about 30·N seconds, whatever its
 * number of steps.
 *
 * A clock runs from the moment play starts; the steps whose events happened at or before its
 * time are due. Many steps share one virtual instant (everything between two waits of the
 * loop): those are shown quickly rather than all at once, catching up with the clock within
 * about CATCH_UP_MS, and each frame still stops on a step of the lens, a consistent state.
 */
import type { TraceEvent } from '../../src-shared/trace.ts';
import type { LensSteps } from './lens.ts';

/** About how long the steps due at once take to show, in real milliseconds. */
export const CATCH_UP_MS = 400;

/** How many events happened at or before virtual time `time`: the step due then. */
export function stepAtTime(events: readonly TraceEvent[], time: number): number {
  // The loop's clock never goes back: event times ascend, and a binary search finds the step.
  let low = 0;
  let high = events.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((events[middle] as TraceEvent).t <= time) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Where the playhead moves in a frame of `elapsedMs` when the steps up to `dueStep` are due:
 * a share of the lens's stops still due (at least one), so that a backlog shrinks by about
 * elapsedMs / CATCH_UP_MS of itself each frame. Never past `dueStep`'s stop, never back.
 */
export function advanceTowards(
  steps: LensSteps,
  step: number,
  dueStep: number,
  elapsedMs: number,
): number {
  const shown = steps.countUpTo(step);
  const due = steps.countUpTo(dueStep);
  if (due <= shown) return step;
  const move = Math.max(1, Math.ceil(((due - shown) * elapsedMs) / CATCH_UP_MS));
  return Math.max(step, steps.stopAt(Math.min(due, shown + move)));
}

/** The virtual clock after `elapsedMs` real milliseconds at `scale` real seconds per virtual second. */
export function advanceClock(clock: number, elapsedMs: number, scale: number): number {
  return clock + elapsedMs / 1000 / scale;
}
