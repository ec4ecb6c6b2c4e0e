/**
 * The timer wheel: a dial of virtual time, 0 at the top, with the loop's clock as its hand.
 * Each timer in the heap sits at its deadline; timers due at the same moment stack inwards
 * in heap order. The rim shows where the loop waited (grey) and where it was blocked (red).
 */
import { arc, select } from 'd3';
import { assertExists } from '../../src-shared/assert.ts';
import './d3-transitions.ts';
import type { TimeSpan } from '../replay/timeline.ts';
import { roundTime, timerName } from '../replay/view-model.ts';
import {
  createGeometry,
  type DialData,
  type DialTimer,
  type Geometry,
  type TextSize,
  type TickLabel,
} from './dial-geometry.ts';
import {
  centredBox,
  overlaps,
  placeSideLabels,
  type Box,
  type LabelSide,
  type SideLabel,
} from './label-placement.ts';

/** Timers at most this far apart on the rim (in turns) share a stack. */
const STACK_GAP = 0.015;
/**
 * Up to this many timers are drawn one by one, with their heap index, where their discs fit
 * apart; more, or more than fit, are a crowd of dots.
 */
const MARKER_LIMIT = 60;
/** Up to this many timers carry their owner's name and deadline. */
const LABEL_LIMIT = 8;
/** What each part of the dial was last drawn with: a part whose key did not change is left as it is. */
const drawn = new WeakMap<Element, string>();

/** Whether `element` must be drawn again for `key`; remembers the key. */
function changed(element: Element, key: string): boolean {
  if (drawn.get(element) === key) return false;
  drawn.set(element, key);
  return true;
}

/** Draws the dial; returns whether the clock's reading is in its face (else the caller writes it). */
export function renderTimerDial(
  svg: SVGSVGElement,
  data: DialData,
  size: TextSize,
  motionMs: number,
): boolean {
  const geometry = createGeometry(data, size);
  const { width, height } = geometry;
  const root = select(svg);
  if (changed(svg, `${width}|${height}`)) {
    root.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
  }
  const g = root
    .selectAll<SVGGElement, null>('g.dial')
    .data([null])
    .join((enter) => {
      const group = enter.append('g').attr('class', 'dial');
      // Drawn in this order, bottom to top.
      for (const part of ['face', 'history', 'markers', 'crowd', 'hand']) {
        group.append('g').attr('class', `${part}-layer`);
      }
      return group;
    })
    .attr('transform', `translate(${width / 2},${height / 2})`);
  const part = (name: string) => g.select<SVGGElement>(`g.${name}-layer`).node() as SVGGElement;
  drawFace(part('face'), geometry);
  drawHistory(part('history'), geometry, data);
  const laid = data.timers.length > MARKER_LIMIT ? null : layoutMarkers(geometry, data.timers);
  const crowded = laid === null;
  const markers = laid ?? assertExists(layoutMarkers(geometry, []), 'no timers always fit');
  const now = nowLayout(geometry, data, markers.discs);
  const obstacles = now ? [now.box] : [];
  drawMarkers(part('markers'), geometry, crowded ? [] : data, markers, obstacles, motionMs);
  drawCrowd(part('crowd'), geometry, crowded ? data.timers : []);
  drawHand(svg, part('hand'), geometry, data, now, motionMs);
  return now !== null;
}

/** The face, its ticks and their times: they change only with the dial's size and span. */
function drawFace(node: SVGGElement, geometry: Geometry): void {
  const { radius, fontSize, point, tickLabels, tickMarks } = geometry;
  const texts = tickLabels.map((label) => label.text).join('|');
  if (!changed(node, `${radius}|${fontSize}|${texts}|${tickMarks.join(',')}|${geometry.width}`))
    return;
  const layer = select(node);
  layer
    .selectAll('circle.face')
    .data([null])
    .join('circle')
    .attr('class', 'face')
    .attr('r', radius);
  layer
    .selectAll<SVGLineElement, number>('line.tick')
    .data(tickMarks)
    .join('line')
    .attr('class', 'tick')
    .attr('x1', (d) => point(d, radius)[0])
    .attr('y1', (d) => point(d, radius)[1])
    .attr('x2', (d) => point(d, radius - 8)[0])
    .attr('y2', (d) => point(d, radius - 8)[1]);
  layer
    .selectAll<SVGTextElement, TickLabel>('text.tick-label')
    .data(tickLabels)
    .join('text')
    .attr('class', 'tick-label')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('dy', '0.35em')
    .text((d) => d.text);
}

