/**
 * Navigation by meaning, who awaits whom and why: the pure indexes over real traces that the
 * engine records (CPython 3.14's asyncio on the virtual clock).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../src-engine/node/engine.ts';
import type { EventOf, TraceEvent } from '../../src-shared/trace.ts';
import { Replay } from '../../src-renderer/replay/replay.ts';
import { advanceTowards, stepAtTime } from '../../src-renderer/replay/virtual-time.ts';
import { arrowShape, borderPoint } from '../../src-renderer/viz/arrows.ts';
import { AWAITS } from '../await-program.ts';
import { loadFixture } from './load-fixture.ts';

let awaits: TraceEvent[] = [];

beforeAll(async () => {
  const engine = new NodeEngine();
  try {
    awaits = (await engine.run({ code: AWAITS, filename: 'main.py' })).events;
  } finally {
    await engine.close();
  }
}, 120_000);

afterAll(() => {
  awaits = [];
});

/** The index of the first event that `predicate` accepts after index `after`. */
function indexOf(
  events: readonly TraceEvent[],
  predicate: (event: TraceEvent) => boolean,
  after = -1,
): number {
  const index = events.findIndex((event, i) => i > after && predicate(event));
  expect(index, 'the trace has the event').toBeGreaterThanOrEqual(0);
  return index;
}

function taskNamed(replay: Replay, binding: string): number {
  const lane = [...replay.timeline.lanes.values()].find((l) => l.binding === binding);
  if (!lane) throw new Error(`no task ${binding}`);
  return lane.task;
}

describe('navigation by meaning', () => {
  it('an output line leads to the step that printed it', () => {
    const replay = new Replay(awaits);
    for (const chunk of replay.outputs) {
      const step = replay.meaning.outputStep(chunk.seq);
      expect(step).not.toBeNull();
      const event = replay.eventAt(step ?? 0);
      expect(event?.kind).toBe('output');
      expect(event?.kind === 'output' && event.text).toBe(chunk.text);
      // At that step the console ends with it.
      expect(replay.stateAt(step ?? 0).output.at(-1)?.seq).toBe(chunk.seq);
    }
    expect(replay.meaning.outputStep(-5)).toBeNull();
  });

  it('a code line leads to its next and previous runs, and says when there is none', () => {
    const replay = new Replay(awaits);
    const line = 23; // print("loop", i): runs three times, near the end.
    const runs = replay.events
      .map((event, index) => ({ event, index }))
      .filter(({ event }) => event.kind === 'line' && event.line === line)
      .map(({ index }) => index + 1);
    expect(runs).toHaveLength(3);
    let step = 0;
    for (const run of runs) {
      step = replay.meaning.nextLineRun(line, step) ?? -1;
      expect(step).toBe(run);
      expect(replay.stateAt(step).currentLine).toBe(line);
    }
    expect(replay.meaning.nextLineRun(line, step)).toBeNull();
    expect(replay.meaning.previousLineRun(line, step)).toBe(runs[1]);
    expect(replay.meaning.previousLineRun(line, runs[0] ?? 0)).toBeNull();
    expect(replay.meaning.lineRunCount(2)).toBe(0);
  });

  it('stepping within one task visits its events only, in order, both ways', () => {
    const replay = new Replay(awaits);
    const a = taskNamed(replay, 'a');
    const visited: number[] = [];
    for (let step = replay.meaning.nextTaskStep(a, 0); step !== null;) {
      visited.push(step);
      step = replay.meaning.nextTaskStep(a, step);
    }
    expect(visited.length).toBeGreaterThan(3);
    for (const step of visited) {
      const event = replay.eventAt(step);
      const state = replay.stateAt(step);
      const about =
        (event && 'task' in event && event.task === a) ||
        (event && 'future' in event && event.future === a) ||
        (event?.kind === 'output' && state.currentTask === a);
      expect(about, `${event?.kind} at ${step} is task a's`).toBe(true);
    }
    const last = visited.at(-1) ?? 0;
    expect(replay.meaning.previousTaskStep(a, last)).toBe(visited.at(-2));
    expect(replay.meaning.nextTaskStep(a, last)).toBeNull();
    expect(replay.meaning.taskStepsUpTo(a, last)).toBe(visited.length);
  });
});

