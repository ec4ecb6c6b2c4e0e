/**
 * The engine client's rules, checked with stand-in workers: one worker per run, ended with
 * its run, and nothing a worker sends taken on trust (the real worker runs untrusted
 * programs). The real worker's behaviour is in engine-behaviour.test.ts and tests/hostile/.
 */
import { describe, expect, test } from 'vitest';
import { EngineClient, type EngineClientOptions } from '../../src-engine/core/engine-client.ts';
import type { HostMessage, WorkerPort } from '../../src-engine/core/protocol.ts';
import { validateTrace } from '../../src-shared/trace-validate.ts';
import { encodeBatch } from '../../src-shared/trace-wire.ts';
import type { RunRequest, TraceEvent } from '../../src-shared/trace.ts';

interface FakeWorker extends WorkerPort {
  send(message: unknown): void;
  received: HostMessage[];
  terminated: boolean;
}

function createFakeWorker(): FakeWorker {
  let listener: (message: unknown) => void = () => {};
  const worker: FakeWorker = {
    received: [],
    terminated: false,
    post: (message) => void worker.received.push(message),
    onMessage: (l) => void (listener = l),
    onError: () => {},
    terminate: () => void (worker.terminated = true),
    send: (message) => listener(message),
  };
  return worker;
}

function createClient(options: Partial<EngineClientOptions> = {}) {
  const workers: FakeWorker[] = [];
  const saved: Uint8Array[] = [];
  const client = new EngineClient({
    spawn: () => {
      const worker = createFakeWorker();
      workers.push(worker);
      return worker;
    },
    saveSnapshot: async (snapshot) => void saved.push(snapshot),
    ...options,
  });
  return { client, workers, saved };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const READY = { type: 'ready', python: '3.14.2', coldStartMs: 10 };
const REQUEST: RunRequest = { code: 'print(1)', filename: '/tmp/a.py' };

/** A trace the engine would send for a program that prints `text`. */
function traceOf(text: string): TraceEvent[] {
  return [
    { seq: 0, t: 0, kind: 'run.start', version: 1, python: '3.14.2', file: 'a.py', source: '' },
    { seq: 1, t: 0, kind: 'output', stream: 'stdout', text },
    { seq: 2, t: 0, kind: 'run.end', outcome: 'completed', exitCode: 0 },
  ];
}

/** Ends the run `worker` was given with the trace of a program that prints `text`. */
function answerRun(worker: FakeWorker | undefined, text: string): void {
  const run = worker?.received.find((m) => m.type === 'run');
  worker?.send({
    type: 'events',
    id: run?.type === 'run' ? run.id : 0,
    batch: encodeBatch(traceOf(text)),
  });
}

/** Starts a run once the first worker is ready; returns its events as they come. */
async function startRun(h: ReturnType<typeof createClient>, request = REQUEST) {
  const events: TraceEvent[] = [];
  const handle = h.client.run(request, (batch) => events.push(...batch));
  await tick();
  h.workers.at(-1)?.send(READY);
  await tick();
  const worker = h.workers.find((w) => w.received.some((m) => m.type === 'run'));
  const message = worker?.received.find((m) => m.type === 'run');
  return { events, handle, worker, id: message?.type === 'run' ? message.id : -1 };
}

describe('one worker per run', () => {
  test('a run gets its own worker, the next one is started as it starts, and its worker ends with it', async () => {
    const h = createClient();
    const { events, handle, worker, id } = await startRun(h);
    expect(h.workers).toHaveLength(2);
    expect(worker).toBe(h.workers[0]);
    // The next worker prepares once the run has ended (or has run for a moment).
    expect(h.workers[1]?.received).toEqual([]);
    expect(worker?.terminated).toBe(false);
    worker?.send({ type: 'events', id, batch: encodeBatch(traceOf('one\n')) });
    await handle.finished;
    expect(worker?.terminated).toBe(true);
    await tick();
    expect(h.workers[1]?.received[0]?.type).toBe('init');
    expect(events.map((e) => e.kind)).toEqual(['run.start', 'output', 'run.end']);

    // The second run gets the worker started in the background, and a third is started.
    h.workers[1]?.send(READY);
    const second: TraceEvent[] = [];
    const next = h.client.run(REQUEST, (batch) => second.push(...batch));
    await tick();
    expect(h.workers[1]?.received.some((m) => m.type === 'run')).toBe(true);
    expect(h.workers).toHaveLength(3);
    answerRun(h.workers[1], 'two\n');
    await next.finished;
    expect(second.find((e) => e.kind === 'output')).toMatchObject({ text: 'two\n' });
  });

  test('a client for one run prepares no next worker, and a later run still gets one', async () => {
    const h = createClient({ prepareNext: false });
    const { events, handle, worker, id } = await startRun(h);
    expect(h.workers).toEqual([worker]);
    worker?.send({ type: 'events', id, batch: encodeBatch(traceOf('one\n')) });
    await handle.finished;
    await new Promise((resolve) => setTimeout(resolve, 400));
    // Nothing was started while the run ran, nor after it.
    expect(h.workers).toHaveLength(1);
    expect(events.at(-1)?.kind).toBe('run.end');

    // The next run starts its worker when it comes.
    const second: TraceEvent[] = [];
    const next = h.client.run(REQUEST, (batch) => second.push(...batch));
    await tick();
    expect(h.workers).toHaveLength(2);
    h.workers[1]?.send(READY);
    await tick();
    expect(h.workers).toHaveLength(2);
    answerRun(h.workers[1], 'two\n');
    await next.finished;
    expect(second.find((e) => e.kind === 'output')).toMatchObject({ text: 'two\n' });
  });

  test('nothing a worker sends after its run ended reaches anyone', async () => {
    const h = createClient();
    const { events, handle, worker, id } = await startRun(h);
    worker?.send({ type: 'events', id, batch: encodeBatch(traceOf('mine\n')) });
    await handle.finished;
    const count = events.length;
    const statuses: string[] = [];
    h.client.onStatus((status) => statuses.push(status.state));
    worker?.send({ type: 'events', id, batch: encodeBatch(traceOf('resident\n')) });
    worker?.send({ type: 'loading', progress: 0.25 });
    worker?.send({ type: 'failed', message: 'resident' });
    expect(events).toHaveLength(count);
    expect(statuses).toEqual([]);
  });

  test('a worker waiting for its run that sends events is ended, and its start fails', async () => {
    const h = createClient();
    const ready = h.client.ready().catch((error: unknown) => error);
    await tick();
    h.workers[0]?.send(READY);
    await ready;
    h.workers[0]?.send({ type: 'events', id: 1, batch: encodeBatch(traceOf('forged\n')) });
    expect(h.workers[0]?.terminated).toBe(true);
    expect(h.client.status.state).toBe('crashed');
  });

  test('the compiled WebAssembly and the snapshot go to every worker', async () => {
    const wasm = {} as WebAssembly.Module;
    const snapshot = new Uint8Array([1, 2, 3]);
    const h = createClient({ compileWasm: async () => wasm, loadSnapshot: async () => snapshot });
    const { handle, worker, id } = await startRun(h);
    worker?.send({ type: 'events', id, batch: encodeBatch(traceOf('one\n')) });
    await handle.finished;
    await tick();
    expect(h.workers).toHaveLength(2);
    for (const worker of h.workers) {
      expect(worker.received[0]).toMatchObject({ type: 'init', wasm, snapshot });
    }
  });

  test('a run stopped while it waits for its worker ends at once, and the worker serves the next', async () => {
    const h = createClient();
    const events: TraceEvent[] = [];
    const handle = h.client.run(REQUEST, (batch) => events.push(...batch));
    await tick();
    handle.stop();
    await handle.finished;
    expect(validateTrace(events).map((e) => e.kind)).toEqual(['run.start', 'run.end']);
    expect(events.at(-1)).toMatchObject({ outcome: 'stopped', exitCode: 124 });
    h.workers[0]?.send(READY);
    const next = await startRun(h);
    expect(next.worker).toBe(h.workers[0]);
  });
});

describe('the snapshot', () => {
  test('is kept when a worker makes it while it prepares its interpreter', async () => {
    const { client, workers, saved } = createClient();
    const ready = client.ready();
    await tick();
    workers[0]?.send({ type: 'loading', progress: 0 });
    workers[0]?.send({ type: 'snapshot', snapshot: new Uint8Array([1, 2, 3]) });
    workers[0]?.send(READY);
    await ready;
    expect(saved).toEqual([new Uint8Array([1, 2, 3])]);
  });

  test('is refused once the worker is ready, and that worker is replaced', async () => {
    const { client, workers, saved } = createClient();
    const ready = client.ready();
    await tick();
    workers[0]?.send(READY);
    await ready;
    workers[0]?.send({ type: 'snapshot', snapshot: new Uint8Array([6, 6, 6]) });
    expect(saved).toEqual([]);
    expect(workers[0]?.terminated).toBe(true);
    expect(client.status.state).toBe('crashed');
  });

  test('is refused from a worker that was given one, and a kept one that fails is dropped', async () => {
    const h = createClient({ loadSnapshot: async () => new Uint8Array([1]) });
    const ready = h.client.ready();
    await tick();
    h.workers[0]?.send({ type: 'snapshot', snapshot: new Uint8Array([6, 6, 6]) });
    expect(h.saved).toEqual([]);
    expect(h.workers[0]?.terminated).toBe(true);
    // The engine prepares a new interpreter, and keeps the snapshot it makes.
    await tick();
    expect(h.workers[1]?.received[0]).toMatchObject({ type: 'init', snapshot: null });
    h.workers[1]?.send({ type: 'snapshot', snapshot: new Uint8Array([4, 2]) });
    h.workers[1]?.send(READY);
    await ready;
    expect(h.saved).toEqual([new Uint8Array([4, 2])]);
  });
});

describe('what a worker sends is checked', () => {
  test('a worker that dies before recording anything still gives a trace with a start and an end', async () => {
    const h = createClient();
    const { events, handle, worker } = await startRun(h);
    worker?.send({ type: 'failed', message: 'the interpreter ended' });
    await handle.finished;
    expect(validateTrace(events).map((e) => e.kind)).toEqual(['run.start', 'run.end']);
    expect(events[1]).toMatchObject({
      outcome: 'crashed',
      exitCode: 70,
      error: 'the interpreter ended',
    });
  });

  test('a message of an unknown shape ends the worker', async () => {
    const { client, workers } = createClient();
    const ready = client.ready().catch((error: unknown) => error);
    await tick();
    workers[0]?.send({ type: 'events', id: 'not a number', batch: encodeBatch([]) });
    expect(await ready).toBeInstanceOf(Error);
    expect(workers[0]?.terminated).toBe(true);
  });

  test('a forged loading status from a running program ends the run as crashed', async () => {
    const h = createClient();
    const { events, handle, worker } = await startRun(h);
    const statuses: string[] = [];
    h.client.onStatus((status) => statuses.push(status.state));
    worker?.send({ type: 'loading', progress: 0.25 });
    await handle.finished;
    expect(events.at(-1)).toMatchObject({
      outcome: 'crashed',
      error: expect.stringMatching(/loading after it was ready/),
    });
    expect(statuses).not.toContain('loading');
  });

  test('more events than the budget allows end the run as crashed, keeping what came before', async () => {
    const h = createClient();
    const { events, handle, worker, id } = await startRun(h, {
      ...REQUEST,
      budgets: { maxEvents: 100 },
    });
    const forged: TraceEvent[] = traceOf('x').slice(0, 1);
    for (let seq = 1; seq < 1000; seq++)
      forged.push({ seq, t: 0, kind: 'line', line: 1, task: null });
    worker?.send({ type: 'events', id, batch: encodeBatch(forged.slice(0, 50)) });
    worker?.send({ type: 'events', id, batch: encodeBatch(forged.slice(50)) });
    await handle.finished;
    expect(validateTrace(events)).toHaveLength(51);
    expect(events.at(-1)).toMatchObject({
      outcome: 'crashed',
      error: expect.stringMatching(/more events/),
    });
    expect(worker?.terminated).toBe(true);
  });

  test('more output than the budget allows ends the run as crashed', async () => {
    const h = createClient();
    const { events, handle, worker, id } = await startRun(h, {
      ...REQUEST,
      budgets: { maxOutputBytes: 10_000 },
    });
    worker?.send({
      type: 'events',
      id,
      batch: encodeBatch(traceOf('x'.repeat(20_000)).slice(0, 2)),
    });
    await handle.finished;
    expect(events.map((e) => e.kind)).toEqual(['run.start', 'run.end']);
    expect(events.at(-1)).toMatchObject({ error: expect.stringMatching(/more output/) });
  });

  test('a batch larger than a run sends ends the run as crashed before it is parsed', async () => {
    const h = createClient();
    const { events, handle, worker, id } = await startRun(h, {
      ...REQUEST,
      budgets: { maxOutputBytes: 1000 },
    });
    // Lists in lists, a hundred million deep: only its size is looked at.
    worker?.send({ type: 'events', id, batch: new Uint8Array(100_000_000).fill(0x5b) });
    await handle.finished;
    expect(events.map((e) => e.kind)).toEqual(['run.start', 'run.end']);
    expect(events.at(-1)).toMatchObject({
      outcome: 'crashed',
      error: expect.stringMatching(/batch of 100000000 bytes, more than a run sends/),
    });
    expect(worker?.terminated).toBe(true);
  });

  test('a batch that is not bytes ends the run as crashed', async () => {
    const h = createClient();
    const { events, handle, worker, id } = await startRun(h);
    worker?.send({ type: 'events', id, batch: '[0,-1,0]' });
    await handle.finished;
    expect(events.at(-1)).toMatchObject({
      outcome: 'crashed',
      error: expect.stringMatching(/unknown shape/),
    });
    expect(worker?.terminated).toBe(true);
  });

  test('a flood of messages ends the run as crashed', async () => {
    const h = createClient();
    const { events, handle, worker, id } = await startRun(h);
    for (let i = 0; i < 5000 && !worker?.terminated; i++)
      worker?.send({ type: 'events', id, batch: encodeBatch([]) });
    await handle.finished;
    expect(events.at(-1)).toMatchObject({
      outcome: 'crashed',
      error: expect.stringMatching(/faster/),
    });
  });
});
