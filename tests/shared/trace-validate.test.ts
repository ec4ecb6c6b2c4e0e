/**
 * The validator refuses what the trace format does not allow, for the event kinds and fields
 * the engine records at CPython's edges: dropped futures, hot lines, a task's call.
 */
import { describe, expect, test } from 'vitest';
import { validateEvent } from '../../src-shared/trace-validate.ts';

const at = { seq: 3, t: 0.5 };

describe('the trace validator', () => {
  test('accepts a dropped future with a known reason, and refuses any other reason', () => {
    expect(() =>
      validateEvent({ ...at, kind: 'future.dropped', future: 2, reason: 'pending' }),
    ).not.toThrow();
    expect(() =>
      validateEvent({ ...at, kind: 'future.dropped', future: 2, reason: 'collected' }),
    ).toThrow(/bad field "reason"/);
  });

  test('accepts a hot line, and hotLines on run.end only as a list of line numbers', () => {
    expect(() => validateEvent({ ...at, kind: 'line.hot', line: 4, task: null })).not.toThrow();
    const end = { ...at, kind: 'run.end', outcome: 'completed', exitCode: 0 };
    expect(() => validateEvent({ ...end, hotLines: [4, 5] })).not.toThrow();
    expect(() => validateEvent(end)).not.toThrow();
    expect(() => validateEvent({ ...end, hotLines: ['4'] })).toThrow(/hotLines/);
  });

  test('a task.create may carry the call that made its coroutine, as a string', () => {
    const create = {
      ...at,
      kind: 'task.create',
      task: 2,
      name: 'Task-2',
      coro: 'worker',
      defLine: 3,
      from: { line: 8, task: 1 },
    };
    expect(() => validateEvent(create)).not.toThrow();
    expect(() => validateEvent({ ...create, call: 'worker(1, 2)' })).not.toThrow();
    expect(() => validateEvent({ ...create, call: 12 })).toThrow(/bad field "call"/);
  });
});
