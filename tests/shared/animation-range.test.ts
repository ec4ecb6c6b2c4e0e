import { describe, expect, test } from 'vitest';
import { isAnimationRange, MAX_ANIMATION_STEPS } from '../../src-shared/export/animation-range.ts';

describe('an animation', () => {
  test('draws at most MAX_ANIMATION_STEPS steps, both ends counted', () => {
    expect(isAnimationRange({ from: 0, to: MAX_ANIMATION_STEPS - 1 })).toBe(true);
    expect(isAnimationRange({ from: 10, to: MAX_ANIMATION_STEPS + 9 })).toBe(true);
    expect(isAnimationRange({ from: 0, to: MAX_ANIMATION_STEPS })).toBe(false);
    // The whole of a run stopped by the default event budget.
    expect(isAnimationRange({ from: 0, to: 500_001 })).toBe(false);
  });
});
