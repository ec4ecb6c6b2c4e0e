/**
 * The trace is enough to rebuild the loop: folding the events reproduces, at the start of
 * every loop iteration, exactly the ready queue and timer heap (in heap order) that the loop
 * itself held, read from `loop._ready` and `loop._scheduled` by the engine's probes, and
 * at every poll the sockets the selector really waits on, though `io.wait` records only what
 * changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { applyEvent, createRunState } from '../../src-shared/loop-state.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';
import { conformancePrograms, PROGRAMS_DIR as DIR, useEngine } from './engine-fixture.ts';

const programs = conformancePrograms();
const engine = useEngine();

async function probedRun(code: string, filename: string): Promise<TraceEvent[]> {
  return (await engine().run({ code, filename, probe: true })).events;
}

function checkAgainstProbes(events: TraceEvent[]): number {
  const state = createRunState();
  let probes = 0;
  // The sockets a probe found registered: the iteration's poll waits on them, so the fold
  // holds them once that poll's io.wait (recorded only when they changed) is folded.
  let registered: Extract<TraceEvent, { kind: 'probe' }> | null = null;
  let polled = false;
  const checkSockets = (seq: number) => {
    if (!registered) return;
    const waited = state.loops.get(registered.loop)?.sockets ?? [];
    expect({ seq, sockets: waited }).toEqual({ seq, sockets: registered.sockets });
    registered = null;
  };
  for (const event of events) {
    if (polled && event.kind !== 'io.wait') checkSockets(event.seq);
    polled = false;
    if (event.kind === 'probe') {
      const loop = state.loops.get(event.loop);
      expect({ seq: event.seq, ready: loop?.ready ?? [], heap: loop?.heap ?? [] }).toEqual({
        seq: event.seq,
        ready: event.ready,
        heap: event.heap,
      });
      probes += 1;
      if (event.sockets) registered = event;
    }
    applyEvent(state, event);
    if (event.kind === 'loop.select') polled = true;
    if (event.kind === 'io.wait') checkSockets(event.seq);
  }
  return probes;
}

describe('folding the trace rebuilds the queues the loop really had', () => {
  for (const name of programs) {
    test(name, async () => {
      const file = join(DIR, name);
      const events = await probedRun(readFileSync(file, 'utf8'), file);
      const iterations = events.filter((e) => e.kind === 'loop.iteration').length;
      expect(checkAgainstProbes(events)).toBe(iterations);
    });
  }

  test('timers set one after another run in that order, and cancelled ones are skipped', async () => {
    const code = `
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    handles = [loop.call_later(0.5, print, i) for i in range(6)]
    handles[0].cancel()
    handles[3].cancel()
    loop.call_later(0.2, print, "early")
    await asyncio.sleep(1)

asyncio.run(main())
`;
    const events = await probedRun(code, '/tmp/equal_deadlines.py');
    expect(checkAgainstProbes(events)).toBeGreaterThan(2);
    const printed = events.flatMap((e) => (e.kind === 'output' ? [e.text] : [])).join('');
    expect(printed).toBe('early\n1\n2\n4\n5\n');
  });

  test('a heap with mostly cancelled timers is rebuilt, and the fold follows', async () => {
    const code = `
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    handles = [loop.call_later(1 + i / 100, print, i) for i in range(150)]
    for h in handles[:120]:
        h.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(3)

asyncio.run(main())
`;
    const events = await probedRun(code, '/tmp/rebuild.py');
    expect(events.some((e) => e.kind === 'timer.rebuild')).toBe(true);
    expect(checkAgainstProbes(events)).toBeGreaterThan(2);
  });

  test("an eager task runs inside its creator's step, and the creator is current again after", async () => {
    const code = `import asyncio

async def child():
    await asyncio.sleep(0.1)

async def main():
    asyncio.get_running_loop().set_task_factory(asyncio.eager_task_factory)
    task = asyncio.create_task(child())
    print("back in main")
    await task

asyncio.run(main())
`;
    const events = await probedRun(code, '/tmp/eager.py');
    const state = createRunState();
    let currentAfterChildSuspends: number | null | undefined;
    for (const event of events) {
      applyEvent(state, event);
      if (event.kind === 'task.suspend' && state.tasks.get(event.task)?.coro === 'child') {
        currentAfterChildSuspends = state.currentTask;
      }
    }
    expect(currentAfterChildSuspends).toBe(1);
    expect(checkAgainstProbes(events)).toBeGreaterThan(0);
  });
});
