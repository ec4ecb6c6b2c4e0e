import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineStatus } from '../../src-shared/api.ts';
import type { EngineRunRequest } from '../../src-shared/engine-bridge.ts';
import { validateTrace } from '../../src-shared/trace-validate.ts';
import type { OutcomeKind, TraceEvent } from '../../src-shared/trace.ts';
import { createRestartPolicy } from '../../src-shared/engine-run.ts';
import {
  createEngineCalls,
  EngineHost,
  type EngineHostOptions,
  type EnginePageHandlers,
} from '../../src-main/engine-host.ts';
import { IpcValidationError } from '../../src-main/ipc-validate.ts';
import { runStartEvent } from './trace-events.ts';

interface FakePage {
  handlers: EnginePageHandlers;
  runs: [string, EngineRunRequest][];
  stops: string[];
  destroyed: boolean;
  /** What the page's process holds, as the host reads it; null: unknown. */
  resident: number | null;
}

interface CallOptions {
  sendEvents(runId: string, events: TraceEvent[]): void;
  maxSendsPerSecond: number;
}

function createHarness(options: Partial<EngineHostOptions & CallOptions> = {}) {
  const pages: FakePage[] = [];
  const statuses: EngineStatus[] = [];
  const received = new Map<string, TraceEvent[]>();
  let ids = 0;
  const host = new EngineHost({
    createPage: (handlers) => {
      const page: FakePage = { handlers, runs: [], stops: [], destroyed: false, resident: null };
      pages.push(page);
      return {
        run: (runId, request) => page.runs.push([runId, request]),
        stop: (runId) => page.stops.push(runId),
        residentBytes: () => page.resident,
        destroy: () => {
          page.destroyed = true;
        },
      };
    },
    log: () => {},
    ...options,
  });
  host.onStatus((status) => statuses.push(status));
  // The app page's calls, as src-main/engine.ts puts them over the host.
  const calls = createEngineCalls(host, {
    sendEvents:
      options.sendEvents ??
      ((runId, events) => received.set(runId, [...(received.get(runId) ?? []), ...events])),
    newRunId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    ...(options.maxSendsPerSecond ? { maxSendsPerSecond: options.maxSendsPerSecond } : {}),
  });
  const page = () => pages.at(-1) as FakePage;
  /** Everything the renderer got for a run, checked as one trace. */
  const traceOf = async (runId: string) => {
    await vi.advanceTimersByTimeAsync(100);
    const events = received.get(runId) ?? [];
    return validateTrace(events);
  };
  const ready = () => page().handlers.status({ state: 'ready', python: '3.14.0' });
  return { host, ...calls, pages, page, statuses, received, traceOf, ready };
}

const request = (code = 'print(1)', budgets: Partial<EngineRunRequest['budgets']> = {}) => ({
  code,
  filename: 'main.py',
  budgets,
});

function trace(lines: number, outcome: OutcomeKind = 'completed'): TraceEvent[] {
  const events: TraceEvent[] = [runStartEvent()];
  for (let i = 0; i < lines; i += 1)
    events.push({ seq: i + 1, t: i * 0.5, kind: 'line', line: 1, task: null });
  events.push({
    seq: lines + 1,
    t: lines * 0.5,
    kind: 'run.end',
    outcome,
    exitCode: outcome === 'completed' ? 0 : 1,
  });
  return events;
}

const lastOf = (events: TraceEvent[]) => events.at(-1) as TraceEvent;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the engine host starting the engine', () => {
  it('opens the engine page at start and shows its progress, then its Python version', () => {
    const h = createHarness();
    h.host.start();
    expect(h.pages).toHaveLength(1);
    expect(h.statuses.at(-1)).toEqual({ state: 'loading', progress: 0 });
    h.page().handlers.status({ state: 'loading', progress: 0.5 });
    expect(h.statuses.at(-1)).toEqual({ state: 'loading', progress: 0.5 });
    h.ready();
    expect(h.host.status).toEqual({ state: 'ready', python: '3.14.0' });
    expect(h.host.pythonVersion).toBe('3.14.0');
  });

  it('replaces a page that does not get ready in time', async () => {
    const h = createHarness({ loadTimeoutMs: 1000 });
    h.host.start();
    await vi.advanceTimersByTimeAsync(1001);
    expect(h.pages[0]?.destroyed).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.pages).toHaveLength(2);
  });
});

