/**
 * How long an animation (a GIF, a video) may be, in steps: a module of its own, without the
 * encoders, so that the page's Export dialog checks a range before the export worker starts.
 */

/**
 * The most steps an animation draws. A program can make half a million steps within its
 * budgets, and a replay file two million: the whole run of one, the range an export took by
 * default, was hours of drawing and a GIF that grew in memory until the end.
 */
export const MAX_ANIMATION_STEPS = 5_000;

/** Whether an animation of the steps `from` to `to` stays within `MAX_ANIMATION_STEPS`. */
export function isAnimationRange(range: { from: number; to: number }): boolean {
  return range.to - range.from + 1 <= MAX_ANIMATION_STEPS;
}