/** The history on the rim: time passed, waited, blocked. */
function drawHistory(node: SVGGElement, geometry: Geometry, data: DialData): void {
  const { radius, span, turn } = geometry;
  const band = arc<{ from: number; until: number }>()
    .innerRadius(radius - 5)
    .outerRadius(radius + 5)
    .startAngle((d) => turn(d.from))
    .endAngle((d) => turn(d.until));
  const layer = select(node);
  layer
    .selectAll<SVGPathElement, { from: number; until: number }>('path.elapsed')
    .data(data.now > 0 ? [{ from: 0, until: data.now }] : [])
    .join('path')
    .attr('class', 'elapsed')
    .attr('d', band);
  // Spans only ever join the end of the list as the playhead moves on: their count says it all.
  if (!changed(node, `${radius}|${span}|${data.spans.length}`)) return;
  layer
    .selectAll<SVGPathElement, TimeSpan>('path.span')
    .data(data.spans.filter((s) => s.until > s.from))
    .join('path')
    .attr('class', (d) => `span ${d.kind}`)
    .attr('d', band);
}

/**
 * Stack level of each timer: by deadline, then heap order, crowded ones further out. Timers
 * closer than `gap` (in turns of the dial) to the first of a stack join it.
 */
function stackLevels(
  timers: readonly DialTimer[],
  span: number,
  gap = STACK_GAP,
): Map<number, number> {
  const sorted = [...timers].sort((a, b) => a.when - b.when || a.heapIndex - b.heapIndex);
  const levels = new Map<number, number>();
  let anchor = -Infinity;
  let level = 0;
  for (const timer of sorted) {
    if ((timer.when - anchor) / span <= gap) level++;
    else {
      anchor = timer.when;
      level = 0;
    }
    levels.set(timer.id, level);
  }
  return levels;
}

/** Where each timer's marker is: its ring (stacked inwards from the rim) and its disc. */
interface MarkerLayout {
  markerRadius: number;
  ringOf: (timer: DialTimer) => number;
  discs: Box[];
}

/**
 * Each timer's disc at its deadline, on the outermost ring where it covers no disc placed
 * before it (timers in deadline order, then heap order): timers due at the same moment, or
 * too close for their discs, stack inwards. The rings stop short of the pivot, so that a deep
 * stack never reaches across it to the other side of the dial. Null where some timer finds no
 * free place: numbered discs over each other cannot be read, and the dial draws a crowd of
 * dots instead (the heap's list beside it numbers them).
 */
function layoutMarkers(geometry: Geometry, timers: readonly DialTimer[]): MarkerLayout | null {
  const { fontSize, radius, point } = geometry;
  // A marker holds its heap index, written in the dial's type.
  const markerRadius = Math.max(11, fontSize * 0.8);
  const outer = radius - 13 - markerRadius;
  const spacing = markerRadius * 2 + 3;
  const innermost = markerRadius * 1.5;
  const levels = Math.max(1, Math.floor((outer - innermost) / spacing) + 1);
  const apart = (markerRadius * 2 + 1) ** 2;
  const rings = new Map<number, number>();
  const centres: [number, number][] = [];
  const sorted = [...timers].sort((a, b) => a.when - b.when || a.heapIndex - b.heapIndex);
  for (const timer of sorted) {
    let placed = false;
    for (let level = 0; level < levels && !placed; level++) {
      const ring = Math.max(1, outer - level * spacing);
      const [x, y] = point(timer.when, ring);
      if (centres.every(([cx, cy]) => (cx - x) ** 2 + (cy - y) ** 2 >= apart)) {
        rings.set(timer.id, ring);
        centres.push([x, y]);
        placed = true;
      }
    }
    if (!placed) return null;
  }
  const ringOf = (timer: DialTimer) => rings.get(timer.id) ?? outer;
  const discs = timers.map((timer) => {
    const [x, y] = point(timer.when, ringOf(timer));
    return centredBox(x, y, markerRadius * 2, markerRadius * 2);
  });
  return { markerRadius, ringOf, discs };
}

