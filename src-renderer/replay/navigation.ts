/**
 * Where the iteration and output keys go: by loop iteration, by line of output (steps by
 * event, or by the lens's step, are in lens.ts). Steps are counts of events folded (0 to
 * `replay.length`).
 */
import type { Replay } from './replay.ts';
import { countBelow, type MarkKind } from './timeline.ts';

/** The step right after the next `loop.iteration` event. */
export function nextIterationStep(replay: Replay, step: number): number {
  const starts = replay.timeline.iterations;
  const index = countBelow(starts, step);
  return index < starts.length ? (starts[index] as number) + 1 : replay.length;
}

export function previousIterationStep(replay: Replay, step: number): number {
  const starts = replay.timeline.iterations;
  const index = countBelow(starts, step - 1);
  return index > 0 ? (starts[index - 1] as number) + 1 : 0;
}

const OUTPUT_KINDS: ReadonlySet<MarkKind> = new Set(['output', 'stderr']);

export function nextOutputStep(replay: Replay, step: number): number {
  const mark = replay.timeline.marks.find((m) => m.step > step && OUTPUT_KINDS.has(m.kind));
  return mark ? mark.step : replay.length;
}

export function previousOutputStep(replay: Replay, step: number): number {
  const marks = replay.timeline.marks;
  for (let i = marks.length - 1; i >= 0; i--) {
    const mark = marks[i];
    if (mark && mark.step < step && OUTPUT_KINDS.has(mark.kind)) return mark.step;
  }
  return 0;
}
