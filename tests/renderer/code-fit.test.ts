import { describe, expect, it } from 'vitest';
import {
  fitCodeType,
  lineShapes,
  wrappedRows,
  type CodeBox,
} from '../../src-renderer/lib/code-fit.ts';

/** A box with DejaVu Sans Mono's proportions: characters 0.6 em wide, lines 1.35 em high. */
function box(width: number, height: number, blankRow = 1): CodeBox {
  return { width, height, gutterEm: 2.8, charEm: 0.6, lineEm: 1.35, blankRow };
}

/** How many columns a row of `box(width, …)` holds at a type size. */
const perRowAt = (width: number, size: number) => Math.floor((width - 2.8 * size) / (0.6 * size));

/** Fits `code` to a box with readable bounds of 11 and 27 px; checks it wraps and fits the height. */
function fitWrapped(code: string, shape: CodeBox) {
  const shapes = lineShapes(code);
  const fit = fitCodeType(shapes, shape, { min: 11, max: 27 });
  expect(fit.wraps).toBe(true);
  expect(fit.size).toBeGreaterThanOrEqual(11);
  expect(wrappedRows(shapes, shape, fit.size) * 1.35 * fit.size).toBeLessThanOrEqual(shape.height);
  return fit;
}

/** `count` lines of `width` columns, indented by four. */
const program = (count: number, width: number) =>
  Array.from({ length: count }, () => `    ${'x'.repeat(width - 4)}`).join('\n');

describe('the code type is fitted to the program and its box', () => {
  it('reads a line’s width and indentation, tabs to the next stop, blank lines as empty', () => {
    expect(lineShapes('a\tb\n\tif x:\n   \n')).toEqual([
      { width: 5, indent: 0 },
      { width: 9, indent: 4 },
      { width: 0, indent: 0 },
      { width: 0, indent: 0 },
    ]);
  });

  it('a short program in a large box is drawn at the largest size', () => {
    const fit = fitCodeType(lineShapes('print(1)\nprint(2)'), box(800, 600), { min: 11, max: 27 });
    expect(fit).toEqual({ size: 27, wraps: false });
  });

  it('the longest line and the line count narrow the type, without wrapping, while it stays readable', () => {
    const fit = fitCodeType(lineShapes(program(20, 60)), box(480, 420), { min: 10, max: 27 });
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
    const fit = fitWrapped(`${program(12, 40)}\n    ${'y'.repeat(136)}`, box(480, 420));
    // Nine lines in ten stay whole: the 40-column lines do not wrap.
    expect(perRowAt(480, fit.size)).toBeGreaterThanOrEqual(40);
  });

  it('where most lines are too long for readable type whole, wraps them rather than shrink a roomy box to the smallest type', () => {
    // A narrow, tall box: the 66-column lines cannot be whole at 11 px, but the box has
    // height to spare for a second row each.
    const fit = fitWrapped(
      `${program(8, 30)}\n${program(6, 66)}\n    ${'y'.repeat(110)}`,
      box(400, 600),
    );
    expect(fit.size).toBeGreaterThan(11);
    // The typical long line takes no more than two rows.
    expect(perRowAt(400, fit.size) * 2).toBeGreaterThanOrEqual(66);
  });

  it('counts a wrapped line’s rows as the editor draws them: hanging under its indentation, broken at words', () => {
    // 100 columns in rows of 40: the first row, then rows of (40 - 8 - 2) columns, not quite full.
    const [line] = lineShapes(`        ${'z '.repeat(46)}`);
    if (!line) throw new Error('no line');
    const rows = wrappedRows([line], { ...box(0, 0), width: 40 * 0.6 * 10 + 2.8 * 10 }, 10);
    expect(rows).toBeGreaterThanOrEqual(1 + Math.ceil((100 - 40) / 30));
  });

  it('blank lines drawn short let a longer program show whole at the same size', () => {
    const code = Array.from({ length: 24 }, (_, i) => (i % 3 === 2 ? '' : '    work()')).join('\n');
    const full = fitCodeType(lineShapes(code), box(480, 300), { min: 8, max: 27 });
    const short = fitCodeType(lineShapes(code), box(480, 300, 0.5), { min: 8, max: 27 });
    expect(short.size).toBeGreaterThan(full.size);
  });

  it('never goes below the readable size: a program too long for the box scrolls instead', () => {
    expect(fitCodeType(lineShapes(program(80, 30)), box(480, 300), { min: 11, max: 27 }).size).toBe(
      11,
    );
  });

  it('never goes above the largest size', () => {
    expect(fitCodeType(lineShapes('x'), box(4000, 4000), { min: 11, max: 20 }).size).toBe(20);
  });

  it('in front of a class one long line wraps where that makes the type larger, not smaller', () => {
    // Ten short lines and one of 60 columns, in a tall box: whole, the long line holds the type down.
    const code = `${program(10, 30)}\n${program(1, 60)}`;
    const shapes = lineShapes(code);
    const whole = fitCodeType(shapes, box(480, 600), { min: 11, max: 27 });
    const wrapped = fitCodeType(shapes, box(480, 600), { min: 11, max: 27, wrapForSize: true });
    expect(whole.wraps).toBe(false);
    expect(wrapped.wraps).toBe(true);
    expect(wrapped.size).toBeGreaterThan(whole.size);
    expect(
      wrappedRows(shapes, box(480, 600), wrapped.size) * 1.35 * wrapped.size,
    ).toBeLessThanOrEqual(600);
    // Where nothing is gained, the program stays whole.
    const short = fitCodeType(lineShapes(program(4, 20)), box(480, 600), {
      min: 11,
      max: 27,
      wrapForSize: true,
    });
    expect(short).toEqual({ size: 27, wraps: false });
  });
});