/**
 * A few timers, one marker each: a disc with the timer's heap index and, when there are very
 * few, its owner and deadline. Markers move to their places when motion is wanted.
 */
function drawMarkers(
  node: SVGGElement,
  geometry: Geometry,
  data: DialData | [],
  { markerRadius, ringOf, discs }: MarkerLayout,
  around: readonly Box[],
  motionMs: number,
): void {
  const timers = Array.isArray(data) ? [] : data.timers;
  const formatTime = Array.isArray(data) ? String : data.formatTime;
  const { width, fontSize, radius, span, point } = geometry;
  const labelled = timers.length <= LABEL_LIMIT;
  const labelOf = (d: DialTimer) => `${timerName(d)} · ${formatTime(d.when)}`;
  const sides = new Map<number, LabelSide>();
  if (labelled && !Array.isArray(data)) {
    const lineHeight = fontSize * 1.2;
    // In heap order: the timer due first is labelled first.
    const wanted: SideLabel[] = [...timers]
      .sort((a, b) => a.heapIndex - b.heapIndex)
      .map((d) => {
        const [x, y] = point(d.when, ringOf(d));
        return {
          id: d.id,
          x,
          y,
          offset: markerRadius + 4,
          // Measured in the semi-bold the names are drawn in: wider than the ticks' type.
          width: geometry.boldWidth(labelOf(d)),
          height: lineHeight,
          preferred: geometry.turn(d.when) > Math.PI ? 'left' : 'right',
        };
      });
    const frame = centredBox(0, 0, width, geometry.height);
    const obstacles = [...around, ...geometry.tickLabels.map((label) => label.box), ...discs];
    // A label may lie over its own marker's disc, never over another's.
    for (const [id, placed] of placeSideLabels(wanted, frame, obstacles))
      sides.set(id, placed.side);
  }
  // A marker is redrawn only when what it shows changed.
  const keyOf = (d: DialTimer) =>
    `${d.when}|${d.heapIndex}|${d.cancelled}|${ringOf(d)}|${d.color}|${radius}|${width}|${fontSize}|${span}|${sides.get(d.id) ?? ''}|${labelled ? labelOf(d) : ''}`;
  const markers = select(node)
    .selectAll<SVGGElement, DialTimer>('g.timer')
    .data(timers, (d) => d.id)
    .join(
      (enter) => {
        const group = enter.append('g').attr('class', 'timer').attr('opacity', 0);
        group.append('circle');
        group.append('text').attr('class', 'index').attr('dy', '0.35em');
        group.append('text').attr('class', 'name').attr('dy', '0.35em');
        return group;
      },
      (update) => update,
      (exit) =>
        motionMs > 0
          ? exit.transition().duration(motionMs).attr('opacity', 0).remove()
          : exit.remove(),
    )
    .filter(function (d) {
      return changed(this, keyOf(d));
    })
    .attr('data-handle-id', (d) => d.id)
    .attr('data-when', (d) => roundTime(d.when))
    .attr('data-heap-index', (d) => d.heapIndex)
    .classed('cancelled', (d) => d.cancelled)
    .style('--color', (d) => d.color);
  const opacity = (d: DialTimer) => (d.cancelled ? 0.35 : 1);
  const place = (d: DialTimer) => `translate(${point(d.when, ringOf(d)).join(',')})`;
  if (motionMs > 0) {
    markers.transition().duration(motionMs).attr('opacity', opacity).attr('transform', place);
  } else {
    markers.interrupt().attr('opacity', opacity).attr('transform', place);
  }
  markers.select('circle').attr('r', markerRadius);
  markers.select('text.index').text((d) => String(d.heapIndex));
  markers
    .select<SVGTextElement>('text.name')
    .attr('x', (d) => (sides.get(d.id) === 'left' ? -markerRadius - 4 : markerRadius + 4))
    .attr('text-anchor', (d) => (sides.get(d.id) === 'left' ? 'end' : 'start'))
    .text((d) => (sides.has(d.id) ? labelOf(d) : ''));
}

