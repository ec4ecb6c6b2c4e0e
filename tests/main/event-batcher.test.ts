import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TraceEvent } from '../../src-shared/trace.ts';
import { createEventBatcher } from '../../src-main/event-batcher.ts';

const line = (seq: number): TraceEvent => ({ seq, t: 0, kind: 'line', line: 1, task: null });
const range = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => line(from + i));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('batching events for the renderer', () => {
  it('sends the first batch at once and coalesces what follows', async () => {
    const sends: [string, number[]][] = [];
    const batcher = createEventBatcher({
      send: (runId, events) => sends.push([runId, events.map((e) => e.seq)]),
      now: () => Date.now(),
    });
    batcher.push('a', range(0, 2));
    await vi.advanceTimersByTimeAsync(0);
    batcher.push('a', range(2, 2));
    batcher.push('a', range(4, 2));
    await vi.advanceTimersByTimeAsync(20);
    expect(sends).toEqual([
      ['a', [0, 1]],
      ['a', [2, 3, 4, 5]],
    ]);
  });

  it('sends at most 60 messages a second however fast events come, in order', async () => {
    const sendTimes: number[] = [];
    const seen: number[] = [];
    const batcher = createEventBatcher({
      send: (_runId, events) => {
        sendTimes.push(Date.now());
        seen.push(...events.map((e) => e.seq));
      },
      now: () => Date.now(),
    });
    let seq = 0;
    for (let ms = 0; ms < 1000; ms += 1) {
      batcher.push('a', range(seq, 3));
      seq += 3;
      await vi.advanceTimersByTimeAsync(1);
    }
    await vi.advanceTimersByTimeAsync(100);
    const busiestSecond = Math.max(
      ...sendTimes.map((t) => sendTimes.filter((u) => u >= t && u < t + 1000).length),
    );
    expect(busiestSecond).toBeLessThanOrEqual(60);
    expect(seen).toEqual(Array.from({ length: seq }, (_, i) => i));
  });

  it('splits a huge batch and never mixes two runs in one message', async () => {
    const sends: [string, number][] = [];
    const batcher = createEventBatcher({
      send: (runId, events) => sends.push([runId, events.length]),
      maxBatchEvents: 1000,
      now: () => Date.now(),
    });
    batcher.push('a', range(0, 2500));
    batcher.push('b', range(0, 10));
    await vi.advanceTimersByTimeAsync(1000);
    expect(sends).toEqual([
      ['a', 1000],
      ['a', 1000],
      ['a', 500],
      ['b', 10],
    ]);
    expect(batcher.pending).toBe(0);
  });

  it('handles a batch far larger than a spread can take', async () => {
    let total = 0;
    const batcher = createEventBatcher({
      send: (_r, events) => (total += events.length),
      maxBatchEvents: 500_000,
    });
    batcher.push('a', range(0, 300_000));
    batcher.push('a', range(300_000, 300_000));
    batcher.flush();
    expect(total).toBe(600_000);
  });

  it('sends everything at once when flushed, and nothing after disposal', () => {
    const sends: number[] = [];
    const batcher = createEventBatcher({ send: (_r, events) => sends.push(events.length) });
    batcher.push('a', range(0, 3));
    batcher.flush();
    batcher.push('a', range(3, 3));
    batcher.dispose();
    vi.runAllTimers();
    expect(sends).toEqual([3]);
  });
});
