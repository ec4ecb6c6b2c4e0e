/**
 * Every view and the narration describe the same instant: for every step of every bundled
 * scenario, in every lens, what the narration says the picture shows is what the view-models
 * show (the ready queue, the running handle, the timers, the task cards, where control is,
 * the clock, the phase), and the code lens names nothing by asyncio's private names.
 */
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NodeEngine } from '../../src-engine/node/engine.ts';
import { parseLesson } from '../../src-shared/lesson/parse.ts';
import type { RunState } from '../../src-shared/loop-state.ts';
import { createLocale } from '../../src-renderer/i18n/format.ts';
import { LENSES, type Lens } from '../../src-renderer/replay/lens.ts';
import { narrate, type Claim } from '../../src-renderer/replay/narration.ts';
import { findPrivateNames } from '../../src-renderer/replay/private-names.ts';
import { Replay } from '../../src-renderer/replay/replay.ts';
import { pillStatus } from '../../src-renderer/replay/task-words.ts';
import {
  codeFocus,
  currentLoop,
  exceptionMarks,
  deriveReadyQueue,
  deriveRunning,
  deriveTaskCards,
  deriveTimers,
  phaseOf,
} from '../../src-renderer/replay/view-model.ts';
import { useBundledTraces } from './bundled-traces.ts';
import { doubledWords } from './doubled-words.ts';

const en = createLocale('en');
const ru = createLocale('ru');
const traces = useBundledTraces();

/** What the views show at a step, as the components derive it. */
function viewsAt(replay: Replay, step: number, state: RunState) {
  const loop = currentLoop(state);
  return {
    queue: deriveReadyQueue(state, loop).map((e) => e.id),
    running: deriveRunning(state, loop)?.id ?? null,
    timers: deriveTimers(state, loop).map((e) => e.id),
    cards: deriveTaskCards(state, replay.eventAt(step), replay),
    focus: codeFocus(replay, step, state),
    time: state.time,
    phase: phaseOf(state, replay.eventAt(step)),
  };
}

/** Why a claim does not hold of the views, or null when it does. */
function contradiction(claim: Claim, views: ReturnType<typeof viewsAt>): string | null {
  const card = (task: number) => views.cards.find((c) => c.id === task);
  switch (claim.kind) {
    case 'queued':
      return views.queue.includes(claim.handle) ? null : `handle ${claim.handle} is not queued`;
    case 'not-queued':
      return views.queue.includes(claim.handle) ? `handle ${claim.handle} is queued` : null;
    case 'running':
      return views.running === claim.handle ? null : `running is ${views.running}`;
    case 'timer':
      return views.timers.includes(claim.handle) ? null : `no timer ${claim.handle}`;
    case 'not-timer':
      return views.timers.includes(claim.handle) ? `timer ${claim.handle} is shown` : null;
    case 'status':
      return card(claim.task)?.status === claim.status
        ? null
        : `task ${claim.task} shows ${card(claim.task)?.status}, not ${claim.status}`;
    case 'cancel-requested': {
      const shown = card(claim.task);
      return shown && ['cancelling', 'cancelled'].includes(pillStatus(shown))
        ? null
        : `task ${claim.task} does not show its cancellation`;
    }
    case 'focus':
      if (views.focus.kind !== claim.focus) return `control is shown in ${views.focus.kind}`;
      if (claim.line !== undefined && views.focus.kind === 'program') {
        return views.focus.line === claim.line ? null : `the code shows line ${views.focus.line}`;
      }
      return null;
    case 'time':
      return Math.abs(views.time - claim.time) < 1e-6 ? null : `the clock shows ${views.time}`;
    case 'phase':
      return views.phase === claim.phase ? null : `the phase is ${views.phase}`;
  }
}

/** The steps a learner stops at in `lens`: every stop, from the first to the last. */
function stopsOf(replay: Replay, lens: Lens): number[] {
  const steps = replay.lenses.steps(lens);
  return Array.from({ length: steps.count + 1 }, (_, i) => steps.stopAt(i));
}

