/**
 * The code's type size: as large as the box allows, up to a bound, so that the whole program
 * shows; never smaller than a readable bound. The longest line decides first: the type is
 * fitted to it and to the line count together. Only where that would go below the readable
 * bound do long lines wrap (the editor marks each continuation), and the type is the largest
 * at which the wrapped program still fits the box's height. Where even the smallest readable
 * type does not fit, the editor scrolls, and keeps the running line in view.
 */

/** A program's shape: the width of each of its lines, in columns. */
export function lineColumns(code: string, tabSize = 4): number[] {
  return code.split('\n').map((line) => {
    let column = 0;
    for (const char of line)
      column = char === '\t' ? column + tabSize - (column % tabSize) : column + 1;
    return column;
  });
}

export interface CodeBox {
  /** The editor's width and height for text and gutters, in pixels. */
  width: number;
  height: number;
  /** The gutters' width (line numbers, marks), per pixel of type size. */
  gutterEm: number;
  /** A character's width, and a line's height, per pixel of type size. */
  charEm: number;
  lineEm: number;
}

export interface TypeBounds {
  min: number;
  max: number;
}

export interface CodeFit {
  /** The type size, in pixels. */
  size: number;
  /** Whether some line is longer than the box is wide at that size. */
  wraps: boolean;
}

/** Type sizes are chosen in steps of this many pixels: a box a pixel larger changes nothing. */
const STEP = 0.25;

const floorStep = (size: number) => Math.floor(size / STEP) * STEP;

/** How many screen rows the program takes at a type size, its long lines wrapped. */
export function wrappedRows(columns: readonly number[], box: CodeBox, size: number): number {
  const textWidth = box.width - box.gutterEm * size;
  const perRow = Math.max(1, Math.floor(textWidth / (box.charEm * size)));
  return columns.reduce((rows, width) => rows + Math.max(1, Math.ceil(width / perRow)), 0);
}

export function fitCodeType(
  columns: readonly number[],
  box: CodeBox,
  { min, max }: TypeBounds,
): CodeFit {
  const longest = Math.max(1, ...columns);
  const lines = Math.max(1, columns.length);
  const widthFit = box.width / (longest * box.charEm + box.gutterEm);
  const heightFit = box.height / (lines * box.lineEm);
  const whole = floorStep(Math.min(widthFit, heightFit, max));
  if (whole >= min) return { size: whole, wraps: false };
  // The longest lines are too long for readable type: wrap them, at the largest size that
  // fits, but no larger than keeps nine lines in ten whole (wrapping hides a program's shape).
  const byWidth = [...columns].sort((a, b) => b - a);
  const typical = byWidth[Math.max(1, Math.floor(columns.length / 10))] ?? 1;
  const ceiling = Math.min(max, box.width / (Math.max(1, typical) * box.charEm + box.gutterEm));
  const fits = (size: number) => wrappedRows(columns, box, size) * box.lineEm * size <= box.height;
  let size = min;
  for (let candidate = floorStep(ceiling); candidate > min; candidate -= STEP) {
    if (fits(candidate)) {
      size = candidate;
      break;
    }
  }
  const textWidth = box.width - box.gutterEm * size;
  return { size, wraps: longest * box.charEm * size > textWidth };
}
