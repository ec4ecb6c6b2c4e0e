/**
 * Arrows between boxes on screen: the why-arrows across the views and the await arrows
 * between task cards. Each arrow leaves its source's border and stops a few pixels short of
 * its target's, bowed a little so that arrows between neighbours stay visible, with a halo
 * under the stroke and its label, so that it never covers what it points at.
 */
import { select } from 'd3';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Arrow {
  /** Unique among the arrows drawn together. */
  id: string;
  from: Box;
  to: Box;
  color: string;
  /** Drawn dashed: a relation that lasts (awaiting), rather than one event's cause. */
  dashed: boolean;
  label: string | null;
  /** Where the arrow may be seen: outside it, it is clipped (a scrolled list). */
  clip: Box | null;
}

/** How far from a box's border an arrow starts and ends. */
const GAP = 3;
const HEAD = 9;

function center(box: Box): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Where the ray from the box's center towards `toward` leaves the box, moved `gap` further
 * out: the end of an arrow that touches the box without covering it.
 */
export function borderPoint(box: Box, toward: Point, gap = GAP): Point {
  const c = center(box);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const sx = dx === 0 ? Infinity : (box.width / 2 + gap) / Math.abs(dx);
  const sy = dy === 0 ? Infinity : (box.height / 2 + gap) / Math.abs(dy);
  const s = Math.min(sx, sy);
  return { x: c.x + dx * s, y: c.y + dy * s };
}

export interface ArrowShape {
  /** The curve, as an SVG path. */
  path: string;
  /** The arrowhead, a triangle at the target. */
  head: string;
  /** The middle of the curve. */
  middle: Point;
  /** The point a fraction `t` (0 to 1) of the way along the curve. */
  at(t: number): Point;
}

/** How far an arrow between neighbours bows out of their edges. */
const BOW_NEAR = 22;

/** The shape of a quadratic curve from `start` through `control` to `end`, with its head. */
function curveShape(start: Point, control: Point, end: Point): ArrowShape {
  // The head points along the curve's tangent at its end (from the control point).
  const tx = end.x - control.x;
  const ty = end.y - control.y;
  const tl = Math.hypot(tx, ty) || 1;
  const ux = tx / tl;
  const uy = ty / tl;
  const base = { x: end.x - ux * HEAD, y: end.y - uy * HEAD };
  const wing = HEAD * 0.55;
  const head = [
    `M${end.x},${end.y}`,
    `L${base.x - uy * wing},${base.y + ux * wing}`,
    `L${base.x + uy * wing},${base.y - ux * wing}`,
    'Z',
  ].join('');
  const curveEnd = { x: end.x - ux * (HEAD - 2), y: end.y - uy * (HEAD - 2) };
  return {
    path: `M${start.x},${start.y}Q${control.x},${control.y} ${curveEnd.x},${curveEnd.y}`,
    head,
    middle: {
      x: 0.25 * start.x + 0.5 * control.x + 0.25 * curveEnd.x,
      y: 0.25 * start.y + 0.5 * control.y + 0.25 * curveEnd.y,
    },
    at: (t) => ({
      x: (1 - t) ** 2 * start.x + 2 * (1 - t) * t * control.x + t ** 2 * curveEnd.x,
      y: (1 - t) ** 2 * start.y + 2 * (1 - t) * t * control.y + t ** 2 * curveEnd.y,
    }),
  };
}

/** Where along an arrow its label may sit, most wanted first: the middle, then outwards. */
const LABEL_PLACES = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78];
/** Room kept between a label and the text around it. */
const LABEL_MARGIN = 2;

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where a label may stand off its arrow when no place on it is clear: up to eight lines above
 * or below (a short arrow between two crowded views, on a 4:3 projector, may find its clear
 * place only past the card it leaves), up to its own width aside, nearest first.
 */
const LABEL_REACH = 8;
const LABEL_SHIFTS = Array.from({ length: 2 * LABEL_REACH + 1 }, (_, i) => i - LABEL_REACH)
  .flatMap((lines) => [-1, -0.5, 0, 0.5, 1].map((widths) => ({ lines, widths })))
  .sort((a, b) => Math.hypot(a.lines, a.widths * 2) - Math.hypot(b.lines, b.widths * 2));

/**
 * The center of a label `width` × `height` by the arrow: the first place along it where the
 * label covers none of `obstacles` (the text on screen, the labels placed before it) and
 * stays inside `bounds`; else the nearest such place a few lines above or below or aside, since
 * a label written over a heading's text is read as neither; else where it covers the least.
 */