describe('the narration and the views agree', () => {
  test('on every step of every bundled scenario, in every lens', () => {
    expect(traces().length).toBeGreaterThan(30);
    const problems: string[] = [];
    let checked = 0;
    for (const trace of traces()) {
      const replay = new Replay(trace.events);
      expect(replay.fault, trace.name).toBeNull();
      for (const lens of LENSES) {
        for (const step of stopsOf(replay, lens)) {
          const state = replay.stateAt(step);
          const said = narrate(replay, step, state, en, lens);
          const views = viewsAt(replay, step, state);
          for (const claim of said.claims) {
            const wrong = contradiction(claim, views);
            checked++;
            if (wrong)
              problems.push(`${trace.name} ${lens} step ${step}: “${said.text}”: ${wrong}`);
          }
          // Whoever the code view says runs is running on its card.
          const focus = views.focus;
          if (focus.kind === 'program' && focus.task !== null) {
            const shown = views.cards.find((c) => c.id === focus.task)?.status;
            if (shown !== 'running') {
              problems.push(`${trace.name} ${lens} step ${step}: the code runs a ${shown} task`);
            }
          }
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });

  test('every step has a whole sentence in both languages, with no word twice in a row, and the code lens names nothing private', () => {
    const problems: string[] = [];
    for (const trace of traces()) {
      const replay = new Replay(trace.events);
      for (const lens of LENSES) {
        for (const step of stopsOf(replay, lens)) {
          const state = replay.stateAt(step);
          for (const locale of [en, ru]) {
            const { text } = narrate(replay, step, state, locale, lens);
            if (/\{\w+\}|undefined|NaN|\?\)/.test(text) || text.length < 10 || doubledWords(text)) {
              problems.push(`${trace.name} ${lens} ${step} ${locale.language}: ${text}`);
            }
            const hidden = lens === 'code' ? findPrivateNames(text, replay.program.program) : [];
            if (hidden.length > 0) {
              problems.push(
                `${trace.name} step ${step} ${locale.language}: ${hidden.join(', ')} in “${text}”`,
              );
            }
          }
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  test('the code lens takes fewer steps than the loop, and the loop fewer than every event', () => {
    for (const trace of traces()) {
      const replay = new Replay(trace.events);
      const [code, loop, all] = LENSES.map((lens) => replay.lenses.steps(lens).count);
      expect(code, trace.name).toBeLessThan(loop ?? 0);
      expect(loop, trace.name).toBeLessThan(all ?? 0);
    }
  });
});

/** The trace of a bundled scenario, by lesson file and scenario number. */
function bundled(file: string, number: number): Replay {
  const trace = traces().find((t) => t.file === file && t.number === number);
  if (!trace) throw new Error(`no runnable scenario ${file} #${number}`);
  return new Replay(trace.events);
}

/** The code lens's stops whose sentence matches, with the state there. */
function codeStops(replay: Replay, pattern: RegExp) {
  return stopsOf(replay, 'code').flatMap((step) => {
    const state = replay.stateAt(step);
    const said = narrate(replay, step, state, en, 'code');
    return pattern.test(said.text) ? [{ step, said, views: viewsAt(replay, step, state) }] : [];
  });
}

function cardOf(views: ReturnType<typeof viewsAt>, label: string) {
  const card = views.cards.find((c) => (c.binding ?? c.name) === label);
  if (!card) throw new Error(`no card ${label}`);
  return card;
}

describe('the seven properties of create_task, each visible in a bundled lesson', () => {
  test('1. create_task schedules the task; it has not started when the call returns', () => {
    for (const [file, name] of [
      ['01-create-task.en.md', 'report'],
      ['01-create-task.ru.md', 'отчёт'],
    ] as const) {
      const replay = bundled(file, 2);
      const [created] = codeStops(replay, new RegExp(`creates \`task\` \\(\`${name}\`\\)`));
      expect(created, file).toBeDefined();
      const views = created?.views;
      if (!views) continue;
      const task = cardOf(views, 'task');
      expect(task.status).toBe('scheduled');
      expect(cardOf(views, 'Task-1').status).toBe('running');
      expect(views.queue).toHaveLength(1);
      expect(views.focus).toMatchObject({ kind: 'program', line: 11 });
    }
  });

  test('2. a task nobody awaited is cancelled when asyncio.run closes; its result read early raises', () => {
    const backup = bundled('01-create-task.en.md', 4);
    const [shutdown] = codeStops(
      backup,
      /asyncio\.run` shuts down: it cancels the tasks still pending \(`task`\)/,
    );
    expect(shutdown && pillStatus(cardOf(shutdown.views, 'task'))).toBe('cancelling');
    const [ended] = codeStops(backup, /`task` ends cancelled/);
    expect(ended && cardOf(ended.views, 'task').status).toBe('cancelled');

    const early = bundled('01-create-task.en.md', 5);
    const [caught] = codeStops(
      early,
      /^Line 13 asks for the result of `task` before `task` has finished/,
    );
    expect(caught).toBeDefined();
    const task = caught && cardOf(caught.views, 'task');
    expect(task?.incident).toMatchObject({
      kind: 'read-too-early',
      line: 13,
      exception: 'InvalidStateError',
    });
    expect(task?.status).toBe('suspended');
    const [cancelled] = codeStops(early, /`task` ends cancelled/);
    expect(cancelled && cardOf(cancelled.views, 'task').status).toBe('cancelled');
  });

  test('3. all the tasks made start on the loop’s next pass', () => {
    const replay = bundled('01-create-task.en.md', 6);
    const [paused] = codeStops(replay, /`Task-1` awaits `tasks\[0\]`/);
    expect(paused?.views.queue).toHaveLength(3);
    const starts = codeStops(replay, /^`tasks\[\d\]` starts/);
    expect(starts.map((s) => s.said.text.slice(0, 10))).toEqual([
      '`tasks[0]`',
      '`tasks[1]`',
      '`tasks[2]`',
    ]);
    const iterations = starts.map((s) => currentLoop(replay.stateAt(s.step))?.iteration);
    expect(new Set(iterations).size).toBe(1);
  });

  test('4. they finish in another order than they were made', () => {
    const replay = bundled('01-create-task.en.md', 6);
    const views = viewsAt(replay, replay.length, replay.stateAt(replay.length));
    const order = ['tasks[0]', 'tasks[1]', 'tasks[2]'].map(
      (name) => cardOf(views, name).finishOrder,
    );
    expect(order).toEqual([3, 1, 2]);
  });

  test('5. create_task with no running loop raises at the call, and the picture says no loop runs', () => {
    const replay = bundled('01-create-task.en.md', 7);
    const [caught] = codeStops(
      replay,
      /No event loop is running, so the call on line 10 raises `RuntimeError`/,
    );
    expect(caught?.views.phase).toBe('before');
    const step = caught?.step ?? 0;
    const state = replay.stateAt(step);
    const marks = exceptionMarks(replay, step, state, codeFocus(replay, step, state));
    expect(marks.caught).toMatchObject({ raisedAt: 10, noLoop: true });
  });

  test('6. an exception is stored in its task and raised again at the await', () => {
    const replay = bundled('05-exceptions-in-tasks.en.md', 2);
    const [raised] = codeStops(replay, /^Line 14 raises again the `ValueError` stored in `bad`/);
    expect(raised).toBeDefined();
    const step = raised?.step ?? 0;
    const state = replay.stateAt(step);
    expect(cardOf(viewsAt(replay, step, state), 'bad').incident).toMatchObject({
      kind: 'reraised',
      line: 14,
    });
    const marks = exceptionMarks(replay, step, state, codeFocus(replay, step, state));
    expect(marks.caught).toMatchObject({ raisedAt: 14, stored: 3 });

    const lost = bundled('05-exceptions-in-tasks.en.md', 5);
    const end = viewsAt(lost, lost.length, lost.stateAt(lost.length));
    expect(cardOf(end, 'task').incident).toMatchObject({
      kind: 'never-retrieved',
      exception: 'KeyError',
    });
  });

  test('7. cancel() asks a task to stop: CancelledError at its await, then it ends cancelled', () => {
    const replay = bundled('04-cancellation-and-timeouts.en.md', 1);
    const [cancel] = codeStops(replay, /^`Task-1` cancels `task`/);
    expect(cancel && pillStatus(cardOf(cancel.views, 'task'))).toBe('cancelling');
    const [resumed] = codeStops(replay, /`task` resumes with `CancelledError` at its `await`/);
    expect(resumed && cardOf(resumed.views, 'task').status).toBe('running');
    const [ended] = codeStops(replay, /`task` ends cancelled/);
    expect(ended && cardOf(ended.views, 'task').status).toBe('cancelled');
  });
});

/** The course author's own lesson, beside the clone where CI puts it. */
const AUTHOR_LESSON = new URL('../../../shared/lessons/create_task.ru.md', import.meta.url);
const authorPresent = existsSync(AUTHOR_LESSON);
if (!authorPresent) {
  console.warn(`Skipping the course author's lesson: ${AUTHOR_LESSON.pathname} is absent.`);
}

describe.runIf(authorPresent)(
  'the course author’s lesson shows the properties it has code for',
  () => {
    let author: Replay[] = [];
    beforeAll(async () => {
      const lesson = parseLesson(readFileSync(AUTHOR_LESSON, 'utf8'), 'create_task.ru.md');
      const engine = new NodeEngine();
      try {
        for (const scenario of lesson.scenarios.filter((s) => s.runnable)) {
          const result = await engine.run({ code: scenario.code, filename: 'main.py' });
          author.push(new Replay(result.events));
        }
      } finally {
        await engine.close();
      }
    }, 120_000);
    afterAll(() => {
      author = [];
    });

    test('1: my_task is scheduled, not started, when create_task returns', () => {
      const [created] = codeStops(author[0] ?? new Replay(), /creates `task` \(`my_task`\)/);
      expect(created && cardOf(created.views, 'task').status).toBe('scheduled');
      expect(created && cardOf(created.views, 'Task-1').status).toBe('running');
    });

    test('2: the task nobody awaited is cancelled when asyncio.run closes', () => {
      const replay = author[1] ?? new Replay();
      const [shutdown] = codeStops(replay, /cancels the tasks still pending \(`task`\)/);
      expect(shutdown && pillStatus(cardOf(shutdown.views, 'task'))).toBe('cancelling');
      const [ended] = codeStops(replay, /`task` ends cancelled/);
      expect(ended && cardOf(ended.views, 'task').status).toBe('cancelled');
    });

    test('3 and 4: task1 and task2 start on the next pass, and task2 finishes first', () => {
      const replay = author[2] ?? new Replay();
      const starts = codeStops(replay, /^`task[12]` starts/);
      expect(starts.map((s) => s.said.text.slice(0, 7))).toEqual(['`task1`', '`task2`']);
      expect(new Set(starts.map((s) => currentLoop(replay.stateAt(s.step))?.iteration)).size).toBe(
        1,
      );
      const end = viewsAt(replay, replay.length, replay.stateAt(replay.length));
      expect(['task1', 'task2'].map((n) => cardOf(end, n).finishOrder)).toEqual([2, 1]);
    });
  },
);
