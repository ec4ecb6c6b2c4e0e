/**
 * The swimlane timeline: a lane per task across the run (x: loop iterations, with the virtual
 * time written above where it changed), coloured by what the task was doing: running, ready
 * (waiting in the queue) or waiting for something; marks for output, exceptions, cancellation
 * and blocking. The part after the playhead is veiled.
 *
 * The lanes change only as events arrive, the playhead on every step: they are drawn by two
 * functions, so that moving the playhead redraws two shapes and not the whole run.
 */
import { scaleLinear, select } from 'd3';
import type { LaneSegment, Mark, TaskLane } from '../replay/timeline.ts';
import { iconPaths, type IconName } from '../lib/icons.ts';
import { fitLabel } from '../lib/measure-text.ts';
import type { Size } from './dial-geometry.ts';

export interface LaneRow {
  lane: TaskLane;
  name: string;
  color: string;
  /** For asyncio's own tasks: what the lane's tooltip says of them. */
  internalHint: string | null;
}

export interface LanesData {
  rows: readonly LaneRow[];
  /** Lanes before `firstRow` are scrolled away. */
  firstRow: number;
  marks: readonly Mark[];
  /** Timeline position (see Timeline.position) of a step. */
  position: (step: number) => number;
  /** Bands: the program before the loop, then one per iteration. */
  bands: number;
  /** Virtual time at each band's start, written where it changes. */
  bandTimes: readonly number[];
  length: number;
  formatTime: (seconds: number) => string;
}

export const LANE_HEIGHT = 20;
export const AXIS_HEIGHT = 22;
const NAME_WIDTH = 110;

function segmentClass(segment: LaneSegment): string {
  switch (segment.status) {
    case 'running':
      return 'running';
    case 'suspended':
      return 'waiting';
    case 'scheduled':
    case 'ready':
      return 'ready';
    case 'done':
    case 'failed':
    case 'cancelled':
      return 'ended';
  }
}

/** Each mark's symbol: drawn as a path, never a font's glyph. */
export const MARK_ICON: Record<Mark['kind'], IconName> = {
  output: 'dot',
  stderr: 'dot',
  exception: 'cross',
  'task-end': 'square',
  cancel: 'cancelled',
  block: 'pause',
};
/** A mark's size on the lane, in pixels. */
const MARK_SIZE = 11;

/** The x of a band's start, and of a step. */
export function createScales(data: LanesData, width: number) {
  const x = scaleLinear()
    .domain([0, Math.max(1, data.bands)])
    .range([NAME_WIDTH, Math.max(NAME_WIDTH + 10, width - 8)]);
  const xOf = (step: number) => x(data.position(Math.min(step, data.length)));
  return { x, xOf };
}

/** The lanes' layer and the playhead's, above it, whichever function draws first. */
function layer(svg: SVGSVGElement, name: 'lanes-layer' | 'head-layer') {
  const root = select(svg);
  if (root.select('g.lanes-layer').empty()) {
    root.append('g').attr('class', 'lanes-layer');
    root.append('g').attr('class', 'head-layer');
  }
  return root.select<SVGGElement>(`g.${name}`);
}