export function placeLabel(
  shape: Pick<ArrowShape, 'at'>,
  width: number,
  height: number,
  obstacles: readonly Box[],
  bounds: Box | null = null,
): Point {
  let best: { point: Point; covered: number } | null = null;
  const boxAt = (point: Point): Box => ({
    x: point.x - width / 2 - LABEL_MARGIN,
    y: point.y - height / 2 - LABEL_MARGIN,
    width: width + 2 * LABEL_MARGIN,
    height: height + 2 * LABEL_MARGIN,
  });
  const inside = (box: Box) =>
    bounds === null ||
    (box.x >= bounds.x &&
      box.y >= bounds.y &&
      box.x + box.width <= bounds.x + bounds.width &&
      box.y + box.height <= bounds.y + bounds.height);
  for (const shift of LABEL_SHIFTS) {
    for (const t of LABEL_PLACES) {
      const on = shape.at(t);
      const point = {
        x: on.x + shift.widths * width,
        y: on.y + shift.lines * (height + 2 * LABEL_MARGIN),
      };
      const box = boxAt(point);
      if (!inside(box)) continue;
      const covered = obstacles.reduce((sum, obstacle) => sum + overlap(box, obstacle), 0);
      if (covered === 0) return point;
      // Less by a pixel or more: rounding alone does not move the label off the middle.
      const onArrow = shift.lines === 0 && shift.widths === 0;
      if (onArrow && (!best || covered < best.covered - 1)) best = { point, covered };
    }
  }
  return best?.point ?? shape.at(0.5);
}

/** Boxes whose edges are this close line up: cards in one column, or in one row, of a grid. */
const ALIGNED = 16;

/** How many points along a curve are tried against the text it would cross. */
const ROUTE_SAMPLES = 32;

/** How many of `samples` points along `shape` lie on text: the fewer, the better its route. */
export function textCrossings(
  shape: Pick<ArrowShape, 'at'>,
  obstacles: readonly Box[],
  samples = ROUTE_SAMPLES,
): number {
  let count = 0;
  for (let i = 1; i < samples; i++) {
    const point = shape.at(i / samples);
    if (obstacles.some((box) => containsPoint(box, point))) count++;
  }
  return count;
}

function containsPoint(box: Box, point: Point): boolean {
  return (
    point.x > box.x &&
    point.x < box.x + box.width &&
    point.y > box.y &&
    point.y < box.y + box.height
  );
}

/**
 * The shape of an arrow from box `from` to box `to`. Boxes in one column (cards in a grid)
 * are joined round their right edges, boxes in one row over their top edges, so that the
 * arrow crosses no box between them; other boxes by a curve across, bowed to its left, or to
 * its right, or further, whichever crosses the least of `obstacles` (the text on screen).
 */
export function arrowShape(from: Box, to: Box, obstacles: readonly Box[] = []): ArrowShape {
  const a = center(from);
  const b = center(to);
  if (
    Math.abs(from.x - to.x) < ALIGNED &&
    Math.abs(from.x + from.width - (to.x + to.width)) < ALIGNED
  ) {
    const start = { x: from.x + from.width + GAP, y: a.y };
    const end = { x: to.x + to.width + GAP + 1, y: b.y };
    const control = { x: Math.max(start.x, end.x) + BOW_NEAR, y: (start.y + end.y) / 2 };
    return curveShape(start, control, end);
  }
  if (Math.abs(from.y - to.y) < ALIGNED) {
    const direction = Math.sign(b.x - a.x) || 1;
    const start = { x: a.x + (direction * from.width) / 4, y: from.y - GAP };
    const end = { x: b.x - (direction * to.width) / 4, y: to.y - GAP - 1 };
    const control = { x: (start.x + end.x) / 2, y: Math.min(start.y, end.y) - BOW_NEAR };
    return curveShape(start, control, end);
  }
  const start = borderPoint(from, b);
  const end = borderPoint(to, a, GAP + 1);
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const length = Math.hypot(dx, dy) || 1;
  const bow = Math.min(36, 10 + length * 0.18);
  const bowed = (by: number) =>
    curveShape(
      start,
      {
        x: (start.x + end.x) / 2 - (dy / length) * by,
        y: (start.y + end.y) / 2 + (dx / length) * by,
      },
      end,
    );
  const usual = bowed(bow);
  if (obstacles.length === 0) return usual;
  // The usual bow unless another crosses less text: what is left is masked (renderArrows).
  let best = { shape: usual, crossings: textCrossings(usual, obstacles) };
  for (const by of [-bow, 2 * bow, -2 * bow, 3.5 * bow, -3.5 * bow]) {
    if (best.crossings === 0) break;
    const shape = bowed(by);
    const crossings = textCrossings(shape, obstacles);
    if (crossings < best.crossings) best = { shape, crossings };
  }
  return best.shape;
}

