import { describe, expect, it } from 'vitest';
import {
  allApart,
  centredBox,
  overlaps,
  pickTicks,
  placeSideLabels,
  type SideLabel,
} from '../../src-renderer/viz/label-placement.ts';

const frame = centredBox(0, 0, 400, 400);

function label(id: number, x: number, y: number, preferred: 'left' | 'right'): SideLabel {
  return { id, x, y, offset: 10, width: 80, height: 16, preferred };
}

describe('labels are placed where none covers another', () => {
  it('boxes that share area overlap; boxes that only touch do not', () => {
    const a = { left: 0, right: 10, top: 0, bottom: 10 };
    expect(overlaps(a, { left: 5, right: 15, top: 5, bottom: 15 })).toBe(true);
    expect(overlaps(a, { left: 10, right: 20, top: 0, bottom: 10 })).toBe(false);
    expect(allApart([a, { left: 10, right: 20, top: 0, bottom: 10 }])).toBe(true);
  });

  it('a label goes on its preferred side when that side is free', () => {
    const placed = placeSideLabels([label(1, 0, 0, 'right')], frame);
    expect(placed.get(1)?.side).toBe('right');
    expect(placed.get(1)?.box).toEqual({ left: 10, right: 90, top: -8, bottom: 8 });
  });

  it('a label whose preferred side is taken goes to the other side', () => {
    const placed = placeSideLabels([label(1, 0, 0, 'right'), label(2, 5, 4, 'right')], frame);
    expect(placed.get(1)?.side).toBe('right');
    expect(placed.get(2)?.side).toBe('left');
  });

  it('a label that would leave the picture goes to the side that keeps it in', () => {
    const placed = placeSideLabels([label(1, 150, 0, 'right')], frame);
    expect(placed.get(1)?.side).toBe('left');
  });

  it('a label that fits nowhere is left out, and none ever covers an obstacle', () => {
    const wall = { left: -200, right: 200, top: -10, bottom: 10 };
    const placed = placeSideLabels([label(1, 0, 0, 'right'), label(2, 0, 50, 'left')], frame, [
      wall,
    ]);
    expect(placed.has(1)).toBe(false);
    expect(placed.get(2)?.side).toBe('left');
    for (const { box } of placed.values()) expect(overlaps(box, wall)).toBe(false);
  });

  it('a scale keeps as many ticks as have their labels apart', () => {
    // Ticks every 1/count of 100 px, each label 20 px wide: 5 fit, 10 do not.
    const ticksFor = (count: number) => Array.from({ length: count }, (_, i) => (i * 100) / count);
    const apart = (ticks: readonly number[]) =>
      allApart(ticks.map((t) => centredBox(t, 0, 20, 10)));
    expect(pickTicks([10, 5, 2], ticksFor, apart)).toHaveLength(5);
    expect(pickTicks([10], ticksFor, apart)).toEqual([0]);
  });
});
