/**
 * The Perfetto / Chrome trace-event export conforms to the Trace Event Format (checked by a
 * checker written from the specification) and says what the loop did: a track per task with
 * its spans at the right virtual times, the loop's iterations and handles, output, and arrows
 * from timers and futures to the steps they wake. Traces are real: recorded by the CLI (and
 * every conformance program's trace is exported and checked by tests/engine/conformance.test.ts).
 */
import { describe, expect, test } from 'vitest';
import {
  exportPerfetto,
  MAIN_TID,
  stringifyChromeTrace,
  TASK_TID_BASE,
  type ChromeTraceEvent,
} from '../../src-shared/export/perfetto.ts';
import { fixtureEvents } from './export-fixtures.ts';
import { checkTraceEventFormat } from './trace-event-spec.ts';

const gather = exportPerfetto(fixtureEvents('gather.jsonl'), { title: 'gather.py' });
const threadNames = new Map(
  gather.traceEvents
    .filter((e) => e.ph === 'M' && e.name === 'thread_name')
    .map((e) => [e.tid, (e.args as { name: string }).name]),
);
const tidOf = (name: string) =>
  [...threadNames].find(([, thread]) => thread.startsWith(`${name} ·`))?.[0];
const on = (tid: number | undefined, ph: ChromeTraceEvent['ph']) =>
  gather.traceEvents.filter((e) => e.tid === tid && e.ph === ph);

describe('the trace-event JSON', () => {
  test('conforms to the format, as an object with traceEvents and displayTimeUnit', () => {
    const text = stringifyChromeTrace(gather);
    const parsed = JSON.parse(text) as unknown;
    expect(parsed).toMatchObject({ displayTimeUnit: 'ms', otherData: { generator: 'Loopscope' } });
    expect(checkTraceEventFormat(parsed)).toEqual([]);
  });

  test('one process, the loop on the main thread, each task a thread named for it', () => {
    const process = gather.traceEvents.find((e) => e.name === 'process_name');
    expect(process?.args).toEqual({ name: 'Loopscope · gather.py' });
    expect(threadNames.get(MAIN_TID)).toBe('main thread: event loop');
    expect([...threadNames.values()].slice(1, 5)).toEqual([
      'Task-1 · main',
      'Task-2 · worker',
      'Task-3 · worker',
      'Task-4 · worker',
    ]);
    expect(new Set(gather.traceEvents.map((e) => e.pid))).toEqual(new Set([1]));
  });

  test('a worker waits for its sleep: the waiting span lasts its delay in virtual time', () => {
    // Task-2 sleeps 0.2 s, Task-3 0.1 s, Task-4 0.3 s.
    for (const [task, delay] of [
      ['Task-2', 0.2],
      ['Task-3', 0.1],
      ['Task-4', 0.3],
    ] as const) {
      const waits = on(tidOf(task), 'X').filter((e) => e.name === 'waiting');
      expect(waits).toHaveLength(1);
      expect(Math.abs((waits[0]?.dur ?? 0) - delay * 1e6)).toBeLessThan(1000);
    }
  });

  test('a task runs, waits, is ready, runs, and ends: its spans follow one another', () => {
    const spans = on(tidOf('Task-3'), 'X').map((e) => e.name);
    expect(spans).toEqual(['scheduled', 'running', 'waiting', 'ready', 'running']);
    const end = on(tidOf('Task-3'), 'i')
      .filter((e) => e.cat === 'task')
      .at(-1);
    expect(end?.name).toBe('done');
    expect(end?.args).toMatchObject({ result: "'B'" });
  });

  test('the loop’s iterations hold its phases, and the ready phase the handles it runs', () => {
    const main = on(MAIN_TID, 'X');
    const iterations = main.filter((e) => e.name.startsWith('iteration '));
    expect(iterations.length).toBeGreaterThan(3);
    const handles = main.filter((e) => e.cat === 'handle').map((e) => e.name);
    expect(handles).toContain('Task-1: __step');
    expect(handles).toContain('_set_result_unless_cancelled');
    expect(main.some((e) => e.name === 'select: wait for the next timer')).toBe(true);
  });

  test('output lines are instants on the track of the task that printed them, in order', () => {
    const printed = gather.traceEvents.filter((e) => e.cat === 'stdout');
    expect(printed.map((e) => e.name)).toEqual([
      'a: start',
      'b: start',
      'c: start',
      'b: done after 0.1 s',
      'a: done after 0.2 s',
      'c: done after 0.3 s',
      "results: ['A', 'B', 'C']",
    ]);
    expect(printed[3]?.tid).toBe(tidOf('Task-3'));
  });

  test('flows: each timer to its callback, each completed sleep to the step it wakes', () => {
    const starts = gather.traceEvents.filter((e) => e.ph === 's');
    const ends = new Map(gather.traceEvents.filter((e) => e.ph === 'f').map((e) => [e.id, e]));
    const timers = starts.filter((e) => e.name === 'timer');
    expect(timers).toHaveLength(3);
    for (const timer of timers) expect(ends.get(timer.id)?.tid).toBe(MAIN_TID);
    const wakes = starts.filter((e) => e.name === 'wake');
    const woken = wakes.map((e) => threadNames.get(ends.get(e.id)?.tid));
    for (const task of ['Task-2', 'Task-3', 'Task-4']) {
      expect(woken).toContain(`${task} · worker`);
    }
    const created = starts.filter((e) => e.name === 'create').map((e) => ends.get(e.id)?.tid);
    expect(created).toContain(TASK_TID_BASE + 2);
  });

  test('a blocking time.sleep is a slice as long as the block; run.end is a global instant', () => {
    const trace = exportPerfetto(fixtureEvents('raises.jsonl'));
    expect(checkTraceEventFormat(trace)).toEqual([]);
    const block = trace.traceEvents.find((e) => e.ph === 'X' && e.cat === 'block');
    // It starts a few microseconds late: every event before it took one (the clock did not move).
    expect(Math.abs((block?.dur ?? 0) - 100_000)).toBeLessThan(100);
    const end = trace.traceEvents.find((e) => e.ph === 'i' && e.s === 'g');
    expect(end?.name).toBe('run.end: raised (1)');
    expect(
      trace.traceEvents.some((e) => e.cat === 'exception' && e.name === 'ValueError: boom'),
    ).toBe(true);
  });

  test('names are in the language asked for', () => {
    const trace = exportPerfetto(fixtureEvents('cancel.jsonl'), { language: 'ru' });
    const names = new Set(trace.traceEvents.filter((e) => e.ph === 'X').map((e) => e.name));
    expect(names).toContain('выполняется');
    expect(names).toContain('ожидание');
    expect(trace.traceEvents.some((e) => e.name === 'отменена')).toBe(true);
  });
});

