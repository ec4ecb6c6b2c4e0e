/**
 * The engine at CPython's edges, where the conformance suite's printed output cannot say
 * everything: what the trace records of threads, the process's end, the clock, the terminal,
 * dropped tasks and tight loops, on the virtual clock where native timing would jitter.
 */
import { describe, expect, test } from 'vitest';
import type { ProgramResult } from '../../src-engine/node/engine.ts';
import type { RunRequest } from '../../src-shared/trace.ts';
import { foldTrace } from '../../src-shared/loop-state.ts';
import { validateTrace } from '../../src-shared/trace-validate.ts';
import { endOf, eventsOf, useEngine } from './engine-fixture.ts';

const engine = useEngine();

async function run(code: string, extra: Partial<RunRequest> = {}): Promise<ProgramResult> {
  const result = await engine().run({ code, filename: '/home/student/edges.py', ...extra });
  validateTrace(result.events);
  foldTrace(result.events);
  return result;
}

/** The text of every output event, stdout and stderr interleaved as a terminal shows them. */
const terminal = (result: ProgramResult) => result.terminal;

describe('simulated threads on the virtual clock', () => {
  test('call_soon_threadsafe from a thread that slept joins the ready queue at its time', async () => {
    const result = await run(`
import asyncio, time
def worker(loop):
    time.sleep(0.3)
    loop.call_soon_threadsafe(print, "from the thread")
async def main():
    await asyncio.to_thread(worker, asyncio.get_running_loop())
asyncio.run(main())
`);
    const push = eventsOf(result, 'handle.push').find((e) => e.callback === 'print');
    expect(push?.t).toBeCloseTo(0.3, 6);
    // A thread is no line and no task of the program.
    expect(push?.from).toEqual({ line: null, task: null });
    expect(result.stdout).toBe('from the thread\n');
  });

  test('a thread waiting for a coroutine it handed to the loop lets the loop run meanwhile', async () => {
    const result = await run(`
import asyncio, time
async def slow():
    await asyncio.sleep(0.4)
    return 7
def worker(loop):
    return asyncio.run_coroutine_threadsafe(slow(), loop).result(timeout=1)
async def main():
    start = time.monotonic()
    print(await asyncio.to_thread(worker, asyncio.get_running_loop()), time.monotonic() - start)
asyncio.run(main())
`);
    const [value, elapsed] = result.stdout.trim().split(' ');
    expect(value).toBe('7');
    expect(Number(elapsed)).toBeCloseTo(0.4, 5);
    expect(eventsOf(result, 'loop.wait').some((e) => Math.abs(e.until - 0.4) < 1e-5)).toBe(true);
  });

  test('a thread that times out waiting gets TimeoutError at its own time', async () => {
    const result = await run(`
import asyncio, concurrent.futures, time
def worker(loop):
    start = time.monotonic()
    try:
        asyncio.run_coroutine_threadsafe(asyncio.sleep(5), loop).result(timeout=0.25)
    except concurrent.futures.TimeoutError:
        return time.monotonic() - start
async def main():
    print(round(await asyncio.to_thread(worker, asyncio.get_running_loop()), 6))
asyncio.run(main())
`);
    expect(result.stdout).toBe('0.25\n');
  });

  test('sync code waiting on a thread pool blocks the clock for as long as the slowest wave', async () => {
    const result = await run(`
import concurrent.futures, time
def job(n):
    time.sleep(0.1 * n)
    return n
start = time.monotonic()
with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
    print(list(pool.map(job, [3, 1, 2])))
print(round(time.monotonic() - start, 6))
`);
    // Two workers: 3 on one; 1, then 2 on the other (ending at 0.3 too).
    expect(result.stdout).toBe('[3, 1, 2]\n0.3\n');
    expect(eventsOf(result, 'clock.block').at(-1)?.until).toBeCloseTo(0.3, 5);
  });

  test('a deadlock between the main thread and a thread ends as stuck, not hung', async () => {
    const result = await run(`
import threading
lock = threading.Lock()
lock.acquire()
lock.acquire()
`);
    expect(endOf(result)).toMatchObject({ outcome: 'stuck', exitCode: 124 });
  });
});