describe('the engine host running programs', () => {
  it('sends a run to the page once it is ready, and forwards its checked events in order', async () => {
    const h = createHarness();
    h.host.start();
    const runId = h.run(request());
    expect(h.page().runs).toEqual([]);
    h.ready();
    expect(h.page().runs[0]?.[0]).toBe(runId);
    expect(h.page().runs[0]?.[1].budgets.maxWallMs).toBe(10_000);
    expect(h.host.status.state).toBe('running');
    const events = trace(5);
    h.page().handlers.events(runId, events.slice(0, 3));
    h.page().handlers.events(runId, events.slice(3));
    expect(await h.traceOf(runId)).toEqual(events);
    expect(h.host.status.state).toBe('ready');
  });

  it('runs one program at a time, in the order asked', async () => {
    const h = createHarness();
    h.host.start();
    h.ready();
    const first = h.run(request('a'));
    const second = h.run(request('b'));
    expect(h.page().runs.map(([id]) => id)).toEqual([first]);
    h.page().handlers.events(first, trace(1));
    expect(h.page().runs.map(([id]) => id)).toEqual([first, second]);
    h.page().handlers.events(second, trace(1));
    expect(lastOf(await h.traceOf(second)).kind).toBe('run.end');
  });

  it('refuses a malformed request and queues nothing', () => {
    const h = createHarness();
    h.host.start();
    h.ready();
    expect(() => h.run({ code: 42 })).toThrow(IpcValidationError);
    expect(() => h.run({ code: 'x', filename: 'x.py', budgets: { maxWallMs: -5 } })).toThrow(
      IpcValidationError,
    );
    expect(h.page().runs).toEqual([]);
  });

  it('ignores events of a run that is not the active one', async () => {
    const h = createHarness();
    h.host.start();
    h.ready();
    const runId = h.run(request());
    h.page().handlers.events('00000000-0000-4000-8000-999999999999', trace(1));
    h.page().handlers.events(runId, trace(2));
    expect(await h.traceOf(runId)).toHaveLength(4);
    expect(h.pages).toHaveLength(1);
  });

  it('completes the trace of a run the page could not carry out', async () => {
    const h = createHarness();
    h.host.start();
    h.ready();
    const runId = h.run(request());
    h.page().handlers.runFailed(runId, 'Pyodide did not load');
    const events = await h.traceOf(runId);
    expect(events.map((e) => e.kind)).toEqual(['run.start', 'run.end']);
    expect(lastOf(events)).toMatchObject({
      outcome: 'crashed',
      error: expect.stringContaining('Pyodide did not load'),
    });
  });
});

describe('the engine host distrusting the engine page', () => {
  it.each([
    ['events out of order', (e: TraceEvent[]) => [e[0], e[2]]],
    [
      'an event of an unknown kind',
      (e: TraceEvent[]) => [e[0], { seq: 1, t: 0, kind: 'js.eval', code: 'x' }],
    ],
    [
      'a trace not starting with run.start',
      (e: TraceEvent[]) => e.slice(1).map((x, i) => ({ ...x, seq: i })),
    ],
    [
      'events after the end',
      (e: TraceEvent[]) => [...e, { seq: e.length, t: 9, kind: 'line', line: 1, task: null }],
    ],
    ['a batch that is not an array', () => ({ 0: 'nope' })],
    [
      'the clock going back',
      (e: TraceEvent[]) => [e[0], { ...(e[2] as TraceEvent), seq: 1, t: -1 }],
    ],
  ])('ends the run as crashed and replaces the page that sent %s', async (_name, forge) => {
    const h = createHarness();
    h.host.start();
    h.ready();
    const runId = h.run(request());
    h.page().handlers.events(runId, forge(trace(3)));
    const events = await h.traceOf(runId);
    expect(lastOf(events)).toMatchObject({ kind: 'run.end', outcome: 'crashed' });
    expect((lastOf(events) as { error?: string }).error).toMatch(/invalid trace/);
    expect(h.pages[0]?.destroyed).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.pages).toHaveLength(2);
    // The new page works.
    h.ready();
    const next = h.run(request());
    h.page().handlers.events(next, trace(1));
    expect(lastOf(await h.traceOf(next))).toMatchObject({ outcome: 'completed' });
  });

  it('ends a run that floods more events than its budget allows', async () => {
    const h = createHarness();
    h.host.start();
    h.ready();
    const runId = h.run(request('x', { maxEvents: 100 }));
    h.page().handlers.events(runId, trace(500).slice(0, 400));
    const events = await h.traceOf(runId);
    expect(lastOf(events)).toMatchObject({
      outcome: 'crashed',
      error: expect.stringMatching(/more events/),
    });
    expect(h.pages[0]?.destroyed).toBe(true);
  });

  it('ends a run that sends more output than its budget allows', async () => {
    const h = createHarness();
    h.host.start();
    h.ready();
    const runId = h.run(request('x', { maxOutputBytes: 10 }));
    const start = trace(0)[0] as TraceEvent;
    h.page().handlers.events(runId, [
      start,
      { seq: 1, t: 0, kind: 'output', stream: 'stdout', text: 'x'.repeat(5000) },
    ]);
    expect(lastOf(await h.traceOf(runId))).toMatchObject({
      outcome: 'crashed',
      error: expect.stringMatching(/more output/),
    });
  });

  it('replaces a page that reports a malformed status', () => {
    const h = createHarness();
    h.host.start();
    h.page().handlers.status({ state: 'ready', python: '"><script>' });
    expect(h.pages[0]?.destroyed).toBe(true);
  });

  it('refuses a loading status once the page was ready, and replaces the page', async () => {
    const h = createHarness();
    h.host.start();
    h.ready();
    const runId = h.run(request());
    h.page().handlers.status({ state: 'loading', progress: 0.25 });
    expect(lastOf(await h.traceOf(runId))).toMatchObject({
      outcome: 'crashed',
      error: expect.stringMatching(/loading after it was ready/),
    });
    expect(h.pages[0]?.destroyed).toBe(true);
    expect(h.statuses.some((s) => s.state === 'loading' && s.progress === 0.25)).toBe(false);
  });

  it('replaces a page whose engine cannot start, under the restart policy', async () => {
    const h = createHarness();
    h.host.start();
    const runId = h.run(request());
    h.page().handlers.status({ state: 'crashed', error: 'out of memory' });
    expect(h.pages[0]?.destroyed).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.pages).toHaveLength(2);
    h.ready();
    expect(h.page().runs.map(([id]) => id)).toEqual([runId]);
  });

  it('refuses a loading progress that goes back', () => {
    const h = createHarness();
    h.host.start();
    h.page().handlers.status({ state: 'loading', progress: 0.5 });
    h.page().handlers.status({ state: 'loading', progress: 0.25 });
    expect(h.pages[0]?.destroyed).toBe(true);
  });

  it('replaces a page that floods it with messages', () => {
    const h = createHarness();
    h.host.start();
    h.ready();
    for (let i = 0; i < 5000 && !h.pages[0]?.destroyed; i++)
      h.page().handlers.status({ state: 'ready', python: '3.14.0' });
    expect(h.pages[0]?.destroyed).toBe(true);
  });

  it('does not listen to a page it replaced', async () => {
    const h = createHarness();
    h.host.start();
    h.ready();
    const old = h.page();
    h.page().handlers.gone('its process ended (crashed)');
    await vi.advanceTimersByTimeAsync(1000);
    old.handlers.status({ state: 'ready', python: '9.9.9' });
    expect(h.host.status.state).toBe('loading');
    expect(h.host.pythonVersion).toBe('3.14.0');
  });
});

