/**
 * Coalesces trace events on their way to the renderer: the engine sends batches as fast as it
 * records (thousands a second for a busy program), and the renderer needs them in order but
 * not one message each. At most `maxSendsPerSecond` messages leave, each with up to
 * `maxBatchEvents` events of one run, in the order the events arrived.
 */
import type { TraceEvent } from '../src-shared/trace.ts';

export interface EventBatcherOptions {
  send(runId: string, events: TraceEvent[]): void;
  maxSendsPerSecond?: number;
  maxBatchEvents?: number;
  now?: () => number;
}

export interface EventBatcher {
  push(runId: string, events: readonly TraceEvent[]): void;
  /** Events waiting to be sent. */
  readonly pending: number;
  /** Sends everything waiting now, whatever the rate. */
  flush(): void;
  dispose(): void;
}

export function createEventBatcher(options: EventBatcherOptions): EventBatcher {
  const interval = 1000 / (options.maxSendsPerSecond ?? 60);
  const maxBatch = options.maxBatchEvents ?? 20_000;
  const now = options.now ?? (() => performance.now());
  const queue: { runId: string; events: TraceEvent[] }[] = [];
  let pending = 0;
  let lastSend = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  /** Takes up to `maxBatch` events of the run at the head of the queue. */
  const take = (): { runId: string; events: TraceEvent[] } | null => {
    const head = queue[0];
    if (!head) return null;
    const runId = head.runId;
    const events: TraceEvent[] = [];
    while (queue[0]?.runId === runId && events.length < maxBatch) {
      const segment = queue[0];
      const room = maxBatch - events.length;
      if (segment.events.length <= room) {
        append(events, segment.events);
        queue.shift();
      } else {
        append(events, segment.events.splice(0, room));
      }
    }
    pending -= events.length;
    return { runId, events };
  };

  const sendOne = () => {
    const batch = take();
    if (!batch) return;
    lastSend = now();
    options.send(batch.runId, batch.events);
  };

  const schedule = () => {
    if (timer || pending === 0) return;
    // Rounded up: timers fire in whole milliseconds, and early would be too often.
    const delay = Math.max(0, Math.ceil(lastSend + interval - now()));
    timer = setTimeout(() => {
      timer = null;
      sendOne();
      schedule();
    }, delay);
  };

  return {
    push(runId, events) {
      if (events.length === 0) return;
      const last = queue.at(-1);
      if (last && last.runId === runId) append(last.events, events);
      else queue.push({ runId, events: events.slice() });
      pending += events.length;
      schedule();
    },
    get pending() {
      return pending;
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      while (pending > 0) sendOne();
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
      queue.length = 0;
      pending = 0;
    },
  };
}

/** Appends without spreading: a spread of a very large array overflows the call stack. */
function append<T>(target: T[], source: readonly T[]): void {
  for (const item of source) target.push(item);
}