export function renderSwimlanes(svg: SVGSVGElement, data: LanesData, size: Size): void {
  const { width, height } = size;
  const { x, xOf } = createScales(data, width);
  const visible = Math.ceil((height - AXIS_HEIGHT) / LANE_HEIGHT) + 1;
  const rows = data.rows.slice(data.firstRow, data.firstRow + visible);
  select(svg).attr('width', width).attr('height', height);
  const root = layer(svg, 'lanes-layer');

  // The axis: virtual time where it changed, at the iteration it changed in.
  const labels: { band: number; time: number }[] = [];
  let lastX = -Infinity;
  let lastText = '';
  data.bandTimes.forEach((time, band) => {
    // Compared as written: the clock's floating point may differ where the reader sees none.
    const text = data.formatTime(time);
    if (text === lastText) return;
    lastText = text;
    if (x(band) - lastX < 48) return;
    lastX = x(band);
    labels.push({ band, time });
  });
  root
    .selectAll<SVGTextElement, { band: number; time: number }>('text.time')
    .data(labels, (d) => d.band)
    .join('text')
    .attr('class', 'time')
    .attr('x', (d) => x(d.band) + 2)
    .attr('y', 14)
    .text((d) => data.formatTime(d.time));
  root
    .selectAll<SVGLineElement, { band: number }>('line.band')
    .data(labels, (d) => d.band)
    .join('line')
    .attr('class', 'band')
    .attr('x1', (d) => x(d.band))
    .attr('x2', (d) => x(d.band))
    .attr('y1', 2)
    .attr('y2', height);

  const lanes = root
    .selectAll<SVGGElement, LaneRow>('g.lane')
    .data(rows, (d) => d.lane.task)
    .join((enter) => {
      const group = enter.append('g').attr('class', 'lane');
      group.append('title');
      group.append('text').attr('class', 'name').attr('x', 4).attr('dy', '0.35em');
      group.append('g').attr('class', 'segments');
      return group;
    })
    .attr('data-task-id', (d) => d.lane.task)
    .classed('internal', (d) => d.internalHint !== null)
    .attr('transform', (_, i) => `translate(0,${AXIS_HEIGHT + i * LANE_HEIGHT + LANE_HEIGHT / 2})`)
    .style('--color', (d) => d.color);
  // A name longer than the names' column ends in an ellipsis, clear of the lane's bars; the
  // lane's tooltip says it whole. Measured in the text's own type, as drawn.
  lanes.select<SVGTextElement>('text.name').each(function (d) {
    this.textContent = fitLabel(d.name, NAME_WIDTH - 8, (text) => {
      this.textContent = text;
      return this.getComputedTextLength();
    });
  });
  lanes.select('title').text((d) => (d.internalHint ? `${d.name}: ${d.internalHint}` : d.name));
  lanes
    .select('g.segments')
    .selectAll<SVGRectElement, LaneSegment>('rect')
    .data((d) => d.lane.segments.filter((s) => segmentClass(s) !== 'ended'))
    .join('rect')
    .attr('class', (d) => segmentClass(d))
    .attr('x', (d) => xOf(d.from))
    .attr('width', (d) => Math.max(2, xOf(d.to === Infinity ? data.length : d.to) - xOf(d.from)))
    .attr('y', (d) => (segmentClass(d) === 'running' ? -7 : -4))
    .attr('height', (d) => (segmentClass(d) === 'running' ? 14 : 8));

  const rowOf = new Map(rows.map((row, i) => [row.lane.task, i]));
  const marks = data.marks.filter((m) => m.task !== null && rowOf.has(m.task));
  const scale = MARK_SIZE / 24;
  const shown = root
    .selectAll<SVGGElement, Mark>('g.mark')
    .data(marks, (d) => `${d.step}:${d.kind}`)
    .join((enter) => {
      const group = enter.append('g');
      group.append('path').attr('class', 'fill');
      group.append('path').attr('class', 'stroke');
      return group;
    })
    .attr('class', (d) => `mark ${d.kind}`)
    .attr('transform', (d) => {
      const y = AXIS_HEIGHT + (rowOf.get(d.task as number) ?? 0) * LANE_HEIGHT + LANE_HEIGHT / 2;
      return `translate(${xOf(d.step)},${y}) scale(${scale}) translate(-12,-12)`;
    });
  shown.select('path.fill').attr('d', (d) => iconPaths(MARK_ICON[d.kind]).fill ?? '');
  shown.select('path.stroke').attr('d', (d) => iconPaths(MARK_ICON[d.kind]).stroke ?? '');
}

/** What has not happened yet is veiled; the playhead is a line. */
export function renderLanesPlayhead(
  svg: SVGSVGElement,
  data: LanesData,
  playhead: number,
  size: Size,
): void {
  const { width, height } = size;
  const head = createScales(data, width).xOf(playhead);
  const root = layer(svg, 'head-layer');
  root
    .selectAll('rect.future')
    .data([null])
    .join('rect')
    .attr('class', 'future')
    .attr('x', head)
    .attr('y', 0)
    .attr('width', Math.max(0, width - head))
    .attr('height', height);
  root
    .selectAll('line.playhead')
    .data([null])
    .join('line')
    .attr('class', 'playhead')
    .attr('x1', head)
    .attr('x2', head)
    .attr('y1', 0)
    .attr('y2', height);
}
