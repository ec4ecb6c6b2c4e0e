import { describe, expect, it } from 'vitest';
import { foldTrace, type RunState } from '../../src-shared/loop-state.ts';
import type { EventOf, TraceEvent } from '../../src-shared/trace.ts';
import { validateTrace } from '../../src-shared/trace-validate.ts';
import { Replay } from '../../src-renderer/replay/replay.ts';
import { longTrace } from '../../scripts/large-inputs.mjs';
import {
  currentLoop,
  deriveReadyQueue,
  deriveReadyQueueWindow,
  deriveTaskCards,
  deriveTimers,
  codeFocus,
  pausedLines,
  phaseOf,
  timerName,
} from '../../src-renderer/replay/view-model.ts';
import { findFocusTask } from '../../src-renderer/replay/focus.ts';
import { FIXTURES, loadFixture } from './load-fixture.ts';

/** What the views read from a state: every loop, every task, the live handles, the output. */
function visible(state: RunState) {
  const live = [...state.loops.values()].flatMap((loop) => [
    ...loop.ready,
    ...loop.heap,
    ...(loop.current === null ? [] : [loop.current]),
  ]);
  return {
    step: state.step,
    time: state.time,
    loops: [...state.loops.values()],
    tasks: [...state.tasks.values()],
    handles: live.map((id) => state.handles.get(id)),
    pending: [...state.futures.values()].filter((future) => future.status === 'pending'),
    output: state.output,
    currentTask: state.currentTask,
    currentLine: state.currentLine,
    blocked: state.blocked,
    outcome: state.outcome,
  };
}

function stepOf(events: readonly TraceEvent[], predicate: (event: TraceEvent) => boolean): number {
  const index = events.findIndex(predicate);
  if (index < 0) throw new Error('no such event');
  return index + 1;
}

describe('the replay model', () => {
  it.each(FIXTURES)(
    'holds the ready queue and timer heap the loop really held at each iteration (%s)',
    (name) => {
      const events = loadFixture(name);
      const replay = new Replay(events, { snapshotInterval: 16 });
      const probes = events.filter((e): e is EventOf<'probe'> => e.kind === 'probe');
      for (const probe of probes) {
        const loop = replay.stateAt(probe.seq).loops.get(probe.loop);
        expect({ ready: loop?.ready, heap: loop?.heap }).toEqual({
          ready: probe.ready,
          heap: probe.heap,
        });
      }
      if (name !== 'syntax_error') expect(probes.length).toBeGreaterThan(0);
    },
  );

  it.each(FIXTURES)(
    'seeks to any step, in any order, to the state a fold from the start gives (%s)',
    (name) => {
      const events = loadFixture(name);
      const replay = new Replay(events, { snapshotInterval: 16 });
      const steps = events.map((_, i) => i + 1);
      // Forwards, backwards and scattered: every way the working state can be reused.
      const order = [
        ...steps,
        ...[...steps].reverse(),
        ...steps.map((s) => (s * 7919) % (steps.length + 1)),
      ];
      for (const step of order) {
        expect(visible(replay.stateAt(step))).toEqual(visible(foldTrace(events, step)));
      }
    },
  );

  it('keeps snapshots small: finished handles and futures are left out of them', () => {
    const events = loadFixture('budget_events');
    const replay = new Replay(events, { snapshotInterval: 64 });
    expect(replay.snapshotCount).toBe(Math.floor(events.length / 64) + 1);
    expect(replay.length).toBe(events.length);
  });

  it('spaces its snapshots by the state’s size: many live tasks, few snapshots, exact seeks', () => {
    const events = validateTrace(longTrace(6000, 1500));
    const replay = new Replay(events, { snapshotInterval: 16 });
    // Every 16 events, 1,500 tasks would be copied 375 times; a quarter of the state apart, a few.
    expect(replay.snapshotCount).toBeLessThan(20);
    expect(replay.snapshotCount).toBeGreaterThan(2);
    for (let step = 0; step <= events.length; step += 97) {
      expect(visible(replay.stateAt(step))).toEqual(visible(foldTrace(events, step)));
    }
  });

  it('indexes in slices as it does at once', () => {
    const events = loadFixture('gather_order');
    const sliced = new Replay();
    const work = sliced.appendInSlices(events);
    let pauses = 0;
    while (!work.next().done) pauses++;
    expect(pauses).toBeGreaterThan(0);
    const whole = new Replay(events);
    expect(sliced.length).toBe(whole.length);
    expect(visible(sliced.stateAt(sliced.length))).toEqual(visible(whole.stateAt(whole.length)));
  });

  it('streams: events appended in batches give the same states as one whole trace', () => {
    const events = loadFixture('gather_order');
    const streamed = new Replay([], { snapshotInterval: 8 });
    for (let i = 0; i < events.length; i += 13) streamed.append(events.slice(i, i + 13));
    const whole = new Replay(events, { snapshotInterval: 8 });
    for (let step = 0; step <= events.length; step += 5) {
      expect(visible(streamed.stateAt(step))).toEqual(visible(whole.stateAt(step)));
    }
    expect(streamed.end?.outcome).toBe('completed');
  });

  it('stops at an event that does not add up, and stays seekable up to it', () => {
    const events = loadFixture('create_task_not_started');
    const broken = events.map((e) =>
      e.kind === 'handle.run' && e.handle === 2 ? { ...e, handle: 4 } : e,
    );
    const replay = new Replay(broken);
    expect(replay.fault?.message).toMatch(/handle 4/);
    expect(replay.length).toBe(replay.fault?.seq);
    expect(replay.end?.outcome).toBe('completed');
    expect(replay.stateAt(replay.length).tasks.get(2)?.status).toBe('scheduled');
  });
});

