/**
 * Who awaits whom: the await graph of an instant (what CPython 3.14's `asyncio pstree`
 * prints, for every step of the replay) and its spans over time, for the swimlanes.
 *
 * A suspended task's `awaiting` (from `task.suspend`) names what it waits for: another task,
 * a `gather` of children, a plain future. A `TaskGroup` leaves no mark of its own in what the
 * task awaits (its `__aexit__` awaits a plain `Future`), but each task made by
 * `tg.create_task` gets the group's `TaskGroup._on_task_done` callback, added while the task
 * that owns the group runs: so a task paused on its `async with` line, awaiting a plain
 * future, awaits the group's children that are still pending.
 */
import type { RunState, TaskState } from '../../src-shared/loop-state.ts';
import type { Awaiting, TraceEvent } from '../../src-shared/trace.ts';
import type { ProgramIndex } from './program-index.ts';

export type AwaitKind = 'task' | 'gather' | 'taskgroup';

/** One arrow of the graph: `waiter` awaits `target` (a task). */
export interface AwaitEdge {
  waiter: number;
  target: number;
  kind: AwaitKind;
}

/** A stretch of steps during which `waiter` awaited `targets`: from `from` to `to` (exclusive). */
export interface AwaitSpan {
  waiter: number;
  targets: readonly number[];
  kind: AwaitKind;
  from: number;
  /** Infinity while the waiter still waits at the trace's end. */
  to: number;
}

const TASK_GROUP_CALLBACK = 'TaskGroup._on_task_done';
const ASYNC_WITH = /^\s*async\s+with\b/;

function isPending(task: TaskState | undefined): boolean {
  return (
    task !== undefined &&
    task.status !== 'done' &&
    task.status !== 'failed' &&
    task.status !== 'cancelled'
  );
}

export class AwaitIndex {
  /** For each task that owns a TaskGroup: the tasks its groups made, in order. */
  private readonly groupChildren = new Map<number, number[]>();
  /** Every await of a task on other tasks, in the order they began. */
  readonly spans: AwaitSpan[] = [];
  /** The open span of each waiting task, by waiter. */
  private readonly open = new Map<number, AwaitSpan>();

  constructor(private readonly program: ProgramIndex) {}

  /** Records event `index`; `head` is the state right after it. */
  observe(event: TraceEvent, index: number, head: RunState): void {
    switch (event.kind) {
      case 'future.callback':
        if (event.callback === TASK_GROUP_CALLBACK && head.currentTask !== null) {
          const children = this.groupChildren.get(head.currentTask);
          if (children) children.push(event.future);
          else this.groupChildren.set(head.currentTask, [event.future]);
        }
        break;
      case 'task.suspend': {
        const edges = this.targetsOf(event.task, event.awaiting, event.line, head);
        if (edges.targets.length > 0 && edges.kind !== null) {
          const span: AwaitSpan = {
            waiter: event.task,
            targets: edges.targets,
            kind: edges.kind,
            from: index + 1,
            to: Infinity,
          };
          this.spans.push(span);
          this.open.set(event.task, span);
        }
        break;
      }
      case 'task.wake':
      case 'task.run':
      case 'future.result':
      case 'future.exception':
      case 'future.cancelled': {
        const waiter =
          event.kind === 'task.wake' || event.kind === 'task.run' ? event.task : event.future;
        const span = this.open.get(waiter);
        if (span) {
          span.to = index + 1;
          this.open.delete(waiter);
        }
        break;
      }
      default:
        break;
    }
  }

  /** The tasks `waiter` awaits through `awaiting`, paused on `line`, in state `state`. */
  targetsOf(
    waiter: number,
    awaiting: Awaiting,
    line: number | null,
    state: RunState,
  ): { kind: AwaitKind | null; targets: number[] } {
    switch (awaiting.kind) {
      case 'task':
        return {
          kind: 'task',
          targets: isPending(state.tasks.get(awaiting.future)) ? [awaiting.future] : [],
        };
      case 'gather':
        return {
          kind: 'gather',
          targets: awaiting.children.filter((id) => isPending(state.tasks.get(id))),
        };
      case 'future': {
        const text = line === null ? '' : (this.program.program.sourceLines[line - 1] ?? '');
        const children = this.groupChildren.get(waiter);
        if (!children || !ASYNC_WITH.test(text)) return { kind: null, targets: [] };
        return {
          kind: 'taskgroup',
          targets: children.filter((id) => isPending(state.tasks.get(id))),
        };
      }
      case 'sleep':
        return { kind: null, targets: [] };
    }
  }

  /** The await graph of the instant `state` shows: one edge per task awaited by a task. */
  edgesAt(state: RunState): AwaitEdge[] {
    const edges: AwaitEdge[] = [];
    for (const task of state.tasks.values()) {
      if (task.status !== 'suspended' || task.awaiting === null) continue;
      const { kind, targets } = this.targetsOf(task.id, task.awaiting, task.line, state);
      if (kind === null) continue;
      for (const target of targets) edges.push({ waiter: task.id, target, kind });
    }
    return edges;
  }
}
