/**
 * The rules every host enforces on its engine (src-shared/run-guard.ts), and what every host
 * shares about a run (src-shared/engine-run.ts): the trace's completion, the exit codes, the
 * run registry and the one restart policy.
 */
import { describe, expect, test } from 'vitest';
import {
  createRestartPolicy,
  EXIT_CODE,
  RunRegistry,
  unstartedTrace,
  type Engine,
  type RunHandle,
} from '../../src-shared/engine-run.ts';
import {
  createEngineGuard,
  createRunGuard,
  deliverChecked,
  GuardError,
  MAX_MESSAGES_PER_SECOND,
  parseEngineStatus,
} from '../../src-shared/run-guard.ts';
import { validateTrace } from '../../src-shared/trace-validate.ts';
import { DEFAULT_BUDGETS, type RunRequest, type TraceEvent } from '../../src-shared/trace.ts';

const REQUEST = { code: 'print(1)', filename: 'main.py', budgets: { ...DEFAULT_BUDGETS } };
const START: TraceEvent = {
  seq: 0,
  t: 0,
  kind: 'run.start',
  version: 1,
  python: '3.14.2',
  file: 'main.py',
  source: 'print(1)',
};
const output = (seq: number, text: string): TraceEvent => ({
  seq,
  t: 0.5,
  kind: 'output',
  stream: 'stdout',
  text,
});

/** `count` line events from `seq` on. */
const lines = (from: number, count: number): TraceEvent[] =>
  Array.from({ length: count }, (_, i) => ({
    seq: from + i,
    t: 0.5,
    kind: 'line',
    line: 1,
    task: null,
  }));

describe('a run guard', () => {
  test('completes a trace the engine never began with its start and its end', () => {
    const events = createRunGuard(REQUEST).complete(
      { outcome: 'crashed', error: 'gone' },
      '3.14.2',
    );
    expect(validateTrace(events)).toEqual([
      { ...START, python: '3.14.2' },
      {
        seq: 1,
        t: 0,
        kind: 'run.end',
        outcome: 'crashed',
        exitCode: EXIT_CODE.crashed,
        error: 'gone',
      },
    ]);
  });

  test('ends a trace after its last event, at its time, and then accepts nothing more', () => {
    const guard = createRunGuard(REQUEST);
    guard.check([START, output(1, 'a')]);
    expect(guard.complete({ outcome: 'budget', budget: 'wall-time' }, '')).toEqual([
      {
        seq: 2,
        t: 0.5,
        kind: 'run.end',
        outcome: 'budget',
        exitCode: EXIT_CODE.stopped,
        budget: 'wall-time',
      },
    ]);
    expect(guard.ended).toBe(true);
    expect(guard.complete({ outcome: 'stopped' }, '')).toEqual([]);
    expect(() => guard.check([output(2, 'late')])).toThrow(GuardError);
  });

  test('refuses a trace that breaks the trace format, saying so', () => {
    expect(() => createRunGuard(REQUEST).check([output(0, 'no start')])).toThrow(/invalid trace/);
  });

  test('keeps the events before a bad one, and ends the trace after them as crashed', () => {
    const guard = createRunGuard(REQUEST);
    const bad = { seq: 2, t: 0.5, kind: 'loop.wait', loop: 1, until: 'never' };
    const delivered: TraceEvent[][] = [];
    expect(() =>
      deliverChecked(
        () => guard.check([START, output(1, 'printed before'), bad]),
        (events) => delivered.push(events),
      ),
    ).toThrow(/event 2 \(loop.wait\) has a bad field "until"/);
    expect(delivered).toEqual([[START, output(1, 'printed before')]]);
    expect(guard.complete({ outcome: 'crashed', error: 'x' }, '')).toMatchObject([
      { seq: 2, kind: 'run.end', outcome: 'crashed' },
    ]);
  });

  test('does not take the engine’s own end from a batch that broke a rule after it', () => {
    const guard = createRunGuard(REQUEST);
    const end = { seq: 1, t: 0, kind: 'run.end', outcome: 'completed', exitCode: 0 };
    const delivered: TraceEvent[][] = [];
    expect(() =>
      deliverChecked(
        () => guard.check([START, end, output(2, 'after the end')]),
        (events) => delivered.push(events),
      ),
    ).toThrow(GuardError);
    expect(delivered).toEqual([[START]]);
    expect(guard.ended).toBe(false);
  });

  test('refuses more events than the budget allows, counted over every batch', () => {
    const guard = createRunGuard({ ...REQUEST, budgets: { ...DEFAULT_BUDGETS, maxEvents: 100 } });
    guard.check([START]);
    guard.check(lines(1, 150));
    expect(() => guard.check(lines(151, 50))).toThrow(/more events/);
  });

  test('takes printed text past a full trace, up to as many events again', () => {
    const budgets = { ...DEFAULT_BUDGETS, maxEvents: 100 };
    const outputs = (from: number, count: number): TraceEvent[] =>
      Array.from({ length: count }, (_, i) => output(from + i, 'x'));
    const guard = createRunGuard({ ...REQUEST, budgets });
    guard.check([START, ...outputs(1, 99)]);
    // The trace is full (100 events): the program runs on, its printed text still recorded.
    expect(guard.check(outputs(100, 120))).toHaveLength(120);
    expect(() => guard.check(outputs(220, 100))).toThrow(/more events/);
    // Other events past the budget are refused: 100 of them, and 70 more.
    const other = createRunGuard({ ...REQUEST, budgets });
    other.check([START, ...lines(1, 99)]);
    expect(() => other.check(lines(100, 70))).toThrow(/more events/);
  });

  test('counts output in characters, as Python does: an emoji is one', () => {
    const budgets = { ...DEFAULT_BUDGETS, maxOutputBytes: 2000 };
    const guard = createRunGuard({ ...REQUEST, budgets });
    // 2,000 emoji are 4,000 UTF-16 units and 2,000 characters: within the budget.
    expect(guard.check([START, output(1, '🐍'.repeat(2000))])).toHaveLength(2);
    expect(() => guard.check([output(2, 'x'.repeat(1100))])).toThrow(/more output/);
  });
});