describe('the spec checker', () => {
  const event = (patch: Partial<ChromeTraceEvent>): ChromeTraceEvent => ({
    name: 'x',
    ph: 'X',
    ts: 0,
    dur: 10,
    pid: 1,
    tid: 1,
    ...patch,
  });
  const named = { name: 'thread_name', ph: 'M', pid: 1, tid: 1, args: { name: 't' } } as const;

  test('finds overlapping slices, a missing duration, an unmatched E, an unbound flow', () => {
    const problems = checkTraceEventFormat({
      traceEvents: [
        named,
        event({ name: 'a', ts: 0, dur: 10 }),
        event({ name: 'b', ts: 5, dur: 10 }),
        event({ name: 'c', ts: 20, dur: -1 }),
        { name: 'e', ph: 'E', ts: 30, pid: 1, tid: 1 },
        { name: 'w', cat: 'flow', ph: 's', id: 1, ts: 40, pid: 1, tid: 1 },
        { name: 'w', cat: 'flow', ph: 'f', bp: 'e', id: 1, ts: 41, pid: 1, tid: 1 },
        event({ name: 'late', ts: 1, dur: 0 }),
      ],
      displayTimeUnit: 'us',
    });
    expect(problems).toEqual([
      'displayTimeUnit is us, not "ms" or "ns"',
      'event 3 (X) has no duration ≥ 0',
      'event 4 (E) ends nothing on 1/1',
      'event 7 (X) goes back in time on 1/1',
      'on 1/1, b [5, 15] overlaps a [0, 10]',
      'flow flow/w/1 (s) at 40 is inside no slice of its thread',
      'flow flow/w/1 (f) at 41 is inside no slice of its thread',
    ]);
  });
});
