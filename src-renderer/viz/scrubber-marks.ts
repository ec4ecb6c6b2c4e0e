/** The marks above the scrubber: output, exceptions, task ends, at their steps. */
import { scaleLinear, select } from 'd3';
import type { Mark } from '../replay/timeline.ts';
import type { Size } from './dial-geometry.ts';

const SHOWN: ReadonlySet<Mark['kind']> = new Set([
  'output',
  'stderr',
  'exception',
  'task-end',
  'block',
]);
/** Beyond this many marks, only one per pixel column is drawn. */
const MAX_MARKS = 2000;

export function renderScrubberMarks(
  svg: SVGSVGElement,
  marks: readonly Mark[],
  length: number,
  size: Size,
  /** The range input's thumb width: its track is inset by half of it at each end. */
  inset: number,
): void {
  const { width, height } = size;
  const x = scaleLinear()
    .domain([0, Math.max(1, length)])
    .range([inset, Math.max(inset, width - inset)]);
  let shown = marks.filter((m) => SHOWN.has(m.kind));
  if (shown.length > MAX_MARKS) {
    const seen = new Set<string>();
    shown = shown.filter((m) => {
      const key = `${Math.round(x(m.step))}:${m.kind}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  select(svg)
    .attr('width', width)
    .attr('height', height)
    .selectAll<SVGRectElement, Mark>('rect')
    .data(shown)
    .join('rect')
    .attr('class', (d) => d.kind)
    .attr('x', (d) => x(d.step) - 1.5)
    .attr('width', 3)
    .attr('y', (d) => (d.kind === 'task-end' ? height / 2 : 0))
    .attr('height', (d) => (d.kind === 'task-end' ? height / 2 : height));
}
