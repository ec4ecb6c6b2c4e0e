import { describe, expect, it } from 'vitest';
import {
  fitCodeType,
  lineColumns,
  wrappedRows,
  type CodeBox,
} from '../../src-renderer/lib/code-fit.ts';

/** A box with DejaVu Sans Mono's proportions: characters 0.6 em wide, lines 1.35 em high. */
function box(width: number, height: number): CodeBox {
  return { width, height, gutterEm: 2.8, charEm: 0.6, lineEm: 1.35 };
}

const program = (lines: number, width: number) =>
  Array.from({ length: lines }, () => 'x'.repeat(width));

describe('the code type is fitted to the program and its box', () => {
  it('counts a line’s columns with tabs to the next stop', () => {
    expect(lineColumns('a\tb\n\tif x:\n')).toEqual([5, 9, 0]);
  });

  it('a short program in a large box is drawn at the largest size', () => {
    const fit = fitCodeType(lineColumns('print(1)\nprint(2)'), box(800, 600), { min: 11, max: 27 });
    expect(fit).toEqual({ size: 27, wraps: false });
  });

  it('the longest line and the line count narrow the type, without wrapping, while it stays readable', () => {
    const columns = program(20, 60).map((line) => line.length);
    const fit = fitCodeType(columns, box(480, 420), { min: 10, max: 27 });
    expect(fit.wraps).toBe(false);
    expect(fit.size).toBeGreaterThanOrEqual(10);
    // The longest line fits its width and every line fits the height, at the chosen size.
    expect(60 * 0.6 * fit.size + 2.8 * fit.size).toBeLessThanOrEqual(480);
    expect(20 * 1.35 * fit.size).toBeLessThanOrEqual(420);
    // And a quarter of a pixel more would not.
    const larger = fit.size + 0.25;
    expect(60 * 0.6 * larger + 2.8 * larger > 480 || 20 * 1.35 * larger > 420).toBe(true);
  });

  it('a line too long for readable type wraps, and the wrapped program still fits the height', () => {
    const columns = [...program(12, 40), 'x'.repeat(140)].map((line) => line.length);
    const shape = box(480, 420);
    const fit = fitCodeType(columns, shape, { min: 11, max: 27 });
    expect(fit.wraps).toBe(true);
    expect(fit.size).toBeGreaterThanOrEqual(11);
    expect(wrappedRows(columns, shape, fit.size) * 1.35 * fit.size).toBeLessThanOrEqual(420);
    // Nine lines in ten stay whole: the 40-column lines do not wrap.
    const perRow = Math.floor((480 - 2.8 * fit.size) / (0.6 * fit.size));
    expect(perRow).toBeGreaterThanOrEqual(40);
  });

  it('never goes below the readable size: a program too long for the box scrolls instead', () => {
    const columns = program(80, 30).map((line) => line.length);
    expect(fitCodeType(columns, box(480, 300), { min: 11, max: 27 }).size).toBe(11);
  });

  it('never goes above the largest size', () => {
    expect(fitCodeType([1], box(4000, 4000), { min: 11, max: 20 }).size).toBe(20);
  });
});
