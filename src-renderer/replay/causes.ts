/**
 * Why things happen: which events cause which, for the why-arrows of the step on show.
 *
 * asyncio's chains of cause and effect, as the trace records them:
 * - a future completes → each callback it had is scheduled (`handle.push` with `future`) →
 *   the handle waits in the ready queue → the loop runs it → it runs the task's step;
 * - a timer comes due (`timer.due`) → its handle joins the ready queue;
 * - `cancel()` (`task.cancel`) → the task's next step throws `CancelledError` into its
 *   coroutine (`task.run` with `throw`).
 * Each link joins two things the views show at that step: a task's card, a handle in the
 * ready queue, the running slot or the timer heap, or the timers' view as a whole (a timer
 * that came due has left the heap).
 */
import type { RunState } from '../../src-shared/loop-state.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';
import { countBelow } from './timeline.ts';

export type WhyAnchor =
  | { kind: 'task'; id: number }
  | { kind: 'handle'; id: number }
  /** The timers' view: where a timer that came due was. */
  | { kind: 'timers' };

export type WhyRelation =
  /** A future completed, and that scheduled the callback it had. */
  | 'completed'
  /** A timer came due: its handle joins the ready queue. */
  | 'due'
  /** The handle runs the task's step. */
  | 'runs'
  /** `cancel()` was called on the task. */
  | 'cancel'
  /** The cancellation is thrown into the task as `CancelledError`. */
  | 'thrown';

export interface WhyLink {
  from: WhyAnchor;
  to: WhyAnchor;
  relation: WhyRelation;
}

/** Who was running when something happened: a task, else the handle the loop ran. */
interface Actor {
  task: number | null;
  handle: number | null;
}

function actorOf(head: RunState): Actor {
  const loop = head.currentLoop === null ? undefined : head.loops.get(head.currentLoop);
  return { task: head.currentTask, handle: loop?.current ?? null };
}

/** The most events of one lens step whose causes are drawn: the step's end matters most. */
const MAX_GROUP = 200;

export class CauseIndex {
  /** The timer handles that came due. */
  private readonly dueTimers = new Set<number>();
  /** Who completed each future that is not a task (a task completes itself). */
  private readonly settlers = new Map<number, Actor>();
  /** Each task's accepted cancel requests, in order, and the index of each. */
  private readonly cancels = new Map<number, Actor[]>();
  private readonly cancelIndices = new Map<number, number[]>();

  /** Records event `index`; `head` is the state right after it. */
  observe(event: TraceEvent, index: number, head: RunState): void {
    switch (event.kind) {
      case 'timer.due':
        this.dueTimers.add(event.handle);
        break;
      case 'future.result':
      case 'future.exception':
      case 'future.cancelled':
        if (!head.tasks.has(event.future)) this.settlers.set(event.future, actorOf(head));
        break;
      case 'task.cancel':
        if (event.accepted) {
          const record = { task: event.from.task, handle: actorOf(head).handle };
          const list = this.cancels.get(event.task);
          if (list) {
            list.push(record);
            this.cancelIndices.get(event.task)?.push(index);
          } else {
            this.cancels.set(event.task, [record]);
            this.cancelIndices.set(event.task, [index]);
          }
        }
        break;
      default:
        break;
    }
  }

  /** The last accepted cancel of `task` before event `index`. */
  private cancelBefore(task: number, index: number): Actor | undefined {
    const list = this.cancels.get(task) ?? [];
    return list[countBelow(this.cancelIndices.get(task) ?? [], index) - 1];
  }

  /**
   * The why-links of the events `from` to `to` (exclusive), a lens step, as the state after
   * them shows: only links whose two ends the views show are kept, each once.
   */
  linksFor(events: readonly TraceEvent[], from: number, to: number, state: RunState): WhyLink[] {
    const links = new Map<string, WhyLink>();
    const visible = visibleHandles(state);
    const shown = (anchor: WhyAnchor | null): anchor is WhyAnchor =>
      anchor !== null &&
      (anchor.kind === 'timers' ||
        (anchor.kind === 'task' ? state.tasks.has(anchor.id) : visible.has(anchor.id)));
    const add = (source: WhyAnchor | null, target: WhyAnchor | null, relation: WhyRelation) => {
      if (!shown(source) || !shown(target) || anchorKey(source) === anchorKey(target)) return;
      links.set(`${anchorKey(source)}>${anchorKey(target)}:${relation}`, {
        from: source,
        to: target,
        relation,
      });
    };
    const handleCause = (handle: number) => {
      const info = state.handles.get(handle);
      if (this.dueTimers.has(handle) && info?.when !== null) {
        add({ kind: 'timers' }, { kind: 'handle', id: handle }, 'due');
      }
      if (info?.future !== null && info?.future !== undefined) {
        add(this.futureAnchor(info.future, state), { kind: 'handle', id: handle }, 'completed');
      }
    };
    for (let index = Math.max(from, to - MAX_GROUP); index < to; index++) {
      const event = events[index];
      if (!event) continue;
      switch (event.kind) {
        case 'handle.push':
        case 'timer.due':
          handleCause(event.handle);
          break;
        case 'task.cancel':
          if (event.accepted) {
            const canceller = this.cancelBefore(event.task, index + 1);
            add(actorAnchor(canceller, event.task), { kind: 'task', id: event.task }, 'cancel');
          }
          break;
        case 'task.run':
          if (event.throw === 'CancelledError') {
            const canceller = this.cancelBefore(event.task, index);
            add(actorAnchor(canceller, event.task), { kind: 'task', id: event.task }, 'thrown');
          }
          break;
        default:
          break;
      }
    }
    // The handle the loop runs now: why it is there, and the task step it runs.
    for (const loop of state.loops.values()) {
      if (loop.current === null) continue;
      handleCause(loop.current);
      const task = state.handles.get(loop.current)?.task ?? null;
      if (task !== null)
        add({ kind: 'handle', id: loop.current }, { kind: 'task', id: task }, 'runs');
    }
    return [...links.values()];
  }

  /** What the views show for a future that completed: its task, else who completed it. */
  private futureAnchor(future: number, state: RunState): WhyAnchor | null {
    if (state.tasks.has(future)) return { kind: 'task', id: future };
    const settler = this.settlers.get(future);
    if (!settler) return null;
    if (settler.task !== null) return { kind: 'task', id: settler.task };
    return settler.handle === null ? null : { kind: 'handle', id: settler.handle };
  }
}

/** The task or handle that called `cancel()`, unless the task cancelled itself. */
function actorAnchor(actor: Actor | undefined, target: number): WhyAnchor | null {
  if (!actor) return null;
  if (actor.task !== null) return actor.task === target ? null : { kind: 'task', id: actor.task };
  return actor.handle === null ? null : { kind: 'handle', id: actor.handle };
}

function anchorKey(anchor: WhyAnchor): string {
  return anchor.kind === 'timers' ? 'timers' : `${anchor.kind}${anchor.id}`;
}

/** The handles some view shows: in a ready queue, in a timer heap, or running. */
function visibleHandles(state: RunState): Set<number> {
  const visible = new Set<number>();
  for (const loop of state.loops.values()) {
    for (const id of loop.ready) visible.add(id);
    for (const id of loop.heap) visible.add(id);
    if (loop.current !== null) visible.add(loop.current);
  }
  return visible;
}