describe('the engine host stopping runs', () => {
  it('stops a run that has not started without troubling the engine', async () => {
    const h = createHarness();
    h.host.start();
    h.ready();
    const first = h.run(request('a'));
    const second = h.run(request('b'));
    h.stop(second);
    const events = await h.traceOf(second);
    expect(events.map((e) => e.kind)).toEqual(['run.start', 'run.end']);
    expect(events[0]).toMatchObject({ source: 'b', file: 'main.py' });
    expect(lastOf(events)).toMatchObject({ outcome: 'stopped' });
    h.page().handlers.events(first, trace(1));
    expect(h.page().runs).toHaveLength(1);
  });

  it('asks the page to stop the active run, and forwards how it ended', async () => {
    const h = createHarness();
    h.host.start();
    h.ready();
    const runId = h.run(request());
    h.stop(runId);
    expect(h.page().stops).toEqual([runId]);
    h.page().handlers.events(runId, trace(2, 'stopped'));
    expect(lastOf(await h.traceOf(runId))).toMatchObject({ outcome: 'stopped' });
    expect(h.pages[0]?.destroyed).toBe(false);
  });

  it('ends the run itself and replaces the page when the page does not stop it', async () => {
    const h = createHarness({ stopGraceMs: 2000 });
    h.host.start();
    h.ready();
    const runId = h.run(request());
    h.page().handlers.events(runId, trace(3).slice(0, 3));
    h.stop(runId);
    await vi.advanceTimersByTimeAsync(2001);
    const events = await h.traceOf(runId);
    expect(events).toHaveLength(4);
    expect(lastOf(events)).toMatchObject({ kind: 'run.end', outcome: 'stopped', seq: 3, t: 0.5 });
    expect(h.pages[0]?.destroyed).toBe(true);
  });

  it('refuses a stop with a malformed id and ignores one for an unknown run', () => {
    const h = createHarness();
    h.host.start();
    expect(() => h.stop('../etc')).toThrow(IpcValidationError);
    expect(() => h.stop('00000000-0000-4000-8000-000000000042')).not.toThrow();
  });

  it('ends a run whose page holds far more than its memory budget, and replaces the page', async () => {
    const h = createHarness();
    h.host.start();
    h.ready();
    const MB = 1024 * 1024;
    const runId = h.run(request('hog()', { maxMemoryMb: 512 }));
    // The budget plus the page's own and the next worker's is the page's to hold.
    h.page().resident = (512 + 700) * MB;
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.received.get(runId)).toBeUndefined();
    h.page().resident = 2000 * MB;
    await vi.advanceTimersByTimeAsync(300);
    expect(lastOf(await h.traceOf(runId))).toMatchObject({ outcome: 'budget', budget: 'memory' });
    expect(h.pages[0]?.destroyed).toBe(true);
  });

  it('ends a run that outlives its wall budget and the page’s grace, and replaces the page', async () => {
    const h = createHarness({ watchdogSlackMs: 1000 });
    h.host.start();
    h.ready();
    const runId = h.run(request('while True: pass', { maxWallMs: 2000 }));
    await vi.advanceTimersByTimeAsync(2000 + 1500 + 999);
    expect(h.received.get(runId)).toBeUndefined();
    await vi.advanceTimersByTimeAsync(2);
    expect(lastOf(await h.traceOf(runId))).toMatchObject({
      outcome: 'budget',
      budget: 'wall-time',
    });
    expect(h.pages[0]?.destroyed).toBe(true);
  });
});