describe('who awaits whom', () => {
  it('a task awaiting a task, a gather of two and a TaskGroup each draw their edges', () => {
    const replay = new Replay(awaits);
    const [a, b, w] = ['a', 'b', 'w'].map((name) => taskNamed(replay, name));
    const main = [...replay.timeline.lanes.values()].find((lane) => lane.call === 'main()')?.task;
    // Once everyone has started and waits: main gathers b and w; w awaits a.
    const waiting = indexOf(
      awaits,
      (e) => e.kind === 'task.suspend' && e.task === w && e.awaiting.kind === 'task',
    );
    const edges = replay.awaits.edgesAt(replay.stateAt(waiting + 1));
    expect(edges).toEqual(
      expect.arrayContaining([
        { waiter: main, target: b, kind: 'gather' },
        { waiter: main, target: w, kind: 'gather' },
        { waiter: w, target: a, kind: 'task' },
      ]),
    );
    expect(edges).toHaveLength(3);
    // In the TaskGroup's `async with`, main awaits the group's two children.
    const group = indexOf(
      awaits,
      (e) => e.kind === 'task.suspend' && e.task === main && e.awaiting.kind === 'future',
    );
    const groupEdges = replay.awaits.edgesAt(replay.stateAt(group + 1));
    expect(groupEdges.map((e) => e.kind)).toEqual(['taskgroup', 'taskgroup']);
    expect(groupEdges.every((e) => e.waiter === main)).toBe(true);
    // At the end nobody waits.
    expect(replay.awaits.edgesAt(replay.stateAt(replay.length))).toEqual([]);
  });

  it('each await over time is a span from the suspend to the wake', () => {
    const replay = new Replay(awaits);
    const w = taskNamed(replay, 'w');
    const span = replay.awaits.spans.find((s) => s.waiter === w);
    expect(span?.kind).toBe('task');
    expect(span?.targets).toEqual([taskNamed(replay, 'a')]);
    expect(replay.eventAt(span?.from ?? 0)?.kind).toBe('task.suspend');
    const woke = replay.eventAt(span?.to ?? 0);
    expect(woke?.kind === 'task.wake' || woke?.kind === 'task.run').toBe(true);
    expect(woke && 'task' in woke && woke.task).toBe(w);
    expect(replay.awaits.spans.every((s) => s.to === Infinity || s.to > s.from)).toBe(true);
  });
});

