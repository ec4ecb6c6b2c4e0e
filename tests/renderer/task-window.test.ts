import { describe, expect, it } from 'vitest';
import type { DisplayStatus, TaskCardData } from '../../src-renderer/replay/views.ts';
import {
  COMPACT_FROM,
  STATUS_ORDER,
  countByStatus,
  windowCards,
} from '../../src-renderer/lib/task-window.ts';
import { MACHINE_STATES } from '../../src-renderer/viz/state-machine.ts';

function cards(statuses: readonly DisplayStatus[]): TaskCardData[] {
  return statuses.map((status, id) => ({
    id,
    name: `Task-${id}`,
    coro: 'work',
    order: id,
    status,
    awaiting: null,
    line: null,
    internal: null,
    result: null,
    exception: null,
    cancelRequested: false,
  }));
}

const many = (count: number) => cards(Array.from({ length: count }, () => 'suspended'));

describe('which task cards are drawn', () => {
  it('a few tasks are all drawn as full cards', () => {
    const shown = windowCards(many(COMPACT_FROM - 1), null);
    expect(shown.cards).toHaveLength(COMPACT_FROM - 1);
    expect(shown.compact).toBe(false);
  });

  it('many tasks are drawn as chips', () => {
    expect(windowCards(many(COMPACT_FROM), null).compact).toBe(true);
  });

  it('hundreds of tasks: a window of cards, the focused task a quarter of the way down', () => {
    const all = many(300);
    const shown = windowCards(all, 150, 48);
    expect(shown.cards).toHaveLength(48);
    expect(shown.start).toBe(138);
    expect(shown.cards[12]?.id).toBe(150);
  });

  it('the window stays inside the list at both ends', () => {
    const all = many(300);
    expect(windowCards(all, 2, 48).start).toBe(0);
    expect(windowCards(all, 299, 48).start).toBe(252);
    expect(windowCards(all, null, 48).start).toBe(0);
  });
});

describe('how many tasks are in each state', () => {
  it('counts each state, in the order of a task’s life, leaving out states with none', () => {
    const counted = countByStatus(
      cards(['done', 'running', 'suspended', 'done', 'failed', 'suspended', 'suspended']),
    );
    expect(counted).toEqual([
      ['running', 1],
      ['suspended', 3],
      ['done', 2],
      ['failed', 1],
    ]);
  });

  it('names every state the task diagram draws, each once', () => {
    expect([...STATUS_ORDER].sort()).toEqual([...MACHINE_STATES].sort());
    expect(new Set(STATUS_ORDER).size).toBe(STATUS_ORDER.length);
  });
});
