/**
 * Who awaits whom, over time, drawn on the swimlanes: where a task began to await others, a
 * dashed arrow from its lane to each lane it awaits; where it woke, a solid arrow back from
 * the lane that finished. The task chosen for navigation has its lane marked and a tick at
 * each of its steps. Beneath the lanes, each row is a target for clicks that choose its task.
 */
import { select } from 'd3';
import type { AwaitSpan } from '../replay/await-graph.ts';
import {
  AXIS_HEIGHT,
  LANE_HEIGHT,
  createScales,
  type LaneRow,
  type LanesData,
} from './swimlanes.ts';
import type { Size } from './timer-dial.ts';

export interface AwaitLanesData {
  /** The spans of the tasks whose lanes are shown, in any order. */
  spans: readonly AwaitSpan[];
  /** The task chosen for navigation, if any, and the steps of its events. */
  chosen: number | null;
  chosenSteps: readonly number[];
}

interface Flow {
  key: string;
  x: number;
  fromRow: number;
  toRow: number;
  /** `wait`: the waiter began to await the target; `wake`: the target woke it. */
  kind: 'wait' | 'wake';
  color: string;
}

/** The y of the middle of row `row` (0: the first row shown). */
const rowY = (row: number) => AXIS_HEIGHT + row * LANE_HEIGHT + LANE_HEIGHT / 2;

/** The flows between the lanes shown, one per pixel column and pair of rows at most. */
export function layoutFlows(
  rows: readonly LaneRow[],
  spans: readonly AwaitSpan[],
  xOf: (step: number) => number,
): Flow[] {
  const rowOf = new Map<number, number>();
  const colorOf = new Map<number, string>();
  rows.forEach((row, i) => {
    rowOf.set(row.lane.task, i);
    colorOf.set(row.lane.task, row.color);
  });
  const flows = new Map<string, Flow>();
  const add = (kind: Flow['kind'], step: number, waiter: number, target: number) => {
    const waiterRow = rowOf.get(waiter);
    const targetRow = rowOf.get(target);
    if (waiterRow === undefined || targetRow === undefined || waiterRow === targetRow) return;
    const x = Math.round(xOf(step));
    const key = `${kind}:${x}:${waiterRow}:${targetRow}`;
    if (flows.has(key)) return;
    flows.set(key, {
      key,
      x,
      kind,
      fromRow: kind === 'wait' ? waiterRow : targetRow,
      toRow: kind === 'wait' ? targetRow : waiterRow,
      color: colorOf.get(kind === 'wait' ? waiter : target) ?? 'var(--muted)',
    });
  };
  for (const span of spans) {
    for (const target of span.targets) {
      add('wait', span.from, span.waiter, target);
      if (span.to !== Infinity) add('wake', span.to, span.waiter, target);
    }
  }
  return [...flows.values()];
}

/** A layer of its own, `before` another layer of the swimlanes (or last). */
function layer(svg: SVGSVGElement, name: string, before: string | null) {
  const root = select(svg);
  let found = root.select<SVGGElement>(`g.${name}`);
  if (found.empty()) {
    found =
      before !== null && !root.select(`g.${before}`).empty()
        ? root.insert<SVGGElement>('g', `g.${before}`)
        : root.append<SVGGElement>('g');
    found.attr('class', name);
  }
  return found;
}

export function renderAwaitLanes(
  svg: SVGSVGElement,
  data: LanesData,
  lanes: AwaitLanesData,
  size: Size,
): void {
  const { xOf } = createScales(data, size.width);
  const shown = Math.ceil((size.height - AXIS_HEIGHT) / LANE_HEIGHT) + 1;
  const rows = data.rows.slice(data.firstRow, data.firstRow + shown);

  // Click targets under everything: a whole row chooses its task.
  layer(svg, 'lane-hits', 'lanes-layer')
    .selectAll<SVGRectElement, LaneRow>('rect.lane-hit')
    .data(rows, (row) => row.lane.task)
    .join('rect')
    .attr('class', 'lane-hit')
    .attr('data-task-id', (row) => row.lane.task)
    .classed('chosen', (row) => row.lane.task === lanes.chosen)
    .style('--color', (row) => row.color)
    .attr('x', 0)
    .attr('y', (_, i) => rowY(i) - LANE_HEIGHT / 2)
    .attr('width', size.width)
    .attr('height', LANE_HEIGHT);

  const top = layer(svg, 'await-layer', 'head-layer');
  top
    .selectAll<SVGPathElement, Flow>('path.flow')
    .data(layoutFlows(rows, lanes.spans, xOf), (flow) => flow.key)
    .join('path')
    .attr('class', (flow) => `flow ${flow.kind}`)
    .style('--color', (flow) => flow.color)
    .attr('d', (flow) => {
      const y1 = rowY(flow.fromRow);
      const y2 = rowY(flow.toRow);
      const direction = Math.sign(y2 - y1);
      const tip = y2 - direction * 6;
      return `M${flow.x},${y1 + direction * 5}V${tip}M${flow.x - 3.5},${tip - direction * 5}L${flow.x},${tip}L${flow.x + 3.5},${tip - direction * 5}`;
    });

  const chosenRow = rows.findIndex((row) => row.lane.task === lanes.chosen);
  const ticks =
    chosenRow === -1 ? [] : [...new Set(lanes.chosenSteps.map((step) => Math.round(xOf(step))))];
  top
    .selectAll<SVGLineElement, number>('line.task-step')
    .data(ticks)
    .join('line')
    .attr('class', 'task-step')
    .attr('x1', (x) => x)
    .attr('x2', (x) => x)
    .attr('y1', rowY(chosenRow) + 5)
    .attr('y2', rowY(chosenRow) + LANE_HEIGHT / 2);
}
