/**
 * The Variables view's model: a task's stack and locals at a step, and the code's rings where
 * paused tasks' outer frames wait, read from a trace the real engine records.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { NodeEngine } from '../../src-engine/node/engine.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';
import {
  callerLines,
  deriveFramesView,
  type FramesContext,
} from '../../src-renderer/replay/frames-view.ts';
import { Replay } from '../../src-renderer/replay/replay.ts';

const CODE = `import asyncio

async def leaf(label, delay):
    note = label.upper()
    await asyncio.sleep(delay)
    return note

async def middle(label, delay):
    got = await leaf(label, delay)
    return got

async def main():
    first = asyncio.create_task(middle("a", 1))
    second = asyncio.create_task(middle("b", 2))
    both = asyncio.gather(first, second)
    print(await both)

asyncio.run(main())
`;

let events: TraceEvent[] = [];
let replay: Replay;

beforeAll(async () => {
  const engine = new NodeEngine();
  try {
    await engine.ready();
    events = (await engine.run({ code: CODE, filename: 'main.py' })).events;
  } finally {
    engine.close();
  }
  replay = new Replay(events);
}, 60_000);

function context(plain: boolean): FramesContext {
  return {
    label: (id) => replay.timeline.label(id),
    futureLabel: (type) => (plain && type.startsWith('_') ? 'a future of asyncio' : type),
    program: replay.program.program,
    plain,
  };
}

/** The step right after the first event that matches. */
function stepAfter(match: (event: TraceEvent) => boolean): number {
  const index = events.findIndex(match);
  expect(index).toBeGreaterThanOrEqual(0);
  return index + 1;
}

function taskNamed(name: string): number {
  for (const event of events)
    if (event.kind === 'task.create' && event.name === name) return event.task;
  throw new Error(`no task ${name}`);
}

describe('the Variables view', () => {
  test("a paused task's stack, innermost last, with each frame's line and locals", () => {
    const first = taskNamed('Task-2');
    const step = stepAfter((e) => e.kind === 'task.frames' && e.task === first);
    const view = deriveFramesView(replay.stateAt(step), first, context(true));
    expect(view.status).toBe('paused');
    expect(view.frames.map((f) => [f.name, f.line, f.innermost])).toEqual([
      ['middle', 9, false],
      ['leaf', 5, true],
    ]);
    expect(view.frames[1]?.locals).toEqual([
      { name: 'label', value: "'a'", links: [] },
      { name: 'delay', value: '1', links: [] },
      { name: 'note', value: "'A'", links: [] },
    ]);
  });

  test('a Task value is a link to its task; a future of asyncio is named plainly in the code lens', () => {
    const main = taskNamed('Task-1');
    const step = stepAfter((e) => e.kind === 'task.frames' && e.task === main);
    const state = replay.stateAt(step);
    const locals = deriveFramesView(state, main, context(true)).frames[0]?.locals ?? [];
    const first = taskNamed('Task-2');
    expect(locals.find((l) => l.name === 'first')).toEqual({
      name: 'first',
      value: null,
      links: [{ id: first, task: true, label: replay.timeline.label(first) }],
    });
    // gather's future has no card: it is named, not linked, and its private type is worded
    // plainly in the code lens, as it is in the loop lens.
    const both = locals.find((l) => l.name === 'both');
    expect(both?.value).toBeNull();
    expect(both?.links).toEqual([
      { id: expect.any(Number) as number, task: false, label: 'a future of asyncio' },
    ]);
    const loopLens = deriveFramesView(state, main, context(false)).frames[0]?.locals ?? [];
    expect(loopLens.find((l) => l.name === 'both')?.links[0]?.label).toBe('_GatheringFuture');
  });

  test('a running task shows the stack it last paused with; an ended one none', () => {
    const first = taskNamed('Task-2');
    const resumed = events.findIndex(
      (e, i) =>
        e.kind === 'task.run' &&
        e.task === first &&
        events.slice(0, i).some((p) => p.kind === 'task.frames' && p.task === first),
    );
    const running = deriveFramesView(replay.stateAt(resumed + 1), first, context(true));
    expect(running.status).toBe('running');
    expect(running.frames.map((f) => f.name)).toEqual(['middle', 'leaf']);
    const ended = deriveFramesView(replay.stateAt(events.length), first, context(true));
    expect(ended).toEqual({ task: first, status: 'ended', frames: [] });
    expect(deriveFramesView(replay.stateAt(1), null, context(true)).status).toBe('none');
  });

  test("the code's rings: where each paused task's outer frames wait for their calls", () => {
    const second = taskNamed('Task-3');
    const step = stepAfter((e) => e.kind === 'task.frames' && e.task === second);
    const rings = callerLines(replay.stateAt(step));
    expect(rings.get(9)).toEqual([
      { task: taskNamed('Task-2'), function: 'middle' },
      { task: second, function: 'middle' },
    ]);
    // main's own frame is its innermost: its line is a paused dot, not a ring.
    expect([...rings.keys()]).toEqual([9]);
  });
});
