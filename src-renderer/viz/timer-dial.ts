/**
 * The timer wheel: a dial of virtual time, 0 at the top, with the loop's clock as its hand.
 * Each timer in the heap sits at its deadline; timers due at the same moment stack outwards
 * in heap order. The rim shows where the loop waited (grey) and where it was blocked (red).
 */
import { arc, scaleLinear, select } from 'd3';
import './d3-transitions.ts';
import type { TimeSpan } from '../replay/timeline.ts';
import { roundTime, type TimerEntry } from '../replay/views.ts';

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

/** Timers at most this far apart on the rim (in turns) share a stack. */
const STACK_GAP = 0.015;
/** What each timer marker was last drawn with. */
const drawn = new WeakMap<SVGGElement, string>();
const LABEL_LIMIT = 8;

/** A round number of seconds that `max` fits in: one turn of the dial. */
export function dialSpan(max: number): number {
  if (max <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * magnitude >= max) return step * magnitude;
  return 10 * magnitude;
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

export function renderTimerDial(
  svg: SVGSVGElement,
  data: DialData,
  size: Size,
  motionMs: number,
): void {
  const { width, height } = size;
  const radius = Math.max(40, Math.min(width, height) / 2 - 34);
  const turn = scaleLinear()
    .domain([0, data.span])
    .range([0, 2 * Math.PI])
    .clamp(true);
  const point = (t: number, r: number): [number, number] => [
    Math.sin(turn(t)) * r,
    -Math.cos(turn(t)) * r,
  ];

  const root = select(svg)
    .attr('width', width)
    .attr('height', height)
    .attr('viewBox', `0 0 ${width} ${height}`);
  const g = root
    .selectAll<SVGGElement, null>('g.dial')
    .data([null])
    .join('g')
    .attr('class', 'dial')
    .attr('transform', `translate(${width / 2},${height / 2})`);

  g.selectAll('circle.face').data([null]).join('circle').attr('class', 'face').attr('r', radius);

  const ticks = turn.ticks(10).filter((t) => t < data.span);
  g.selectAll<SVGLineElement, number>('line.tick')
    .data(ticks)
    .join('line')
    .attr('class', 'tick')
    .attr('x1', (t) => point(t, radius)[0])
    .attr('y1', (t) => point(t, radius)[1])
    .attr('x2', (t) => point(t, radius - 8)[0])
    .attr('y2', (t) => point(t, radius - 8)[1]);
  g.selectAll<SVGTextElement, number>('text.tick-label')
    .data(ticks)
    .join('text')
    .attr('class', 'tick-label')
    .attr('x', (t) => point(t, radius + 16)[0])
    .attr('y', (t) => point(t, radius + 16)[1])
    .attr('dy', '0.35em')
    .text((t) => data.formatTime(t));

  // The history on the rim: time passed, waited, blocked.
  const band = arc<{ from: number; until: number }>()
    .innerRadius(radius - 5)
    .outerRadius(radius + 5)
    .startAngle((d) => turn(d.from))
    .endAngle((d) => turn(d.until));
  g.selectAll<SVGPathElement, { from: number; until: number }>('path.elapsed')
    .data(data.now > 0 ? [{ from: 0, until: data.now }] : [])
    .join('path')
    .attr('class', 'elapsed')
    .attr('d', band);
  g.selectAll<SVGPathElement, TimeSpan>('path.span')
    .data(data.spans.filter((s) => s.until > s.from))
    .join('path')
    .attr('class', (d) => `span ${d.kind}`)
    .attr('d', band);

  const levels = stackLevels(data.timers, data.span);
  const many = data.timers.length > 60;
  const ringOf = (timer: DialTimer) =>
    radius - 24 - (levels.get(timer.id) ?? 0) * ((many ? 4 : 11) * 2 + 3);
  const labelled = data.timers.length <= LABEL_LIMIT;
  // A marker is redrawn only when what it shows changed: with a thousand timers in the heap,
  // setting every attribute of every marker on every step costs more than a frame.
  const keyOf = (d: DialTimer) =>
    `${d.when}|${d.heapIndex}|${d.cancelled}|${levels.get(d.id)}|${d.color}|${many}|${labelled}|${radius}|${data.span}`;
  const markers = g
    .selectAll<SVGGElement, DialTimer>('g.timer')
    .data(data.timers, (d) => d.id)
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
        motionMs > 0 && data.timers.length <= 60
          ? exit.transition().duration(motionMs).attr('opacity', 0).remove()
          : exit.remove(),
    )
    .filter(function (d) {
      const key = keyOf(d);
      if (drawn.get(this) === key) return false;
      drawn.set(this, key);
      return true;
    })
    .attr('data-handle-id', (d) => d.id)
    .attr('data-when', (d) => roundTime(d.when))
    .attr('data-heap-index', (d) => d.heapIndex)
    .classed('cancelled', (d) => d.cancelled)
    .style('--color', (d) => d.color);
  const markerRadius = many ? 4 : 11;
  // Hundreds of timers move without animation: transitions would cost more than a frame.
  const opacity = (d: DialTimer) => (d.cancelled ? 0.35 : 1);
  const place = (d: DialTimer) => `translate(${point(d.when, ringOf(d)).join(',')})`;
  if (motionMs > 0 && !many) {
    markers.transition().duration(motionMs).attr('opacity', opacity).attr('transform', place);
  } else {
    markers.interrupt().attr('opacity', opacity).attr('transform', place);
  }
  markers.select('circle').attr('r', markerRadius);
  markers.select('text.index').text((d) => (many ? '' : String(d.heapIndex)));
  markers
    .select<SVGTextElement>('text.name')
    .attr('x', (d) => (turn(d.when) > Math.PI ? -markerRadius - 4 : markerRadius + 4))
    .attr('text-anchor', (d) => (turn(d.when) > Math.PI ? 'end' : 'start'))
    .text((d) => (labelled ? `${d.ownerName ?? d.label} · ${data.formatTime(d.when)}` : ''));

  // The hand: it sweeps ahead when the clock jumps.
  const hand = g
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
  hand
    .interrupt()
    .attr('transform', `rotate(${previous})`)
    .transition()
    .duration(previous === degrees ? 0 : motionMs * 1.5)
    .attr('transform', `rotate(${degrees})`);

  g.selectAll('text.now')
    .data([null])
    .join('text')
    .attr('class', 'now')
    .attr('y', radius * 0.42)
    .text(`${data.nowLabel} ${data.formatTime(data.now)}`);
}