describe('an engine guard', () => {
  test('parses statuses, and refuses a malformed one', () => {
    expect(parseEngineStatus({ state: 'ready', python: '3.14.0' })).toEqual({
      state: 'ready',
      python: '3.14.0',
    });
    for (const bad of [
      { state: 'pwned' },
      { state: 'loading', progress: 2 },
      { state: 'ready', python: '<img src=x onerror=alert(1)>' },
      { state: 'crashed', error: 'x'.repeat(5000) },
      { state: 'ready', extra: 1 },
    ]) {
      expect(() => createEngineGuard().status(bad), JSON.stringify(bad)).toThrow(/bad status/);
    }
  });

  test('refuses loading once the engine was ready, unless it crashed since', () => {
    const guard = createEngineGuard();
    guard.status({ state: 'loading', progress: 0.2 });
    guard.status({ state: 'loading', progress: 0.6 });
    guard.status({ state: 'ready', python: '3.14.2' });
    expect(() => guard.status({ state: 'loading', progress: 0.25 })).toThrow(/loading after/);
    guard.status({ state: 'crashed', error: 'out of memory' });
    expect(guard.status({ state: 'loading', progress: 0 }).state).toBe('loading');
  });

  test('refuses a loading progress that goes back', () => {
    const guard = createEngineGuard();
    guard.status({ state: 'loading', progress: 0.5 });
    expect(() => guard.status({ state: 'loading', progress: 0.25 })).toThrow(/went back/);
  });

  test('lets through a burst and a steady rate, and refuses a flood', () => {
    let now = 0;
    const guard = createEngineGuard(() => now);
    for (let second = 0; second < 10; second++) {
      for (let i = 0; i < MAX_MESSAGES_PER_SECOND; i++) guard.message();
      now += 1000;
    }
    expect(() => {
      for (let i = 0; i < 10 * MAX_MESSAGES_PER_SECOND; i++) guard.message();
    }).toThrow(/faster/);
  });
});

describe('what every host shares about a run', () => {
  test('a run that never reached the engine has a whole trace', () => {
    const events = unstartedTrace(REQUEST, '', { outcome: 'stopped' });
    expect(validateTrace(events).at(-1)).toMatchObject({ outcome: 'stopped', exitCode: 124 });
  });

  test('the registry names runs, passes the name on, and stops a run by it', async () => {
    const calls: { request: RunRequest; runId: string | undefined }[] = [];
    const stopped: string[] = [];
    let finish = () => {};
    const engine: Engine = {
      status: { state: 'ready' },
      onStatus: () => () => {},
      close: () => {},
      run(request, onEvents, runId): RunHandle {
        calls.push({ request, runId });
        onEvents([START]);
        return {
          finished: new Promise((resolve) => (finish = resolve)),
          stop: () => stopped.push(runId ?? ''),
        };
      },
    };
    const sent: [string, number][] = [];
    const registry = new RunRegistry(
      engine,
      (id, events) => sent.push([id, events.length]),
      () => 'run-1',
    );
    expect(registry.run(REQUEST)).toBe('run-1');
    expect(registry.run(REQUEST, 'named')).toBe('named');
    expect(calls.map((c) => c.runId)).toEqual(['run-1', 'named']);
    expect(sent).toEqual([
      ['run-1', 1],
      ['named', 1],
    ]);
    registry.stop('named');
    expect(stopped).toEqual(['named']);
    finish();
    await Promise.resolve();
    await Promise.resolve();
    registry.stop('named');
    expect(stopped).toEqual(['named']);
  });

  test('the restart policy waits longer each time, gives up, and starts over when reset', () => {
    let now = 0;
    const policy = createRestartPolicy({ now: () => now });
    expect([policy.next(), policy.next(), policy.next(), policy.next()]).toEqual([
      250,
      500,
      750,
      null,
    ]);
    now += 60_001;
    expect(policy.next()).toBe(250);
    policy.reset();
    expect(policy.next()).toBe(250);
  });
});
