/**
 * The code's type size: as large as the box allows, up to a bound, so that the whole program
 * shows; never smaller than a readable bound. The longest line decides first: the type is
 * fitted to it and to the line count together. Only where that would go below the readable
 * bound do long lines wrap (the editor marks each continuation), and the type is the largest
 * at which the wrapped program still fits the box's height. Where even the smallest readable
 * type does not fit, the editor scrolls, and keeps the running line in view.
 */

/** A line's shape: its width and its indentation, in columns (a blank line is 0 wide). */
export interface LineShape {
  width: number;
  indent: number;
}

/** A program's shape, line by line, with tabs to the next stop. */
export function lineShapes(code: string, tabSize = 4): LineShape[] {
  return code.split('\n').map((line) => {
    if (line.trim() === '') return { width: 0, indent: 0 };
    let column = 0;
    let indent = -1;
    for (const char of line) {
      if (indent < 0 && char !== ' ' && char !== '\t') indent = column;
      column = char === '\t' ? column + tabSize - (column % tabSize) : column + 1;
    }
    return { width: column, indent: Math.max(0, indent) };
  });
}

/**
 * A wrapped row holds this share of the characters that fit its width: the editor breaks at
 * spaces, not mid-word, so rows end short.
 */
const WORD_WRAP_FILL = 0.85;

export interface CodeBox {
  /** The editor's width and height for text and gutters, in pixels. */
  width: number;
  height: number;
  /** The gutters' width (line numbers, marks), per pixel of type size. */
  gutterEm: number;
  /** A character's width, and a line's height, per pixel of type size. */
  charEm: number;
  lineEm: number;
  /** A blank line's height, as a share of a line's: less than 1 where blank lines are drawn short. */
  blankRow?: number;
}

export interface TypeBounds {
  min: number;
  max: number;
  /**
   * Whether a few long lines may wrap where that makes the type larger than the longest line
   * whole would (in front of a class, where size is what reads from the back of the room):
   * still no larger than keeps nine lines in ten whole.
   */
  wrapForSize?: boolean;
}

export interface CodeFit {
  /** The type size, in pixels. */
  size: number;
  /** Whether some line is longer than the box is wide at that size. */
  wraps: boolean;
}

/** Type sizes are chosen in steps of this many pixels: a box a pixel larger changes nothing. */
export const STEP = 0.25;

const floorStep = (size: number) => Math.floor(size / STEP) * STEP;

/**
 * How many screen rows a line takes at a type size: one where it fits, else its first row and
 * as many further rows as it needs, each starting two columns inside its indentation (the
 * editor's hanging indent) and filled as word wrapping fills them.
 */
function rowsOf({ width, indent }: LineShape, perRow: number, blank: number): number {
  if (width === 0) return blank;
  if (width <= perRow) return 1;
  const further = Math.max(1, (perRow - indent - 2) * WORD_WRAP_FILL);
  return 1 + Math.ceil((width - perRow * WORD_WRAP_FILL) / further);
}

export function wrappedRows(lines: readonly LineShape[], box: CodeBox, size: number): number {
  const textWidth = box.width - box.gutterEm * size;
  const perRow = Math.max(1, Math.floor(textWidth / (box.charEm * size)));
  const blank = box.blankRow ?? 1;
  return lines.reduce((rows, line) => rows + rowsOf(line, perRow, blank), 0);
}

export function fitCodeType(
  shapes: readonly LineShape[],
  box: CodeBox,
  { min, max, wrapForSize = false }: TypeBounds,
): CodeFit {
  const columns = shapes.map((line) => line.width);
  const longest = Math.max(1, ...columns);
  const blanks = columns.filter((width) => width === 0).length;
  const lines = Math.max(1, columns.length - blanks + blanks * (box.blankRow ?? 1));
  const widthFit = box.width / (longest * box.charEm + box.gutterEm);
  const heightFit = box.height / (lines * box.lineEm);
  const whole = floorStep(Math.min(widthFit, heightFit, max));
  if (whole >= min && !(wrapForSize && whole < floorStep(Math.min(heightFit, max)))) {
    return { size: whole, wraps: false };
  }
  // The longest lines are too long for readable type: wrap them, at the largest size that
  // fits, but no larger than keeps nine lines in ten whole (wrapping hides a program's shape).
  // Where even that would be below readable type, nine lines in ten may take two rows each:
  // the smallest type is the last resort, not the answer to a box with room to spare.
  const byWidth = [...columns].sort((a, b) => b - a);
  const typical = Math.max(1, byWidth[Math.max(1, Math.floor(columns.length / 10))] ?? 1);
  const whole90 = box.width / (typical * box.charEm + box.gutterEm);
  const twoRows = box.width / ((typical / 2) * box.charEm + box.gutterEm);
  const ceiling = Math.min(max, whole90 >= min ? whole90 : twoRows);
  const fits = (size: number) => wrappedRows(shapes, box, size) * box.lineEm * size <= box.height;
  // Where the program fits whole at a readable size, wrapping is taken only where it is larger.
  let size = Math.max(min, whole);
  for (let candidate = floorStep(ceiling); candidate > size; candidate -= STEP) {
    if (fits(candidate)) {
      size = candidate;
      break;
    }
  }
  const textWidth = box.width - box.gutterEm * size;
  return { size, wraps: longest * box.charEm * size > textWidth };
}
