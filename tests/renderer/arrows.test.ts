/** Where a why-arrow's label goes: on the arrow, off the text the views show. */
import { describe, expect, test } from 'vitest';
import { arrowShape, placeLabel, type Box } from '../../src-renderer/viz/arrows.ts';

const from: Box = { x: 0, y: 0, width: 40, height: 20 };
const to: Box = { x: 400, y: 300, width: 40, height: 20 };

describe('a why-arrow’s label', () => {
  test('sits at the middle of the arrow when nothing is there', () => {
    const shape = arrowShape(from, to);
    expect(placeLabel(shape, 40, 16, [])).toEqual(shape.at(0.5));
    expect(shape.at(0.5).x).toBeCloseTo(shape.middle.x, 0);
  });

  test('moves along the arrow, off a heading that covers its middle', () => {
    const shape = arrowShape(from, to);
    const middle = shape.at(0.5);
    const heading: Box = { x: middle.x - 60, y: middle.y - 10, width: 120, height: 20 };
    const point = placeLabel(shape, 40, 16, [heading]);
    expect(point).not.toEqual(middle);
    // Still on the arrow: one of its points, clear of the heading by the label's half size.
    const clear =
      point.x + 20 <= heading.x ||
      point.x - 20 >= heading.x + heading.width ||
      point.y + 8 <= heading.y ||
      point.y - 8 >= heading.y + heading.height;
    expect(clear).toBe(true);
  });

  test('where text is everywhere, covers the least of it', () => {
    const shape = arrowShape(from, to);
    const everywhere: Box = { x: -1000, y: -1000, width: 3000, height: 3000 };
    const small: Box = { ...shape.at(0.5), width: 30, height: 10 };
    expect(placeLabel(shape, 40, 16, [everywhere])).toEqual(shape.at(0.5));
    expect(placeLabel(shape, 40, 16, [everywhere, small])).not.toEqual(shape.at(0.5));
  });
});