describe('the engine host when the engine dies', () => {
  it('ends the active run as crashed, restarts the page, and runs the queued program on it', async () => {
    const h = createHarness();
    h.host.start();
    h.ready();
    const first = h.run(request('a'));
    const second = h.run(request('b'));
    h.page().handlers.gone('its process ended (oom)');
    expect(lastOf(await h.traceOf(first))).toMatchObject({
      outcome: 'crashed',
      error: expect.stringContaining('oom'),
    });
    expect(h.host.status.state).toBe('loading');
    await vi.advanceTimersByTimeAsync(1000);
    expect(h.pages).toHaveLength(2);
    h.ready();
    expect(h.page().runs.map(([id]) => id)).toEqual([second]);
  });

  it('gives up after repeated crashes, ends the waiting runs, and tries again on the next run', async () => {
    const h = createHarness({ restarts: createRestartPolicy({ max: 2, delayMs: 10 }) });
    h.host.start();
    const waiting = h.run(request());
    for (let i = 0; i < 3; i += 1) {
      h.page().handlers.gone('its process ended (crashed)');
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(h.pages).toHaveLength(3);
    expect(h.host.status).toMatchObject({
      state: 'crashed',
      error: expect.stringMatching(/keeps failing/),
    });
    expect(lastOf(await h.traceOf(waiting))).toMatchObject({ outcome: 'crashed' });
    h.run(request());
    expect(h.pages).toHaveLength(4);
    expect(h.host.status.state).toBe('loading');
  });

  it('ends every run when disposed', async () => {
    const h = createHarness();
    h.host.start();
    h.ready();
    const active = h.run(request());
    const queued = h.run(request());
    h.close();
    expect(lastOf(validateTrace(h.received.get(active)))).toMatchObject({ outcome: 'stopped' });
    expect(lastOf(validateTrace(h.received.get(queued)))).toMatchObject({ outcome: 'stopped' });
    expect(h.page().destroyed).toBe(true);
  });
});

describe('the engine host forwarding events', () => {
  it('sends a long run in at most about 60 messages a second', async () => {
    let messages = 0;
    const h = createHarness({ sendEvents: () => (messages += 1) });
    h.host.start();
    h.ready();
    const runId = h.run(request());
    const events = trace(10_000);
    for (let i = 0; i < events.length; i += 10) {
      h.page().handlers.events(runId, events.slice(i, i + 10));
      if (i % 100 === 0) await vi.advanceTimersByTimeAsync(1);
    }
    await vi.advanceTimersByTimeAsync(1000);
    // 1001 batches arrived over about 100 ms.
    expect(messages).toBeLessThanOrEqual(8);
  });
});

describe('the engine host watching a long trace arrive', () => {
  it('waits past the deadline while the page is still delivering events, but not for a silent page', async () => {
    const h = createHarness({ watchdogSlackMs: 1000 });
    h.host.start();
    h.ready();
    const runId = h.run(request('x', { maxWallMs: 1000 }));
    const events = trace(40);
    // Events keep coming until well past 1000 + 1500 + 1000 ms.
    for (let i = 0; i < 40; i += 1) {
      h.page().handlers.events(runId, events.slice(i, i + 1));
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(h.pages[0]?.destroyed).toBe(false);
    // Then the page goes silent.
    await vi.advanceTimersByTimeAsync(1001);
    expect(lastOf(await h.traceOf(runId))).toMatchObject({
      outcome: 'budget',
      budget: 'wall-time',
    });
    expect(h.pages[0]?.destroyed).toBe(true);
  });
});
