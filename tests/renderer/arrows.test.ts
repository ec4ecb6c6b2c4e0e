/** Where a why-arrow's label goes: on the arrow, off the text the views show. */
import { describe, expect, test } from 'vitest';
import { arrowShape, placeLabel, textCrossings, type Box } from '../../src-renderer/viz/arrows.ts';

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

  test('where text covers every place along the arrow, stands a little off it, clear of the text', () => {
    const shape = arrowShape(from, to);
    // A line of text across each place the label may take on the arrow, as a heading's is.
    const lines: Box[] = [0.22, 0.3, 0.4, 0.5, 0.6, 0.7, 0.78].map((t) => {
      const at = shape.at(t);
      return { x: at.x - 70, y: at.y - 9, width: 140, height: 18 };
    });
    const point = placeLabel(shape, 40, 16, lines);
    const label: Box = { x: point.x - 20, y: point.y - 8, width: 40, height: 16 };
    const meets = (a: Box, b: Box) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(lines.filter((line) => meets(label, line))).toEqual([]);
    // Near its arrow: a few lines off one of the arrow's points, and no more than its width aside.
    const near = [0.22, 0.3, 0.4, 0.5, 0.6, 0.7, 0.78].some((t) => {
      const at = shape.at(t);
      return Math.abs(at.x - point.x) <= 40 && Math.abs(at.y - point.y) <= 4 * 20;
    });
    expect(near).toBe(true);
  });

  test('where the text around a short arrow is four lines deep, goes past it rather than over it', () => {
    const short = arrowShape(
      { x: 200, y: 100, width: 40, height: 20 },
      { x: 260, y: 160, width: 40, height: 20 },
    );
    const middle = short.at(0.5);
    // A card's lines, from above the arrow to five lines below its middle, wider than the label.
    const card: Box = { x: middle.x - 200, y: middle.y - 120, width: 400, height: 240 };
    const point = placeLabel(short, 120, 16, [card]);
    const label: Box = { x: point.x - 60, y: point.y - 8, width: 120, height: 16 };
    const meets =
      label.x < card.x + card.width &&
      card.x < label.x + label.width &&
      label.y < card.y + card.height &&
      card.y < label.y + label.height;
    expect(meets).toBe(false);
    // Just past the card, not further.
    expect(
      Math.min(
        Math.abs(label.y - (card.y + card.height)),
        Math.abs(card.y - (label.y + label.height)),
      ),
    ).toBeLessThan(30);
  });

  test('stays inside the window it is drawn in', () => {
    const shape = arrowShape(from, to);
    const middle = shape.at(0.5);
    const heading: Box = { x: middle.x - 60, y: middle.y - 10, width: 120, height: 20 };
    const bounds: Box = { x: 0, y: 0, width: 1000, height: middle.y + 12 };
    const point = placeLabel(shape, 40, 16, [heading], bounds);
    expect(point.y + 8).toBeLessThanOrEqual(bounds.height);
    expect(point.y - 8).toBeGreaterThanOrEqual(0);
  });

  test('where text is everywhere, covers the least of it', () => {
    const shape = arrowShape(from, to);
    const everywhere: Box = { x: -1000, y: -1000, width: 3000, height: 3000 };
    const small: Box = { ...shape.at(0.5), width: 30, height: 10 };
    expect(placeLabel(shape, 40, 16, [everywhere])).toEqual(shape.at(0.5));
    expect(placeLabel(shape, 40, 16, [everywhere, small])).not.toEqual(shape.at(0.5));
  });
});

describe('a why-arrow’s route', () => {
  test('bows the other way round a word that lies on its usual curve', () => {
    const usual = arrowShape(from, to);
    const middle = usual.at(0.5);
    const word: Box = { x: middle.x - 30, y: middle.y - 9, width: 60, height: 18 };
    expect(textCrossings(usual, [word])).toBeGreaterThan(0);
    const routed = arrowShape(from, to, [word]);
    expect(textCrossings(routed, [word])).toBe(0);
  });

  test('keeps its usual curve where no text is on it', () => {
    const word: Box = { x: 0, y: 200, width: 60, height: 18 };
    expect(arrowShape(from, to, [word]).path).toBe(arrowShape(from, to).path);
  });
});