describe('how the process ends', () => {
  test('an uncaught KeyboardInterrupt is raised with status 130', async () => {
    const result = await run('raise KeyboardInterrupt\n');
    expect(endOf(result)).toMatchObject({ outcome: 'raised', exitCode: 130 });
    expect(eventsOf(result, 'exception')[0]?.exc.type).toBe('KeyboardInterrupt');
  });

  test('sys.exit("message") completes with status 1, the message before atexit output', async () => {
    const result = await run(
      'import atexit, sys\natexit.register(sys.stderr.write, "atexit\\n")\nsys.exit("bye")\n',
    );
    expect(endOf(result)).toMatchObject({ outcome: 'completed', exitCode: 1 });
    expect(result.stderr).toBe('bye\natexit\n');
  });
});

describe('the clock the program reads', () => {
  test('a task that sleeps for ever until cancelled: its timer has no number for a deadline', async () => {
    const result = await run(`
import asyncio
async def main():
    forever = asyncio.create_task(asyncio.sleep(float("inf")))
    await asyncio.sleep(0.1)
    print(asyncio.get_running_loop().call_later(float("inf"), print).when())
    forever.cancel()
asyncio.run(main())
`);
    expect(result.stdout).toBe('inf\n');
    expect(endOf(result)).toMatchObject({ outcome: 'completed', exitCode: 0 });
    const endless = eventsOf(result, 'timer.push').filter((e) => e.when === null);
    expect(endless).toHaveLength(2);
    const sleeps = eventsOf(result, 'task.suspend').flatMap((e) =>
      e.awaiting?.kind === 'sleep' ? [e.awaiting.until] : [],
    );
    expect(sleeps).toContain(null);
    // The views keep such a timer as one that never comes due.
    const first = endless[0] as (typeof endless)[number];
    const state = foldTrace(result.events.slice(0, result.events.indexOf(first) + 1));
    expect(state.handles.get(first.handle)?.when).toBe(Infinity);
  });

  test('datetime.now() follows the virtual clock to the microsecond', async () => {
    const result = await run(`
import asyncio, datetime
async def main():
    before = datetime.datetime.now()
    await asyncio.sleep(0.5)
    print(datetime.datetime.now() - before)
asyncio.run(main())
`);
    expect(result.stdout).toBe('0:00:00.500000\n');
  });

  test('time.sleep(nan) raises and leaves the clock, and the trace, as they were', async () => {
    const result = await run(`
import time
try:
    time.sleep(float("nan"))
except ValueError as e:
    print(e)
time.sleep(0.5)
`);
    expect(result.stdout).toBe('Invalid value NaN (not a number)\n');
    expect(endOf(result).t).toBeCloseTo(0.5, 6);
  });
});

describe('the terminal', () => {
  test('stdout is line-buffered as on a terminal: a partial line waits for its newline', async () => {
    const result = await run(`
import os, sys
print("a", end="")
print("b", file=sys.stderr)
sys.stdout.buffer.write(b"c")
os.write(1, b"X")
print("d")
`);
    expect(terminal(result)).toBe('b\nXcad\n');
  });

  test('flush=True sends a partial line at once', async () => {
    const result = await run(`
import sys
print("a", end="", flush=True)
print("b", file=sys.stderr)
print("c")
`);
    expect(terminal(result)).toBe('ab\nc\n');
  });

  test('a byte that is not UTF-8 reaches the trace as a lone surrogate', async () => {
    const result = await run('import sys\nsys.stdout.buffer.write(b"caf\\xe9\\n")\n');
    expect(result.stdout).toBe('caf\udce9\n');
  });
});