/**
 * Hundreds of timers: a dot each, stacked inwards from the rim at their deadline, drawn as one
 * path per colour (a thousand elements, each moved on every step, would cost more than a
 * frame; a few paths cost next to nothing). A stack deeper than half the radius goes on as a
 * line, longer the more timers it could not show.
 */
function drawCrowd(
  node: SVGGElement,
  { radius, span, point }: Geometry,
  timers: readonly DialTimer[],
): void {
  const levels = stackLevels(timers, span);
  const dot = 3.5;
  const spacing = dot * 2 + 2;
  const fit = Math.max(1, Math.floor((radius * 0.5) / spacing));
  const ringOf = (level: number) => radius - 13 - dot - level * spacing;
  const groups = new Map<string, { color: string; cancelled: boolean; d: string[] }>();
  /** Timers left out of each stack, by the deadline the stack starts at. */
  const overflow = new Map<number, { when: number; count: number }>();
  let anchor = 0;
  for (const timer of [...timers].sort((a, b) => a.when - b.when || a.heapIndex - b.heapIndex)) {
    const level = levels.get(timer.id) ?? 0;
    if (level === 0) anchor = timer.when;
    if (level >= fit) {
      const left = overflow.get(anchor) ?? { when: anchor, count: 0 };
      left.count++;
      overflow.set(anchor, left);
      continue;
    }
    const key = `${timer.color}|${timer.cancelled}`;
    let group = groups.get(key);
    if (!group) {
      group = { color: timer.color, cancelled: timer.cancelled, d: [] };
      groups.set(key, group);
    }
    const [x, y] = point(timer.when, ringOf(level));
    group.d.push(
      `M${(x - dot).toFixed(1)},${y.toFixed(1)}a${dot},${dot} 0 1,0 ${2 * dot},0a${dot},${dot} 0 1,0 ${-2 * dot},0`,
    );
  }
  const layer = select(node);
  layer.attr('data-count', timers.length > 0 ? timers.length : null);
  layer
    .selectAll<SVGPathElement, { color: string; cancelled: boolean; d: string[] }>('path.dots')
    .data([...groups.values()], (d) => `${d.color}|${d.cancelled}`)
    .join('path')
    .attr('class', 'dots')
    .classed('cancelled', (d) => d.cancelled)
    .style('--color', (d) => d.color)
    .attr('d', (d) => d.d.join(''));
  const tails = [...overflow.values()].map(({ when, count }) => {
    const [x1, y1] = point(when, ringOf(fit - 0.5));
    const [x2, y2] = point(
      when,
      ringOf(fit - 0.5) - Math.min(radius * 0.3, 4 * Math.log2(count + 1)),
    );
    return `M${x1.toFixed(1)},${y1.toFixed(1)}L${x2.toFixed(1)},${y2.toFixed(1)}`;
  });
  layer
    .selectAll('path.more')
    .data(tails.length > 0 ? [tails.join('')] : [])
    .join('path')
    .attr('class', 'more')
    .attr('d', (d) => d);
}

/** Where the clock's reading is drawn: its lines, type size, baseline and box. */
interface NowLayout {
  text: string;
  size: number;
  y: number;
  box: Box;
}

/** Whether the hand, from its pivot to its tip at `angle` (clockwise from 12), crosses a box. */
function handCrosses(angle: number, radius: number, box: Box): boolean {
  // Sampled every few pixels, with the hand's half-width and a little air around the text.
  const pad = 4;
  const samples = Math.ceil(radius / 3);
  for (let i = 0; i <= samples; i++) {
    const r = (radius * i) / samples;
    const x = Math.sin(angle) * r;
    const y = -Math.cos(angle) * r;
    if (x >= box.left - pad && x <= box.right + pad && y >= box.top - pad && y <= box.bottom + pad)
      return true;
  }
  return false;
}

