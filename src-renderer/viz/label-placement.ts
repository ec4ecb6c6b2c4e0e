/**
 * Placing labels so that none covers another: boxes, their overlap, the side of its mark a
 * label goes to, and how many ticks a scale can carry with their labels apart. Pure geometry,
 * in the picture's pixels, with y growing downwards.
 */

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Whether two boxes share some area (touching edges do not count). */
export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Whether `inner` lies wholly inside `outer`. */
export function contains(outer: Box, inner: Box): boolean {
  return (
    inner.left >= outer.left &&
    inner.right <= outer.right &&
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom
  );
}

/** A box of `width` × `height` centred on a point. */
export function centredBox(x: number, y: number, width: number, height: number): Box {
  return { left: x - width / 2, right: x + width / 2, top: y - height / 2, bottom: y + height / 2 };
}

export type LabelSide = 'left' | 'right';

/** A label wanted beside a round mark. */
export interface SideLabel {
  id: number;
  /** The mark's centre. */
  x: number;
  y: number;
  /** How far from the centre the label starts: the mark's radius and a gap. */
  offset: number;
  /** The label's size. */
  width: number;
  height: number;
  /** The side tried first: usually away from the picture's centre. */
  preferred: LabelSide;
}

export interface PlacedLabel {
  side: LabelSide;
  box: Box;
}

function sideBox(label: SideLabel, side: LabelSide): Box {
  const left = side === 'left' ? label.x - label.offset - label.width : label.x + label.offset;
  return {
    left,
    right: left + label.width,
    top: label.y - label.height / 2,
    bottom: label.y + label.height / 2,
  };
}

/**
 * Places labels in the order given (the first are the most important): each on its preferred
 * side, else on the other, wherever it lies inside `frame` and clear of `obstacles` and of the
 * labels placed before it. A label that fits nowhere is left out: the caller says the same
 * elsewhere (the timer heap's list says what the dial's labels say).
 */
export function placeSideLabels(
  labels: readonly SideLabel[],
  frame: Box,
  obstacles: readonly Box[] = [],
): Map<number, PlacedLabel> {
  const taken = [...obstacles];
  const placed = new Map<number, PlacedLabel>();
  for (const label of labels) {
    const other: LabelSide = label.preferred === 'left' ? 'right' : 'left';
    for (const side of [label.preferred, other]) {
      const box = sideBox(label, side);
      if (contains(frame, box) && !taken.some((box2) => overlaps(box, box2))) {
        taken.push(box);
        placed.set(label.id, { side, box });
        break;
      }
    }
  }
  return placed;
}

/** Whether no two of the boxes overlap. */
export function allApart(boxes: readonly Box[]): boolean {
  return boxes.every((box, i) => boxes.slice(i + 1).every((other) => !overlaps(box, other)));
}

/**
 * The most ticks a scale can carry with their labels apart (and wherever else `fits` wants
 * them): tries each count, from the most wanted, and keeps the first that fits, else only the
 * first tick.
 */
export function pickTicks(
  counts: readonly number[],
  ticksFor: (count: number) => readonly number[],
  fits: (ticks: readonly number[]) => boolean,
): readonly number[] {
  for (const count of counts) {
    const ticks = ticksFor(count);
    if (fits(ticks)) return ticks;
  }
  return ticksFor(1).slice(0, 1);
}