describe('when the garbage collector speaks', () => {
  test('a failed task dropped by the program is reported at once, tied to the task', async () => {
    const result = await run(`
import asyncio
async def fails():
    raise ValueError("lost")
async def main():
    t = asyncio.create_task(fails())
    await asyncio.sleep(0)
    del t
    print("after del")
asyncio.run(main())
`);
    const dropped = eventsOf(result, 'future.dropped');
    expect(dropped).toEqual([
      expect.objectContaining({ future: 2, reason: 'exception-never-retrieved' }),
    ]);
    const after = result.events.find((e) => e.kind === 'output' && e.text === 'after del\n');
    const log = eventsOf(result, 'log')[0];
    expect(log?.message).toMatch(/^Task exception was never retrieved/);
    // Dropped, then logged, then the program goes on: the order CPython's C Task gives.
    expect(dropped[0]?.seq).toBeLessThan(log?.seq ?? -1);
    expect(log?.seq).toBeLessThan(after?.seq ?? -1);
    expect(foldTrace(result.events).tasks.get(2)?.dropped).toBe('exception-never-retrieved');
  });

  test('a task destroyed while pending is reported with its reason', async () => {
    const result = await run(`
import asyncio
async def never():
    pass
loop = asyncio.new_event_loop()
loop.create_task(never())
loop.close()
`);
    expect(eventsOf(result, 'future.dropped')).toEqual([
      expect.objectContaining({ reason: 'pending' }),
    ]);
    expect(result.stderr).toMatch(/^Task was destroyed but it is pending!\n/);
  });
});

describe('what the trace says of a task', () => {
  test('a task records the call that made its coroutine, as the code wrote it', async () => {
    const result = await run(`
import asyncio
class Point:
    pass
async def my_coroutine(a, b, *rest, key=None, **extra):
    pass
async def main():
    await asyncio.gather(
        my_coroutine(1, 2),
        my_coroutine("x", [1, 2], 3, key=Point(), flag=True),
        my_coroutine("y" * 300, 0),
    )
asyncio.run(main())
`);
    const calls = eventsOf(result, 'task.create').map((e) => e.call);
    expect(calls[0]).toBe('main()');
    expect(calls[1]).toBe('my_coroutine(1, 2)');
    expect(calls[2]).toBe("my_coroutine('x', [1, 2], 3, key=<Point object>, flag=True)");
    expect(calls[3]?.length).toBeLessThanOrEqual(120);
    expect(calls[3]).toMatch(/^my_coroutine\('yyy.*…\)$/);
  });

  test('the C Task shows in reprs while the trace keeps naming a step and a wake-up', async () => {
    const result = await run(`
import asyncio
async def main():
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(asyncio.wait_for(fut, 1))
    await asyncio.sleep(0)
    print("cb=[Task.task_wakeup()]" in repr(fut))
    fut.set_result(1)
    await t
asyncio.run(main())
`);
    expect(result.stdout).toBe('True\n');
    const roles = new Set(eventsOf(result, 'handle.push').map((e) => `${e.callback}:${e.role}`));
    expect(roles.has('__step:step')).toBe(true);
    expect(roles.has('__wakeup:wakeup')).toBe(true);
  });
});

describe('budgets that fit real programs', () => {
  test('a prime sieve runs to its end with its hot lines summarised', async () => {
    const result = await run(`
def sieve(n):
    flags = [True] * (n + 1)
    for i in range(2, int(n ** 0.5) + 1):
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
    return sum(flags) - 2
print(sieve(2_000_000))
`);
    expect(result.stdout).toBe('148933\n');
    expect(endOf(result)).toMatchObject({ outcome: 'completed', hotLines: [4, 5, 6, 7] });
    expect(result.events.length).toBeLessThan(10_000);
  });

  test('a line run once per loop step is never summarised', async () => {
    const result = await run(`
import asyncio
async def main():
    for i in range(1500):
        await asyncio.sleep(0)
asyncio.run(main())
`);
    expect(eventsOf(result, 'line.hot')).toEqual([]);
    expect(eventsOf(result, 'line').filter((e) => e.line === 5)).toHaveLength(1500);
  });
});
