/**
 * The engine client's rules for what a worker may send, checked with a stand-in worker: the
 * real worker runs untrusted programs, so nothing it sends is taken on trust.
 */
import { describe, expect, test } from 'vitest';
import { EngineClient } from '../../src-engine/core/engine-client.ts';
import type { HostMessage, WorkerPort } from '../../src-engine/core/protocol.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';

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

function createClient() {
  const workers: FakeWorker[] = [];
  const saved: Uint8Array[] = [];
  const client = new EngineClient({
    spawn: () => {
      const worker = createFakeWorker();
      workers.push(worker);
      return worker;
    },
    saveSnapshot: async (snapshot) => void saved.push(snapshot),
  });
  return { client, workers, saved };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the engine client', () => {
  test('keeps the snapshot a worker makes while it prepares its interpreter', async () => {
    const { client, workers, saved } = createClient();
    const ready = client.ready();
    await tick();
    workers[0]?.send({ type: 'loading', progress: 0 });
    workers[0]?.send({ type: 'snapshot', snapshot: new Uint8Array([1, 2, 3]) });
    workers[0]?.send({ type: 'ready', python: '3.14.2', coldStartMs: 10 });
    await ready;
    expect(saved).toEqual([new Uint8Array([1, 2, 3])]);
  });

  test('refuses a snapshot sent once the worker is ready, and replaces that worker', async () => {
    const { client, workers, saved } = createClient();
    const ready = client.ready();
    await tick();
    workers[0]?.send({ type: 'ready', python: '3.14.2', coldStartMs: 10 });
    await ready;
    workers[0]?.send({ type: 'snapshot', snapshot: new Uint8Array([6, 6, 6]) });
    expect(saved).toEqual([]);
    expect(workers[0]?.terminated).toBe(true);
    expect(client.status.state).toBe('crashed');
  });

  test('a worker that dies before recording anything still gives a trace with a start and an end', async () => {
    const { client, workers } = createClient();
    const events: TraceEvent[] = [];
    const handle = client.run({ code: 'print(1)', filename: '/tmp/a.py' }, (batch) =>
      events.push(...batch),
    );
    await tick();
    workers[0]?.send({ type: 'ready', python: '3.14.2', coldStartMs: 10 });
    await tick();
    await tick();
    workers[0]?.send({ type: 'failed', message: 'the interpreter ended' });
    await handle.finished;
    expect(events.map((e) => e.kind)).toEqual(['run.start', 'run.end']);
    expect(events[1]).toMatchObject({ outcome: 'crashed', error: 'the interpreter ended' });
  });

  test('a message of an unknown shape ends the worker', async () => {
    const { client, workers } = createClient();
    const ready = client.ready().catch((error: unknown) => error);
    await tick();
    workers[0]?.send({ type: 'events', id: 'not a number', json: '[]' });
    expect(await ready).toBeInstanceOf(Error);
    expect(workers[0]?.terminated).toBe(true);
  });
});