/**
 * The clock's reading, in the face below the pivot, or above it where the hand or timers'
 * markers lie below: on one line, as large as fits, up to a little larger than the dial's
 * type. The hand may cross it only where both places are under it. Where it does not fit on
 * one line at nearly the dial's type, or markers lie on both sides (a small dial), none: the
 * caller writes the reading beside the dial, where it reads whole.
 */
function nowLayout(
  {
    radius,
    fontSize,
    textWidth,
    turn,
  }: Pick<Geometry, 'radius' | 'fontSize' | 'textWidth' | 'turn'>,
  data: DialData,
  discs: readonly Box[],
): NowLayout | null {
  // Measured in the dial's type; the reading is bold, which is about a tenth wider.
  const widthAt = (text: string, size: number) => (textWidth(text) * 1.1 * size) / fontSize;
  const text = `${data.nowLabel} ${data.formatTime(data.now)}`;
  const room = radius * 1.6;
  const widest = widthAt(text, fontSize);
  if (widest * 0.85 > room) return null;
  // As large as fits, up to a little larger than the dial's type.
  const size = Math.min(fontSize * 1.3, (fontSize * room) / widest);
  const width = (widest * size) / fontSize;
  const height = size * 1.2;
  const at = (y: number): NowLayout => {
    const top = y - size * 0.6;
    return {
      text,
      size,
      y,
      box: { left: -width / 2, right: width / 2, top, bottom: top + height },
    };
  };
  const below = at(radius * 0.42);
  const above = at(-radius * 0.42);
  const clear = (layout: NowLayout) => !discs.some((disc) => overlaps(disc, layout.box));
  const angle = turn(data.now);
  const places = [below, above].filter(clear);
  return places.find((place) => !handCrosses(angle, radius, place.box)) ?? places[0] ?? null;
}

function drawHand(
  svg: SVGSVGElement,
  node: SVGGElement,
  geometry: Geometry,
  data: DialData,
  now: NowLayout | null,
  motionMs: number,
): void {
  const { radius, fontSize, turn } = geometry;
  const layer = select(node);
  const hand = layer
    .selectAll<SVGGElement, null>('g.hand')
    .data([null])
    .join((enter) => {
      const group = enter.append('g').attr('class', 'hand');
      group.append('line').attr('x1', 0).attr('y1', 8).attr('x2', 0);
      group.append('circle').attr('r', 6);
      return group;
    })
    .classed('blocked', data.blocked);
  hand.select('line').attr('y2', -(radius - 4));
  const degrees = (turn(data.now) * 180) / Math.PI;
  const previous = Number(svg.dataset.handDegrees ?? degrees);
  svg.dataset.handDegrees = String(degrees);
  if (previous === degrees || motionMs === 0) {
    hand.interrupt().attr('transform', `rotate(${degrees})`);
  } else {
    hand
      .interrupt()
      .attr('transform', `rotate(${previous})`)
      .transition()
      .duration(motionMs * 1.5)
      .attr('transform', `rotate(${degrees})`);
  }

  // A loop that only computes sets no timer and lets no time pass: the face says so, over the
  // hand, where it fits above the clock's reading (the heap's list says it too).
  const idle = data.idleLabel;
  const idleY = -radius * 0.4;
  const idleFits =
    idle !== null &&
    geometry.textWidth(idle) <= radius * 1.5 &&
    idleY + fontSize * 0.7 <= (now?.box.top ?? radius);
  layer
    .selectAll('text.idle')
    .data(idleFits ? [idle] : [])
    .join('text')
    .attr('class', 'idle')
    .attr('y', idleY)
    .attr('dy', '0.35em')
    .text((d) => d);
  layer
    .selectAll<SVGTextElement, NowLayout>('text.now')
    .data(now ? [now] : [])
    .join('text')
    .attr('class', 'now')
    .attr('y', (d) => d.y)
    .attr('dy', '0.35em')
    .style('font-size', (d) => `${d.size}px`)
    .text((d) => d.text);
}

export {
  dialSpan,
  type DialData,
  type DialTimer,
  type Size,
  type TextSize,
} from './dial-geometry.ts';
