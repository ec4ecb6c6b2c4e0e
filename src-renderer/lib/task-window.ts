/**
 * The tasks view as plain data: which task cards it draws, and how it sums up the rest (a
 * program with hundreds of tasks shows a window of cards around the task the story is about,
 * and a count per state), how many are asyncio's own, and which task the state diagram follows.
 */
import type { DisplayStatus, TaskCardData } from '../replay/view-model.ts';

/** Beyond this many tasks, cards shrink to chips: a name and a state. */
export const COMPACT_FROM = 13;
/** At most this many cards are drawn at once. */
export const WINDOW_SIZE = 48;

/** The states in a task's life, in the order the summary and the diagram name them. */
export const STATUS_ORDER: readonly DisplayStatus[] = [
  'created',
  'scheduled',
  'running',
  'ready',
  'suspended',
  'done',
  'cancelled',
  'failed',
];

export interface CardWindow {
  cards: readonly TaskCardData[];
  /** The index of the first card shown. */
  start: number;
  /** The cards are chips. */
  compact: boolean;
}

/**
 * The cards to draw: all of them when they fit, else `size` cards with the focused task a
 * quarter of the way down (the tasks made after it are usually what comes next).
 */
export function windowCards(
  cards: readonly TaskCardData[],
  focus: number | null,
  size = WINDOW_SIZE,
): CardWindow {
  const compact = cards.length >= COMPACT_FROM;
  if (cards.length <= size) return { cards, start: 0, compact };
  const at = Math.max(
    0,
    cards.findIndex((card) => card.id === focus),
  );
  const start = Math.min(Math.max(0, at - Math.floor(size / 4)), cards.length - size);
  return { cards: cards.slice(start, start + size), start, compact };
}

/** How many tasks are in each state, in the states' order; states with none are left out. */
export function countByStatus(cards: readonly TaskCardData[]): [DisplayStatus, number][] {
  const counts = new Map<DisplayStatus, number>();
  for (const card of cards) counts.set(card.status, (counts.get(card.status) ?? 0) + 1);
  return STATUS_ORDER.flatMap((status) => {
    const count = counts.get(status);
    return count ? [[status, count] as [DisplayStatus, number]] : [];
  });
}

/** What the tasks view shows at a step, apart from its words. */
export interface TasksViewModel {
  window: CardWindow;
  /** How many of the tasks are asyncio's own (the count in the header says so). */
  internal: number;
  /**
   * A count per state of the program's own tasks, as the header counts them, when the cards
   * are chips; else empty (the cards say it).
   */
  summary: [DisplayStatus, number][];
  /** The task the story is about, whose state the diagram shows. */
  focused: TaskCardData | null;
}

export function tasksViewModel(
  cards: readonly TaskCardData[],
  focus: number | null,
  size = WINDOW_SIZE,
): TasksViewModel {
  const window = windowCards(cards, focus, size);
  const own = cards.filter((card) => card.internal === null);
  return {
    window,
    internal: cards.length - own.length,
    summary: window.compact ? countByStatus(own) : [],
    focused: cards.find((card) => card.id === focus) ?? null,
  };
}
