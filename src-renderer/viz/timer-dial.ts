/**
 * The timer wheel: a dial of virtual time, 0 at the top, with the loop's clock as its hand.
 * Each timer in the heap sits at its deadline; timers due at the same moment stack outwards
 * in heap order. The rim shows where the loop waited (grey) and where it was blocked (red).
 */
import { arc, scaleLinear, select, type ScaleLinear } from 'd3';
import './d3-transitions.ts';
import type { TimeSpan } from '../replay/timeline.ts';
import { roundTime, type TimerEntry } from '../replay/view-model.ts';

export interface DialTimer extends TimerEntry {
  color: string;
}

export interface DialData {
  now: number;
  /** The time one full turn of the dial covers. */
  span: number;
  timers: readonly DialTimer[];
  /** Waits and blocks up to now. */
  spans: readonly TimeSpan[];
  blocked: boolean;
  formatTime: (seconds: number) => string;
  nowLabel: string;
}

export interface Size {
  width: number;
  height: number;
}

/** A size, and the font size of the text drawn in it, in pixels. */
export interface TextSize extends Size {
  fontSize: number;
}

/** Timers at most this far apart on the rim (in turns) share a stack. */
const STACK_GAP = 0.015;
/** Up to this many timers are drawn one by one, with their heap index; more are a crowd of dots. */
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

interface Geometry {
  width: number;
  height: number;
  fontSize: number;
  radius: number;
  span: number;
  /** Angle of a time on the dial, in radians from the top. */
  turn: ScaleLinear<number, number>;
  point: (time: number, r: number) => [number, number];
}

function createGeometry(span: number, { width, height, fontSize }: TextSize): Geometry {
  // Room outside the rim for the tick labels, which grow with the type: a label ("0.25 s") is
  // wider than it is tall, so the dial needs more room at its sides than above and below.
  const sideRoom = 8 + fontSize * 2.2;
  const topRoom = 8 + fontSize * 1.5;
  const radius = Math.max(30, Math.min(width / 2 - sideRoom, height / 2 - topRoom));
  const turn = scaleLinear()
    .domain([0, span])
    .range([0, 2 * Math.PI])
    .clamp(true);
  const point = (t: number, r: number): [number, number] => [
    Math.sin(turn(t)) * r,
    -Math.cos(turn(t)) * r,
  ];
  return { width, height, fontSize, radius, span, turn, point };
}

/** A round number of seconds that `max` fits in: one turn of the dial. */
export function dialSpan(max: number): number {
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
}

export function renderTimerDial(
  svg: SVGSVGElement,
  data: DialData,
  size: TextSize,
  motionMs: number,
): void {
  const geometry = createGeometry(data.span, size);
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
  drawFace(part('face'), geometry, data.formatTime);
  drawHistory(part('history'), geometry, data);
  const crowded = data.timers.length > MARKER_LIMIT;
  drawMarkers(part('markers'), geometry, crowded ? [] : data, motionMs);
  drawCrowd(part('crowd'), geometry, crowded ? data.timers : []);
  drawHand(svg, part('hand'), geometry, data, motionMs);
}

