/**
 * How things are called on screen. In the `code` lens asyncio's machinery is named in plain
 * words ("the wake-up of `report`", "asyncio.run's done-callback"), never by its private
 * names (`__wakeup`, `_run_until_complete_cb`); the `loop` and `all` lenses show the loop's
 * own labels. Tasks are called what the program's code calls them, in every lens.
 *
 * Names come back ready to put in a sentence: code in backticks, words without.
 */
import type { HandleState, RunState } from '../../src-shared/loop-state.ts';
import type { Locale } from '../i18n/format.ts';
import type { Lens } from './lens.ts';
import { isPrivateLabel } from './program-index.ts';
import { findPrivateNames } from './private-names.ts';
import { usesName } from './program.ts';
import type { Replay } from './replay.ts';
import { handleLabel, handleOwner, type CodeFocus, type QueueEntry } from './view-model.ts';

export interface Vocabulary {
  readonly lens: Lens;
  /** A task as the code calls it: `` `task1` ``. */
  task(id: number | null): string;
  /** A task at its first mention: `` `task1` (`Task-2`) `` when the code names it. */
  taskIntro(id: number): string;
  /** The call a task runs, as written: `` `my_coroutine(1, 2)` ``. */
  call(id: number): string;
  /** A handle in the ready queue or the heap. */
  handle(handle: HandleState): string;
  /** A callback by its label. */
  callback(label: string): string;
  /** A future (or task) by its id. */
  future(id: number): string;
  /** A future's type, as a `future` awaiting names it (`_GatheringFuture`). */
  futureType(type: string): string;
}

/** Labels of asyncio's own callbacks that have a plain name. */
const PLAIN_CALLBACKS = {
  _run_until_complete_cb: 'plain.run-done-callback',
  _set_result_unless_cancelled: 'plain.sleep-end',
  _release_waiter: 'plain.release-waiter',
  'Timeout._on_timeout': 'plain.timeout',
  'TaskGroup._on_task_done': 'plain.taskgroup-callback',
} as const;

function plainKey(label: string): (typeof PLAIN_CALLBACKS)[keyof typeof PLAIN_CALLBACKS] | null {
  return Object.hasOwn(PLAIN_CALLBACKS, label)
    ? PLAIN_CALLBACKS[label as keyof typeof PLAIN_CALLBACKS]
    : null;
}

export function createVocabulary(
  replay: Replay,
  state: RunState,
  locale: Locale,
  lens: Lens,
): Vocabulary {
  const { t } = locale;
  const lanes = replay.timeline.lanes;
  const program = replay.program.program;
  const plain = lens === 'code';
  const task = (id: number | null) => `\`${replay.timeline.label(id)}\``;

  const callback = (label: string): string => {
    if (!plain || !isPrivateLabel(label)) return `\`${label}\``;
    const key = plainKey(label);
    if (key) return t(key);
    if (label === 'gather._done_callback') {
      // asyncio.run gathers the tasks it cancels: a program without gather has none of its own.
      return t(usesName(program, 'gather') ? 'plain.gather-callback' : 'plain.shutdown-gather');
    }
    return t('plain.asyncio-callback');
  };

  const futureType = (type: string): string => {
    if (!plain) return `\`${type}\``;
    if (type === '_GatheringFuture') {
      return t(usesName(program, 'gather') ? 'plain.gathering-future' : 'plain.shutdown-future');
    }
    return isPrivateLabel(type) ? t('plain.asyncio-future') : `\`${type}\``;
  };

  return {
    lens,
    task,
    taskIntro(id) {
      const lane = lanes.get(id);
      return lane?.binding
        ? t('plain.task-intro', { binding: lane.binding, name: lane.name })
        : task(id);
    },
    call(id) {
      const call = lanes.get(id)?.call ?? '?';
      return plain && isPrivateLabel(call) ? t('plain.wrapped-awaitable') : `\`${call}\``;
    },
    handle(handle) {
      if (!plain) return `\`${handleLabel(handle, state)}\``;
      const owner = handleOwner(handle, state);
      switch (handle.role) {
        case 'step': {
          if (handle.task === null) break;
          const first = state.tasks.get(handle.task)?.status === 'scheduled';
          return t(first ? 'plain.first-step' : 'plain.next-step', { task: task(handle.task) });
        }
        case 'wakeup':
          if (handle.task === null) break;
          return t('plain.wakeup', { task: task(handle.task) });
        case 'sleep':
          return owner === null ? t('plain.sleep-end') : t('plain.sleep-of', { task: task(owner) });
        case 'callback':
          break;
      }
      return callback(handle.callback);
    },
    callback,
    future(id) {
      if (state.tasks.has(id)) return task(id);
      return futureType(state.futures.get(id)?.type ?? 'Future');
    },
    futureType,
  };
}

/**
 * What a chip in the ready queue or the heap says for asyncio's own callbacks in the `code`
 * lens: the public name of what it serves (its caption says it is a callback).
 */
const CHIP_NAMES: Readonly<Record<string, string>> = {
  _run_until_complete_cb: 'asyncio.run',
  _release_waiter: 'wait_for',
  'Timeout._on_timeout': 'asyncio.timeout',
  'TaskGroup._on_task_done': 'TaskGroup',
};

/**
 * A ready-queue or heap entry as it is shown in `lens`: its owner called what the code calls
 * it, and in the `code` lens a short plain label (the owner's name, or the public name of what
 * an asyncio callback serves) in place of asyncio's own (`Task report: __step`).
 */
export function shownEntry<T extends QueueEntry>(entry: T, replay: Replay, lens: Lens): T {
  const ownerName = entry.owner === null ? null : replay.timeline.label(entry.owner);
  if (lens !== 'code') return { ...entry, ownerName };
  if (entry.role !== 'callback' && ownerName !== null)
    return { ...entry, label: ownerName, ownerName };
  const program = replay.program.program;
  if (!isPrivateLabel(entry.label)) {
    // Arguments that name asyncio's own objects (`<_SelectorSocketTransport object>`) are
    // left out: the callback's name says what runs.
    const args =
      entry.args !== null && findPrivateNames(entry.args, program).length > 0 ? null : entry.args;
    return { ...entry, args, ownerName };
  }
  const gathers = usesName(program, 'gather');
  const label =
    CHIP_NAMES[entry.label] ??
    (entry.label === 'gather._done_callback' ? (gathers ? 'gather' : 'asyncio.run') : 'asyncio');
  return { ...entry, label, args: null, ownerName };
}
/** What the code view says when control is not in the program's lines; null when it is. */
export function describeFocus(focus: CodeFocus, say: Vocabulary, locale: Locale): string | null {
  const { t } = locale;
  switch (focus.kind) {
    case 'program':
    case 'none':
      return null;
    case 'loop':
      return t('focus.loop');
    case 'asyncio': {
      const work = focus.work;
      switch (work.kind) {
        case 'step':
          return t('focus.step', { task: say.task(work.task) });
        case 'wakeup':
          return t('focus.wakeup', { task: say.task(work.task) });
        case 'sleep':
          return work.task === null
            ? t('focus.callback', { callback: t('plain.sleep-end') })
            : t('focus.sleep', { task: say.task(work.task) });
        case 'callback':
          return t('focus.callback', { callback: say.callback(work.label) });
        case 'task':
          return t('focus.task', { task: say.task(work.task) });
        case 'run':
          return focus.line === null
            ? t('focus.run-anywhere')
            : t('focus.run', { line: focus.line });
      }
    }
  }
}