describe('what the views show', () => {
  it('a task made by create_task waits in the ready queue until the loop takes its first step', () => {
    const events = loadFixture('create_task_not_started');
    const replay = new Replay(events);
    const created = stepOf(events, (e) => e.kind === 'task.create' && e.name === 'my_task');
    let state = replay.stateAt(created);
    const card = (s: RunState) =>
      deriveTaskCards(s, replay.eventAt(s.step), replay).find((c) => c.name === 'my_task');
    expect(card(state)?.status).toBe('created');
    state = replay.stateAt(created + 1);
    expect(card(state)?.status).toBe('scheduled');
    expect(deriveReadyQueue(state, currentLoop(state)).map((e) => e.label)).toEqual([
      'Task my_task: __step',
    ]);
    // main prints, then awaits my_task: only then does the loop run my_task's first step.
    const firstRun = stepOf(events, (e) => e.kind === 'task.run' && e.task === 2);
    expect(state.output.map((c) => c.text)).toEqual([]);
    state = replay.stateAt(firstRun - 1);
    expect(state.output.map((c) => c.text)).toEqual(['Task my_task created, not started yet\n']);
    expect(card(state)?.status).toBe('scheduled');
    expect(deriveReadyQueue(state, currentLoop(state))).toEqual([]);
    state = replay.stateAt(firstRun);
    expect(card(state)?.status).toBe('running');
    expect(codeFocus(replay, firstRun, state)).toEqual({ kind: 'program', line: 4, task: 2 });
  });

  it('a long ready queue shows its head and its tail, and counts the handles between', () => {
    const events = loadFixture('gather_order');
    const replay = new Replay(events);
    for (let step = 0; step <= replay.length; step++) {
      const state = replay.stateAt(step);
      const loop = currentLoop(state);
      const whole = deriveReadyQueue(state, loop);
      const shown = deriveReadyQueueWindow(state, loop, 1, 1);
      expect(shown.length).toBe(whole.length);
      if (whole.length <= 3) {
        expect(shown).toEqual({ head: whole, hidden: 0, tail: [], length: whole.length });
      } else {
        expect(shown.head).toEqual(whole.slice(0, 1));
        expect(shown.tail).toEqual(whole.slice(-1));
        expect(shown.hidden).toBe(whole.length - 2);
      }
    }
  });

  // Each read of the engine's clock moves it a nanosecond (docs/engine.md): compare times to
  // the microsecond.
  const us = (t: number) => Math.round(t * 1e6) / 1e6;

  it('a sleeping task has a timer in the heap at its deadline and is paused at its await', () => {
    const events = loadFixture('create_task_not_started');
    const replay = new Replay(events);
    const suspended = stepOf(events, (e) => e.kind === 'task.suspend' && e.task === 2);
    const state = replay.stateAt(suspended);
    const timers = deriveTimers(state, currentLoop(state));
    expect(timers.map((t) => ({ when: us(t.when), owner: t.ownerName, role: t.role }))).toEqual([
      { when: 1, owner: 'my_task', role: 'sleep' },
    ]);
    expect(state.tasks.get(2)?.awaiting).toMatchObject({ kind: 'sleep', future: 3 });
    expect(us((state.tasks.get(2)?.awaiting as { until: number }).until)).toBe(1);
    expect(pausedLines(state).get(9)).toEqual([2]);
    expect(pausedLines(state).get(16)).toEqual([1]);
  });

  it('the clock jumps to the next deadline while the loop waits', () => {
    const events = loadFixture('create_task_not_started');
    const replay = new Replay(events);
    const wait = stepOf(events, (e) => e.kind === 'loop.wait');
    expect(us(replay.stateAt(wait - 1).time)).toBe(0);
    expect(us(replay.stateAt(wait).time)).toBe(1);
    expect(phaseOf(replay.stateAt(wait), replay.eventAt(wait))).toBe('wait');
    expect(
      replay.timeline.spans.map((s) => ({ ...s, from: us(s.from), until: us(s.until) })),
    ).toEqual([{ kind: 'wait', step: wait, from: 0, until: 1 }]);
  });

  it('a task nobody awaits is cancelled when asyncio.run returns, and never prints its end', () => {
    const events = loadFixture('not_awaited_cancelled');
    const replay = new Replay(events);
    const final = replay.stateAt(replay.length);
    const task = [...final.tasks.values()].find((t) => t.coro === 'my_coroutine');
    expect(task?.status).toBe('cancelled');
    expect(final.output.map((c) => c.text).join('')).toBe('coroutine started\n');
    const cancel = stepOf(events, (e) => e.kind === 'task.cancel');
    expect(phaseOf(replay.stateAt(cancel), replay.eventAt(cancel))).toBe('stopped');
  });

  it('time.sleep blocks the loop: the clock moves while nothing else can run, and a due timer runs late', () => {
    const events = loadFixture('time_sleep_blocks');
    const replay = new Replay(events);
    const block = stepOf(events, (e) => e.kind === 'clock.block');
    const state = replay.stateAt(block);
    expect(phaseOf(state, replay.eventAt(block))).toBe('blocked');
    const blocked = state.blocked;
    expect(blocked && { ...blocked, from: us(blocked.from), until: us(blocked.until) }).toEqual({
      from: 0.01,
      until: 0.31,
      line: 12,
    });
    // ticker's timer was due at 0.05 and still sits in the heap.
    expect(deriveTimers(state, currentLoop(state)).map((t) => [us(t.when), t.ownerName])).toEqual([
      [0.05, 'Task-2'],
    ]);
    const span = replay.timeline.spans.find((s) => s.kind === 'block');
    expect(span && { ...span, from: us(span.from), until: us(span.until) }).toEqual({
      kind: 'block',
      step: block,
      from: 0.01,
      until: 0.31,
    });
  });

  it('a timer of call_later is named by its call, with the arguments the trace recorded', () => {
    const events = loadFixture('timers_cancel').map((event) =>
      event.kind === 'timer.push' && event.callback === 'hello' ? { ...event, args: "'a'" } : event,
    );
    const replay = new Replay(events);
    const pushed = stepOf(events, (e) => e.kind === 'timer.push' && e.callback === 'hello');
    const state = replay.stateAt(pushed);
    const [timer] = deriveTimers(state, currentLoop(state));
    expect(timer && timerName(timer)).toBe("hello('a')");
    // A trace recorded before arguments were: the callback's name alone.
    const old = new Replay(loadFixture('timers_cancel'));
    const [before] = deriveTimers(old.stateAt(pushed), currentLoop(old.stateAt(pushed)));
    expect(before && timerName(before)).toBe('hello');
  });

  it('in the your-code lens the task the views follow is never one of asyncio’s own', () => {
    const replay = new Replay(loadFixture('timers_cancel'));
    const end = replay.length;
    const state = replay.stateAt(end);
    // asyncio.run's shutdown_default_executor ran last...
    expect(state.tasks.get(findFocusTask(replay, end, state, 'loop') ?? -1)?.name).toBe('Task-3');
    // ...but a beginner's view follows main().
    expect(state.tasks.get(findFocusTask(replay, end, state, 'code') ?? -1)?.name).toBe('Task-1');
  });

  it('a timer cancelled before its deadline never reaches the ready queue', () => {
    const events = loadFixture('timers_cancel');
    const replay = new Replay(events);
    const cancel = events.find((e): e is EventOf<'handle.cancel'> => e.kind === 'handle.cancel');
    const id = cancel?.handle ?? -1;
    let sawCancelled = false;
    for (let step = 0; step <= replay.length; step++) {
      const state = replay.stateAt(step);
      const loop = currentLoop(state);
      expect(loop?.ready ?? []).not.toContain(id);
      sawCancelled ||= deriveTimers(state, loop).some((t) => t.id === id && t.cancelled);
    }
    expect(sawCancelled).toBe(true);
    expect(replay.outputs.map((c) => c.text).join('')).toBe(
      'hello soon\nhello a\nhello c\nhello d\n',
    );
  });

  it('shows the heap in heap order: index 0 holds the nearest deadline', () => {
    const events = loadFixture('timers_cancel');
    const replay = new Replay(events);
    const pushed = stepOf(events, (e) => e.kind === 'timer.push' && us(e.when ?? Infinity) === 0.4);
    const state = replay.stateAt(pushed);
    expect(deriveTimers(state, currentLoop(state)).map((t) => [t.heapIndex, us(t.when)])).toEqual([
      [0, 0.1],
      [1, 0.3],
      [2, 0.2],
      [3, 0.4],
    ]);
  });

  it('labels handles for what they are: a task step, a wake-up, gather’s callback, a plain callback', () => {
    const events = loadFixture('gather_order');
    const replay = new Replay(events);
    const labels = new Set<string>();
    for (let step = 0; step <= replay.length; step++) {
      const state = replay.stateAt(step);
      for (const entry of deriveReadyQueue(state, currentLoop(state))) labels.add(entry.label);
    }
    expect([...labels]).toEqual(
      expect.arrayContaining([
        'Task-1: __step',
        'Task-2: __step',
        'Task-2: __wakeup',
        'gather._done_callback',
        '_set_result_unless_cancelled',
        '_run_until_complete_cb',
      ]),
    );
  });

  it('styles stderr apart: a logged traceback is marked as a log record', () => {
    const replay = new Replay(loadFixture('failing_task'));
    const tones = replay.outputs.map((c) => c.tone);
    expect(tones).toEqual(['warning', 'out', 'out', 'out', 'log']);
    const failed = [...replay.stateAt(replay.length).tasks.values()].find(
      (t) => t.coro === 'fails',
    );
    expect(failed?.status).toBe('failed');
    expect(failed?.exception).toEqual({ type: 'ValueError', message: 'nobody looks at me' });
  });

  it('ends each kind of run with its outcome', () => {
    const outcomes = Object.fromEntries(
      FIXTURES.map((name) => [name, new Replay(loadFixture(name)).end?.outcome]),
    );
    expect(outcomes).toMatchObject({
      budget_events: 'budget',
      stuck: 'stuck',
      syntax_error: 'syntax-error',
      uncaught: 'raised',
      create_task_not_started: 'completed',
    });
  });
});