describe('why: which events cause which', () => {
  it('a timer that came due points at its handle in the ready queue', () => {
    const events = loadFixture('taskgroup_cancel');
    const replay = new Replay(events);
    const due = indexOf(events, (e) => e.kind === 'timer.due') as number;
    const handle = (events[due] as EventOf<'timer.due'>).handle;
    const links = replay.causes.linksFor(events, due, due + 1, replay.stateAt(due + 1));
    expect(links).toContainEqual({
      from: { kind: 'timers' },
      to: { kind: 'handle', id: handle },
      relation: 'due',
    });
  });

  it('a task that completed points at the callback it scheduled; the handle at the step it runs', () => {
    const events = loadFixture('taskgroup_cancel');
    const replay = new Replay(events);
    // worker-1 finishes: its TaskGroup._on_task_done callback is scheduled.
    const push = indexOf(
      events,
      (e) => e.kind === 'handle.push' && e.callback === 'TaskGroup._on_task_done',
    );
    const event = events[push] as EventOf<'handle.push'>;
    const links = replay.causes.linksFor(events, push, push + 1, replay.stateAt(push + 1));
    expect(links).toContainEqual({
      from: { kind: 'task', id: event.future },
      to: { kind: 'handle', id: event.handle },
      relation: 'completed',
    });
    // A woken task's step: the sleep's timer completed the future, whose wake-up runs the task.
    const run = indexOf(events, (e) => e.kind === 'task.run' && e.task === 2, push - 60);
    const state = replay.stateAt(run + 1);
    const running = state.loops.get(1)?.current ?? -1;
    const stepLinks = replay.causes.linksFor(events, run, run + 1, state);
    expect(stepLinks).toContainEqual({
      from: { kind: 'handle', id: running },
      to: { kind: 'task', id: 2 },
      relation: 'runs',
    });
  });

  it('cancel() points at the task it cancels, and at the CancelledError thrown into it', () => {
    const events = loadFixture('taskgroup_cancel');
    const replay = new Replay(events);
    const cancel = indexOf(events, (e) => e.kind === 'task.cancel' && e.task === 4);
    const callback = replay.stateAt(cancel + 1).loops.get(1)?.current ?? -1;
    const links = replay.causes.linksFor(events, cancel, cancel + 1, replay.stateAt(cancel + 1));
    // TaskGroup's done-callback of the failed worker cancels the others.
    expect(links).toContainEqual({
      from: { kind: 'handle', id: callback },
      to: { kind: 'task', id: 4 },
      relation: 'cancel',
    });
    const thrown = indexOf(
      events,
      (e) => e.kind === 'task.run' && e.task === 4 && e.throw === 'CancelledError',
    );
    const state = replay.stateAt(thrown + 1);
    const thrownLinks = replay.causes.linksFor(events, thrown, thrown + 1, state);
    // The callback that cancelled has left the loop: the arrow is drawn from what is shown.
    expect(thrownLinks.filter((l) => l.relation === 'thrown')).toEqual([]);
    expect(thrownLinks.map((l) => l.relation)).toContain('runs');
  });

  it('a task that called cancel() points at the CancelledError thrown into the other', () => {
    const replay = new Replay(awaits);
    const s = taskNamed(replay, 's');
    const main = [...replay.timeline.lanes.values()].find((lane) => lane.call === 'main()')?.task;
    const thrown = indexOf(
      awaits,
      (e) => e.kind === 'task.run' && e.task === s && e.throw === 'CancelledError',
    );
    const links = replay.causes.linksFor(awaits, thrown, thrown + 1, replay.stateAt(thrown + 1));
    expect(links).toContainEqual({
      from: { kind: 'task', id: main },
      to: { kind: 'task', id: s },
      relation: 'thrown',
    });
  });

  it('no link joins something the views do not show', () => {
    const events = loadFixture('gather_order');
    const replay = new Replay(events);
    for (let step = 1; step <= replay.length; step++) {
      const state = replay.stateAt(step);
      for (const link of replay.causes.linksFor(events, step - 1, step, state)) {
        for (const end of [link.from, link.to]) {
          if (end.kind === 'task') expect(state.tasks.has(end.id)).toBe(true);
          if (end.kind === 'handle') {
            const loop = state.loops.get(1);
            const shown = [...(loop?.ready ?? []), ...(loop?.heap ?? []), loop?.current];
            expect(shown).toContain(end.id);
          }
        }
      }
    }
  });
});

describe('playing by virtual time', () => {
  it('the step due at a time is the count of events at or before it', () => {
    const events = loadFixture('gather_order');
    for (const time of [0, 0.5, 1, 1.5, 2, 99]) {
      expect(stepAtTime(events, time)).toBe(events.filter((e) => e.t <= time).length);
    }
  });

  it('a backlog of due steps shrinks frame by frame, stopping on the lens’s steps only', () => {
    const replay = new Replay(loadFixture('gather_order'));
    const steps = replay.lenses.steps('loop');
    const due = stepAtTime(replay.events, 0.5);
    let step = 0;
    let frames = 0;
    while (step < steps.stopAt(steps.countUpTo(due))) {
      const next = advanceTowards(steps, step, due, 1000 / 60);
      expect(next).toBeGreaterThan(step);
      expect(steps.isStop(next)).toBe(true);
      expect(next).toBeLessThanOrEqual(due);
      step = next;
      frames++;
    }
    // Shown quickly (well under a second at 60 frames a second), yet not all at once.
    expect(frames).toBeGreaterThan(1);
    expect(frames).toBeLessThan(60);
    expect(advanceTowards(steps, step, due, 16)).toBe(step);
  });
});

describe('arrows on screen', () => {
  it('an arrow touches neither of its boxes: it stops outside their borders', () => {
    const a = { x: 0, y: 0, width: 100, height: 40 };
    const b = { x: 200, y: 100, width: 80, height: 30 };
    const start = borderPoint(a, { x: 240, y: 115 });
    expect(start.x > 100 || start.y > 40).toBe(true);
    const shape = arrowShape(a, b);
    const end = /M([\d.]+),([\d.]+)/.exec(shape.head);
    const [x, y] = [Number(end?.[1]), Number(end?.[2])];
    const inside = x > b.x && x < b.x + b.width && y > b.y && y < b.y + b.height;
    expect(inside).toBe(false);
  });
});