/** The face, its ticks and their times: they change only with the dial's size and span. */
function drawFace(
  node: SVGGElement,
  { radius, span, fontSize, turn, point }: Geometry,
  formatTime: (seconds: number) => string,
): void {
  if (!changed(node, `${radius}|${span}|${fontSize}|${formatTime(span)}`)) return;
  const layer = select(node);
  layer
    .selectAll('circle.face')
    .data([null])
    .join('circle')
    .attr('class', 'face')
    .attr('r', radius);
  const ticks = turn.ticks(10).filter((t) => t < span);
  layer
    .selectAll<SVGLineElement, number>('line.tick')
    .data(ticks)
    .join('line')
    .attr('class', 'tick')
    .attr('x1', (t) => point(t, radius)[0])
    .attr('y1', (t) => point(t, radius)[1])
    .attr('x2', (t) => point(t, radius - 8)[0])
    .attr('y2', (t) => point(t, radius - 8)[1]);
  const labelRadius = radius + 8 + fontSize * 1.1;
  layer
    .selectAll<SVGTextElement, number>('text.tick-label')
    .data(ticks)
    .join('text')
    .attr('class', 'tick-label')
    .attr('x', (t) => point(t, labelRadius)[0])
    .attr('y', (t) => point(t, labelRadius)[1])
    .attr('dy', '0.35em')
    .text((t) => formatTime(t));
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

/** Stack level of each timer: by deadline, then heap order, crowded ones further out. */
function stackLevels(timers: readonly DialTimer[], span: number): Map<number, number> {
  const sorted = [...timers].sort((a, b) => a.when - b.when || a.heapIndex - b.heapIndex);
  const levels = new Map<number, number>();
  let anchor = -Infinity;
  let level = 0;
  for (const timer of sorted) {
    if ((timer.when - anchor) / span <= STACK_GAP) level++;
    else {
      anchor = timer.when;
      level = 0;
    }
    levels.set(timer.id, level);
  }
  return levels;
}

/**
 * A few timers, one marker each: a disc with the timer's heap index and, when there are very
 * few, its owner and deadline. Markers move to their places when motion is wanted.
 */
function drawMarkers(
  node: SVGGElement,
  geometry: Geometry,
  data: DialData | [],
  motionMs: number,
): void {
  const timers = Array.isArray(data) ? [] : data.timers;
  const formatTime = Array.isArray(data) ? String : data.formatTime;
  const { width, fontSize, radius, span, point } = geometry;
  const levels = stackLevels(timers, span);
  // A marker holds its heap index, written in the dial's type.
  const markerRadius = Math.max(11, fontSize * 0.8);
  const ringOf = (timer: DialTimer) =>
    radius - 13 - markerRadius - (levels.get(timer.id) ?? 0) * (markerRadius * 2 + 3);
  const labelled = timers.length <= LABEL_LIMIT;
  const labelOf = (d: DialTimer) => `${d.ownerName ?? d.label} · ${formatTime(d.when)}`;
  const sides = labelled
    ? placeLabels(timers, geometry, (d) => ({
        text: labelOf(d),
        at: point(d.when, ringOf(d)),
        markerRadius,
      }))
    : new Map<number, LabelSide>();
  // A marker is redrawn only when what it shows changed.
  const keyOf = (d: DialTimer) =>
    `${d.when}|${d.heapIndex}|${d.cancelled}|${levels.get(d.id)}|${d.color}|${radius}|${width}|${fontSize}|${span}|${sides.get(d.id) ?? ''}|${labelled ? labelOf(d) : ''}`;
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

type LabelSide = 'left' | 'right';

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Which side of its marker each timer's label goes, in heap order: away from the centre where
 * the face is free, else towards it; a label that fits nowhere (inside the picture, clear of
 * the other labels and of the clock's reading) is left out: the heap's list says the same.
 */
function placeLabels(
  timers: readonly DialTimer[],
  { width, height, fontSize, radius, turn }: Geometry,
  labelOf: (timer: DialTimer) => { text: string; at: [number, number]; markerRadius: number },
): Map<number, LabelSide> {
  const lineHeight = fontSize * 1.2;
  const placed: Box[] = [
    // The clock's reading, below the hand's pivot (see drawHand).
    {
      left: -radius * 0.75,
      right: radius * 0.75,
      top: radius * 0.45 - fontSize,
      bottom: radius * 0.45 + fontSize,
    },
  ];
  const sides = new Map<number, LabelSide>();
  for (const timer of [...timers].sort((a, b) => a.heapIndex - b.heapIndex)) {
    const { text, at, markerRadius } = labelOf(timer);
    const [x, y] = at;
    const length = text.length * fontSize * 0.56;
    const outward: LabelSide = turn(timer.when) > Math.PI ? 'left' : 'right';
    for (const side of [outward, outward === 'left' ? 'right' : 'left'] as const) {
      const start = side === 'left' ? x - markerRadius - 4 - length : x + markerRadius + 4;
      const box = {
        left: start,
        right: start + length,
        top: y - lineHeight / 2,
        bottom: y + lineHeight / 2,
      };
      const inside =
        box.left >= -width / 2 &&
        box.right <= width / 2 &&
        box.top >= -height / 2 &&
        box.bottom <= height / 2;
      if (inside && !placed.some((other) => overlaps(box, other))) {
        placed.push(box);
        sides.set(timer.id, side);
        break;
      }
    }
  }
  return sides;
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

/** The hand sweeps ahead when the clock jumps; below its pivot, the clock's reading. */
function drawHand(
  svg: SVGSVGElement,
  node: SVGGElement,
  { radius, fontSize, turn }: Geometry,
  data: DialData,
  motionMs: number,
): void {
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

  // As large as it can be inside the face.
  const now = `${data.nowLabel} ${data.formatTime(data.now)}`;
  const nowSize = Math.min(fontSize * 1.3, (radius * 1.5) / (now.length * 0.58));
  layer
    .selectAll('text.now')
    .data([null])
    .join('text')
    .attr('class', 'now')
    .attr('y', radius * 0.45)
    .attr('dy', '0.35em')
    .style('font-size', `${nowSize}px`)
    .text(now);
}
