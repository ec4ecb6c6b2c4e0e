/**
 * `asyncio.run`'s shutdown, which the `code` lens shows as one step, opened up: the moments
 * inside it, for the learner who wants to see what "shuts down" means.
 */
import { asyncioTaskKind } from './asyncio-tasks.ts';
import type { Replay } from './replay.ts';

/** The kinds of event that say what the shutdown does, one moment each. */
const MOMENTS = new Set(['task.create', 'task.run', 'loop.stop', 'loop.close']);

/**
 * The steps (after each moment's event) inside the `code` lens's step that stops at `step`,
 * when that step is `asyncio.run`'s shutdown; null for any other step.
 */
export function shutdownMoments(replay: Replay, step: number): number[] | null {
  const steps = replay.lenses.steps('code');
  const anchor = steps.anchorAt(step);
  if (anchor === null || replay.events[anchor]?.kind !== 'loop.close') return null;
  const moments: number[] = [];
  let byRun = false;
  for (let index = steps.groupStart(step); index < step; index++) {
    const event = replay.events[index];
    if (!event || !MOMENTS.has(event.kind)) continue;
    if (event.kind === 'task.create') byRun ||= asyncioTaskKind(event.coro, event.defLine) !== null;
    moments.push(index + 1);
  }
  return byRun ? moments : null;
}
