import { describe, expect, it } from 'vitest';
import type { DisplayStatus, TaskCardData } from '../../src-renderer/replay/view-model.ts';
import {
  COMPACT_FROM,
  STATUS_ORDER,
  countByStatus,
  tasksViewModel,
  windowCards,
} from '../../src-renderer/lib/task-window.ts';
import { MACHINE_STATES } from '../../src-renderer/viz/state-machine.ts';

function cards(statuses: readonly DisplayStatus[]): TaskCardData[] {
  return statuses.map((status, id) => ({
    id,
    name: `Task-${id}`,
    binding: null,
    call: 'work()',
    coro: 'work',
    order: id,
    status,
    awaiting: null,
    line: null,
    internal: null,
    result: null,
    exception: null,
    cancelRequested: false,
    finishOrder: null,
    awaitingLabel: null,
    incident: null,
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

describe('the tasks view’s model', () => {
  it('a few tasks: full cards, no summary, the focused task found, asyncio’s own counted', () => {
    const few = cards(['running', 'suspended', 'done']);
    const own = few.map((card, i) => (i === 2 ? { ...card, internal: 'executor' as const } : card));
    const view = tasksViewModel(own, 1);
    expect(view.window.compact).toBe(false);
    expect(view.window.cards).toHaveLength(3);
    expect(view.summary).toEqual([]);
    expect(view.focused?.name).toBe('Task-1');
    expect(view.internal).toBe(1);
  });

  it('many tasks: chips, a count per state over all of them, not only the window', () => {
    const statuses: DisplayStatus[] = Array.from({ length: 100 }, (_, i) =>
      i < 60 ? 'done' : 'suspended',
    );
    const view = tasksViewModel(cards(statuses), 80, 20);
    expect(view.window.compact).toBe(true);
    expect(view.window.cards).toHaveLength(20);
    expect(view.window.cards.some((card) => card.id === 80)).toBe(true);
    expect(view.summary).toEqual([
      ['suspended', 40],
      ['done', 60],
    ]);
    expect(view.focused?.id).toBe(80);
  });

  it('many tasks at a run’s end: the count per state, as the header’s, leaves out asyncio’s own', () => {
    const statuses: DisplayStatus[] = Array.from({ length: 32 }, () => 'done');
    const withShutdown = cards(statuses).map((card, i) =>
      i >= 30
        ? { ...card, internal: i === 30 ? ('asyncgens' as const) : ('executor' as const) }
        : card,
    );
    const view = tasksViewModel(withShutdown, null);
    expect(view.window.compact).toBe(true);
    expect(view.internal).toBe(2);
    expect(view.summary).toEqual([['done', 30]]);
  });

  it('no task in focus: the diagram follows none', () => {
    expect(tasksViewModel(cards(['running']), null).focused).toBeNull();
  });
});
