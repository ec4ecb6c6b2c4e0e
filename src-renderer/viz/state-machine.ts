/**
 * A task's state machine: created → scheduled → running ⇄ suspended / ready → done, failed or
 * cancelled. The task's state is filled; the transition that led there is drawn bold.
 */
import { select } from 'd3';
import type { DisplayStatus } from '../replay/view-model.ts';
import type { Transition } from '../replay/focus.ts';
import type { Size } from './dial-geometry.ts';

interface Node {
  id: DisplayStatus;
  /** Position in a 4 by 3 grid. */
  x: number;
  y: number;
}

const NODES: readonly Node[] = [
  { id: 'created', x: 0, y: 0 },
  { id: 'scheduled', x: 1, y: 0 },
  { id: 'running', x: 2, y: 0 },
  { id: 'ready', x: 1, y: 1.15 },
  { id: 'suspended', x: 2, y: 1.15 },
  { id: 'done', x: 3.15, y: -0.55 },
  { id: 'failed', x: 3.15, y: 0.3 },
  { id: 'cancelled', x: 3.15, y: 1.15 },
];

/** Every state the diagram draws. */
export const MACHINE_STATES: readonly DisplayStatus[] = NODES.map((node) => node.id);

const EDGES: readonly [DisplayStatus, DisplayStatus][] = [
  ['created', 'scheduled'],
  ['scheduled', 'running'],
  ['running', 'suspended'],
  ['suspended', 'ready'],
  ['ready', 'running'],
  ['running', 'ready'],
  ['running', 'done'],
  ['running', 'failed'],
  ['running', 'cancelled'],
];

export interface MachineData {
  status: DisplayStatus | null;
  transition: Transition | null;
  label: (status: DisplayStatus) => string;
  color: string;
}

/** The states a task can go to from `status`, in the diagram's order. */
export function nextStates(status: DisplayStatus): DisplayStatus[] {
  return EDGES.filter(([from]) => from === status).map(([, to]) => to);
}

/** Room a node needs around its label, in pixels. */
const NODE_PADDING = 14;

/**
 * The narrowest the whole diagram can be drawn with every label inside its box, given the
 * widest label's width in pixels: four columns of nodes and the room between them.
 */
export function machineMinWidth(widestLabel: number): number {
  return Math.ceil((widestLabel + NODE_PADDING) * 4.6);
}

export function renderStateMachine(svg: SVGSVGElement, data: MachineData, size: Size): void {
  const { width, height } = size;
  const nodeWidth = Math.min(130, width / 4.6);
  const nodeHeight = Math.min(30, height / 3.4);
  const x = (n: Node) => 8 + nodeWidth / 2 + n.x * ((width - nodeWidth - 16) / 3.15);
  const y = (n: Node) => nodeHeight / 2 + 4 + (n.y + 0.55) * ((height - nodeHeight - 8) / 1.7);
  const byId = new Map(NODES.map((n) => [n.id, n]));
  const root = select(svg).attr('width', width).attr('height', height);

  root
    .selectAll('defs')
    .data([null])
    .join((enter) => {
      const defs = enter.append('defs');
      for (const id of ['arrow', 'arrow-hot']) {
        defs
          .append('marker')
          .attr('id', `machine-${id}`)
          .attr('viewBox', '0 0 10 10')
          .attr('refX', 9)
          .attr('refY', 5)
          .attr('markerWidth', 6)
          .attr('markerHeight', 6)
          .attr('orient', 'auto-start-reverse')
          .append('path')
          .attr('class', id)
          .attr('d', 'M0,0L10,5L0,10z');
      }
      return defs;
    });

  const hot = data.transition;
  const edgePath = ([from, to]: [DisplayStatus, DisplayStatus]) => {
    const a = byId.get(from) as Node;
    const b = byId.get(to) as Node;
    const [x1, y1, x2, y2] = [x(a), y(a), x(b), y(b)];
    // Leave and enter at the boxes' edges, not their centres.
    const dx = x2 - x1;
    const dy = y2 - y1;
    const cut = (t: number) =>
      Math.min(Math.abs(nodeWidth / 2 / (dx || 1e-9)), Math.abs(nodeHeight / 2 / (dy || 1e-9))) * t;
    const s = cut(1);
    const e = 1 - cut(1) - 0.02;
    // The two edges between running and ready bend apart.
    const bend =
      (from === 'running' && to === 'ready') || (from === 'ready' && to === 'running')
        ? from === 'running'
          ? 18
          : -18
        : 0;
    const mx = (x1 + x2) / 2 + (bend * dy) / Math.hypot(dx, dy);
    const my = (y1 + y2) / 2 - (bend * dx) / Math.hypot(dx, dy);
    return `M${x1 + dx * s},${y1 + dy * s}Q${mx},${my} ${x1 + dx * e},${y1 + dy * e}`;
  };
  root
    .selectAll<SVGPathElement, [DisplayStatus, DisplayStatus]>('path.edge')
    .data(EDGES)
    .join('path')
    .attr('class', 'edge')
    .classed('hot', (d) => hot !== null && hot.from === d[0] && hot.to === d[1])
    .classed('now', (d) => hot !== null && hot.now && hot.from === d[0] && hot.to === d[1])
    .attr('marker-end', (d) =>
      hot !== null && hot.from === d[0] && hot.to === d[1]
        ? 'url(#machine-arrow-hot)'
        : 'url(#machine-arrow)',
    )
    .attr('d', edgePath);

  const nodes = root
    .selectAll<SVGGElement, Node>('g.node')
    .data(NODES, (d) => d.id)
    .join((enter) => {
      const group = enter.append('g').attr('class', 'node');
      group.append('rect').attr('rx', 6);
      group.append('text').attr('dy', '0.35em').attr('text-anchor', 'middle');
      return group;
    })
    .attr('data-state', (d) => d.id)
    .classed('current', (d) => d.id === data.status)
    .style('--color', data.color)
    .attr('transform', (d) => `translate(${x(d)},${y(d)})`);
  nodes
    .select('rect')
    .attr('x', -nodeWidth / 2)
    .attr('y', -nodeHeight / 2)
    .attr('width', nodeWidth)
    .attr('height', nodeHeight);
  nodes.select('text').text((d) => data.label(d.id));
}