/** Room kept clear of an arrow's line around each text it would cross. */
const TEXT_CLEARANCE = 1;

/**
 * Draws `arrows` into `group`, in the coordinates of the window; what was there is replaced.
 * `obstacles` are the boxes of the text on screen: each arrow takes the route that crosses
 * the least of them, its line is masked where it still crosses one (a line through a word
 * makes it hard to read from the back of a room), and labels are placed off them, inside
 * `bounds`.
 */
export function renderArrows(
  group: SVGGElement,
  arrows: readonly Arrow[],
  obstacles: readonly Box[] = [],
  bounds: Box | null = null,
): void {
  const root = select(group);
  const defs = root.selectAll('defs').data([null]).join('defs');
  // One mask for every line: the window, less the text on it.
  const hasMask = obstacles.length > 0 && bounds !== null;
  const mask = defs
    .selectAll<SVGMaskElement, null>('mask')
    .data(hasMask ? [null] : [])
    .join((enter) => {
      const mask = enter.append('mask').attr('id', 'arrow-text-mask');
      mask.attr('maskUnits', 'userSpaceOnUse');
      mask.append('rect').attr('class', 'window').attr('fill', 'white');
      return mask;
    });
  if (hasMask && bounds) {
    mask
      .attr('x', bounds.x)
      .attr('y', bounds.y)
      .attr('width', bounds.width)
      .attr('height', bounds.height);
    mask
      .select('rect.window')
      .attr('x', bounds.x)
      .attr('y', bounds.y)
      .attr('width', bounds.width)
      .attr('height', bounds.height);
    mask
      .selectAll<SVGRectElement, Box>('rect.text')
      .data(obstacles)
      .join('rect')
      .attr('class', 'text')
      .attr('fill', 'black')
      .attr('x', (box) => box.x - TEXT_CLEARANCE)
      .attr('y', (box) => box.y - TEXT_CLEARANCE)
      .attr('width', (box) => box.width + 2 * TEXT_CLEARANCE)
      .attr('height', (box) => box.height + 2 * TEXT_CLEARANCE);
  }
  const clips = defs
    .selectAll<SVGClipPathElement, Arrow>('clipPath')
    .data(
      arrows.filter((a) => a.clip !== null),
      (a) => a.id,
    )
    .join((enter) => {
      const clip = enter.append('clipPath');
      clip.append('rect');
      return clip;
    })
    .attr('id', (a) => `arrow-clip-${a.id}`);
  clips
    .select('rect')
    .attr('x', (a) => a.clip?.x ?? 0)
    .attr('y', (a) => a.clip?.y ?? 0)
    .attr('width', (a) => a.clip?.width ?? 0)
    .attr('height', (a) => a.clip?.height ?? 0);

  const groups = root
    .selectAll<SVGGElement, Arrow>('g.arrow')
    .data(arrows, (a) => a.id)
    .join((enter) => {
      const group = enter.append('g').attr('class', 'arrow');
      group.append('path').attr('class', 'halo');
      group.append('path').attr('class', 'line');
      group.append('path').attr('class', 'head');
      group.append('text').attr('class', 'label');
      return group;
    })
    .attr('data-arrow', (a) => a.id)
    .classed('dashed', (a) => a.dashed)
    .attr('clip-path', (a) => (a.clip ? `url(#arrow-clip-${a.id})` : null))
    .style('--color', (a) => a.color);
  const shapes = new Map(arrows.map((a) => [a.id, arrowShape(a.from, a.to, obstacles)]));
  const shape = (a: Arrow): ArrowShape => {
    const found = shapes.get(a.id);
    if (!found) throw new Error(`The arrow ${a.id} has no shape.`);
    return found;
  };
  const masked = hasMask ? 'url(#arrow-text-mask)' : null;
  groups
    .select('path.halo')
    .attr('d', (a) => shape(a).path)
    .attr('mask', masked);
  groups
    .select('path.line')
    .attr('d', (a) => shape(a).path)
    .attr('mask', masked);
  groups.select('path.head').attr('d', (a) => shape(a).head);
  // Each label keeps off the text on screen and off the labels placed before it.
  const taken = [...obstacles];
  groups
    .select<SVGTextElement>('text.label')
    .attr('dy', '0.35em')
    .text((a) => a.label ?? '')
    .each(function (a) {
      const height = parseFloat(getComputedStyle(this).fontSize) * 1.2 || 16;
      const width = a.label ? this.getComputedTextLength() : 0;
      const point = placeLabel(shape(a), width, height, taken, bounds);
      if (a.label) {
        taken.push({ x: point.x - width / 2, y: point.y - height / 2, width, height });
      }
      this.setAttribute('x', String(point.x));
      this.setAttribute('y', String(point.y));
    });
}
