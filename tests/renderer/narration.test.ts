import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src-shared/trace.ts';
import { uiCatalog } from '../../src-renderer/i18n/catalog-ui.ts';
import { createLocale } from '../../src-renderer/i18n/format.ts';
import type { Lens } from '../../src-renderer/replay/lens.ts';
import { nextStop, previousStop } from '../../src-renderer/replay/lens.ts';
import { narrate } from '../../src-renderer/replay/narration.ts';
import {
  nextIterationStep,
  nextOutputStep,
  previousIterationStep,
  previousOutputStep,
} from '../../src-renderer/replay/navigation.ts';
import { Replay } from '../../src-renderer/replay/replay.ts';
import { deriveTaskCards } from '../../src-renderer/replay/view-model.ts';
import { FIXTURES, loadFixture } from './load-fixture.ts';

const en = createLocale('en');
const ru = createLocale('ru');

function say(replay: Replay, step: number, locale = en, lens: Lens = 'all'): string {
  return narrate(replay, step, replay.stateAt(step), locale, lens).text;
}

function stepOf(events: readonly TraceEvent[], predicate: (event: TraceEvent) => boolean): number {
  return events.findIndex(predicate) + 1;
}

describe('the narration', () => {
  const events = loadFixture('create_task_not_started');
  const replay = new Replay(events);

  it('says that a task made by create_task starts only when the loop takes its first step', () => {
    const run = stepOf(events, (e) => e.kind === 'handle.run' && e.handle === 2);
    expect(say(replay, run)).toBe(
      'The loop takes `task`’s first step from the ready queue and runs it: the task starts only now.',
    );
    expect(say(replay, run, ru)).toBe(
      'Цикл берёт первый шаг `task` из очереди готовых и выполняет его: задача начинает работу только сейчас.',
    );
  });

  it('says that create_task schedules and does not start', () => {
    const create = stepOf(events, (e) => e.kind === 'task.create' && e.task === 2);
    expect(say(replay, create)).toBe(
      '`create_task` wraps `my_coroutine()` in `task` (`my_task`), a new task: it is created, not started.',
    );
    expect(say(replay, create + 1)).toMatch(/first step joins the tail of the ready queue/);
  });

  it('says when the clock jumps and when a task nobody awaited is cancelled', () => {
    const wait = stepOf(events, (e) => e.kind === 'loop.wait');
    expect(say(replay, wait)).toBe(
      'The clock jumps ahead to t = 1 s (1 s later): the loop slept until its next timer was due.',
    );
    expect(say(replay, wait, ru)).toBe(
      'Часы прыгают вперёд, к моменту t = 1 с (прошло 1 с): цикл спал, пока не подошёл срок ближайшего таймера.',
    );
    const cancelled = loadFixture('not_awaited_cancelled');
    const shutdown = new Replay(cancelled);
    const cancel = stepOf(cancelled, (e) => e.kind === 'task.cancel');
    expect(say(shutdown, cancel)).toMatch(
      /^`asyncio.run` cancels `task`: the main coroutine has returned/,
    );
  });

  it('says that time.sleep freezes the whole loop', () => {
    const blocked = loadFixture('time_sleep_blocks');
    const block = stepOf(blocked, (e) => e.kind === 'clock.block');
    expect(say(new Replay(blocked), block)).toBe(
      '`t2` calls a blocking function on line 12: the whole loop freezes for 0.3 s, until t = 0.31 s; nothing else can run.',
    );
  });

  it.each(FIXTURES)('has a sentence, in both languages, for every step of %s', (name) => {
    const trace = new Replay(loadFixture(name));
    for (let step = 0; step <= trace.length; step++) {
      for (const locale of [en, ru]) {
        const sentence = say(trace, step, locale);
        expect(sentence).not.toMatch(/\{\w+\}|undefined|NaN/);
        expect(sentence.length).toBeGreaterThan(10);
      }
    }
  });

  it('has every English string in Russian too, and none left untranslated by accident', () => {
    expect(Object.keys(uiCatalog.ru).sort()).toEqual(Object.keys(uiCatalog.en).sort());
    const same = Object.keys(uiCatalog.en).filter(
      (key) =>
        uiCatalog.en[key as keyof typeof uiCatalog.en] ===
        uiCatalog.ru[key as keyof typeof uiCatalog.ru],
    );
    expect(same.sort()).toEqual(
      [
        'app.title',
        'time.at',
        'count.noun',
        'engine.ready',
        'tasks.badge',
        'language.en',
        'language.ru',
        'plain.task-intro',
        // A deadline that is no number, as Python writes it: float('inf').
        'time.infinite',
        // Keys named as their caps are printed, on Russian keyboards too.
        'key.home',
        'key.end',
        'key.page-up',
        'key.page-down',
        'key.o',
        'key.shift-o',
        'key.escape',
      ].sort(),
    );
  });
});

describe('asyncio’s own tasks', () => {
  const events = loadFixture('gather_order');
  const replay = new Replay(events);
  const created = (coro: string) =>
    stepOf(events, (e) => e.kind === 'task.create' && e.coro === coro);
  const asyncgens = created('BaseEventLoop.shutdown_asyncgens');
  const executor = created('BaseEventLoop.shutdown_default_executor');

  it('says that asyncio.run shuts down in tasks of its own, not that create_task made them', () => {
    expect(say(replay, asyncgens)).toBe(
      '`asyncio.run` shuts down: your main coroutine has returned, so it finalizes async generators, in a task of its own, `Task-4` (asyncio’s, not yours).',
    );
    expect(say(replay, asyncgens, ru)).toBe(
      '`asyncio.run` завершает работу: главная корутина вернулась, и он закрывает асинхронные генераторы в собственной задаче `Task-4` (это задача asyncio, а не ваша).',
    );
    expect(say(replay, executor)).toMatch(/^`asyncio.run` shuts down the default executor/);
    expect(say(replay, executor, ru)).toMatch(/^`asyncio.run` закрывает исполнитель по умолчанию/);
  });

  it('says what each of them does when it runs', () => {
    const run = (task: number) => stepOf(events, (e) => e.kind === 'task.run' && e.task === task);
    expect(say(replay, run(7))).toBe(
      '`Task-4`, asyncio’s own task, finalizes the async generators that are still open.',
    );
    expect(say(replay, run(8), ru)).toBe(
      '`Task-5`, служебная задача asyncio, ждёт, пока завершатся потоки исполнителя по умолчанию.',
    );
  });

  it('keeps them, as asyncio’s: on the timeline, and on the task cards', () => {
    const lanes = [...replay.timeline.lanes.values()];
    expect(lanes.map((lane) => [lane.name, lane.internal])).toEqual([
      ['Task-1', null],
      ['Task-2', null],
      ['Task-3', null],
      ['Task-4', 'asyncgens'],
      ['Task-5', 'executor'],
    ]);
    const cards = deriveTaskCards(replay.stateAt(replay.length), null, replay);
    expect(cards.filter((card) => card.internal).map((card) => card.name)).toEqual([
      'Task-4',
      'Task-5',
    ]);
  });
});

describe('navigation', () => {
  const events = loadFixture('create_task_not_started');
  const replay = new Replay(events);

  it('steps by event, never stopping on the engine’s probes', () => {
    const probe = events.findIndex((e) => e.kind === 'probe') + 1;
    const every = replay.lenses.steps('all');
    expect(nextStop(every, probe - 1, replay.length)).toBe(probe + 1);
    expect(previousStop(every, probe + 1)).toBe(probe - 1);
    expect(nextStop(every, replay.length, replay.length)).toBe(replay.length);
    expect(previousStop(every, 0)).toBe(0);
  });

  it('steps by loop iteration, to the state right after each iteration begins', () => {
    const starts = replay.timeline.iterations.map((index) => index + 1);
    expect(nextIterationStep(replay, 0)).toBe(starts[0]);
    expect(nextIterationStep(replay, starts[0] as number)).toBe(starts[1]);
    expect(previousIterationStep(replay, starts[1] as number)).toBe(starts[0]);
    expect(previousIterationStep(replay, starts[0] as number)).toBe(0);
    expect(replay.stateAt(starts[2] as number).loops.get(1)?.iteration).toBe(3);
  });

  it('steps to the next and previous line of output', () => {
    const outputs = events.flatMap((e, i) => (e.kind === 'output' ? [i + 1] : []));
    expect(nextOutputStep(replay, 0)).toBe(outputs[0]);
    expect(nextOutputStep(replay, outputs[0] as number)).toBe(outputs[1]);
    expect(previousOutputStep(replay, outputs[1] as number)).toBe(outputs[0]);
    expect(nextOutputStep(replay, outputs.at(-1) as number)).toBe(replay.length);
  });
});

describe('numbers, times and counted nouns', () => {
  it('words a deadline as a moment and its distance, never as a bare duration', () => {
    expect(en.deadline(2.5, 2)).toBe('t = 2.5 s (in 0.5 s)');
    expect(ru.deadline(2.5, 2)).toBe('t = 2,5 с (через 0,5 с)');
    // sleep(float("inf")): a deadline that is no number is written as Python writes it.
    expect(en.deadline(Infinity, 2)).toBe('t = inf (never due)');
    expect(ru.deadline(Infinity, 2)).toBe('t = inf (не наступит никогда)');
    expect(en.seconds(Infinity)).toBe('inf');
    const events = loadFixture('create_task_not_started');
    const replay = new Replay(events);
    const sleep = stepOf(events, (e) => e.kind === 'task.suspend' && e.awaiting.kind === 'sleep');
    expect(say(replay, sleep, ru)).toBe(
      '`task` ждёт `asyncio.sleep` до t = 1 с (через 1 с): она возвращает управление циклу.',
    );
  });

  it('chooses each noun’s form with the language’s plural rules, after “of” too', () => {
    const forms = (locale: typeof ru, key: 'noun.tasks' | 'noun.tasks-of') =>
      [0, 1, 2, 5, 11, 21, 22, 1.5].map((n) => locale.count(n, key));
    expect(forms(ru, 'noun.tasks')).toEqual([
      '0 задач',
      '1 задача',
      '2 задачи',
      '5 задач',
      '11 задач',
      '21 задача',
      '22 задачи',
      '1,5 задачи',
    ]);
    expect(forms(ru, 'noun.tasks-of')).toEqual([
      '0 задач',
      '1 задачи',
      '2 задач',
      '5 задач',
      '11 задач',
      '21 задачи',
      '22 задач',
      '1,5 задачи',
    ]);
    expect(forms(en, 'noun.tasks')).toEqual([
      '0 tasks',
      '1 task',
      '2 tasks',
      '5 tasks',
      '11 tasks',
      '21 tasks',
      '22 tasks',
      '1.5 tasks',
    ]);
    const events = loadFixture('gather_order');
    const gather = stepOf(events, (e) => e.kind === 'task.suspend' && e.awaiting.kind === 'gather');
    expect(say(new Replay(events), gather, ru)).toContain('ждёт `gather` из 2 задач');
  });

  it('names the lines whose runs in tight loops the engine summarised', () => {
    const withHot = (hotLines: number[]) =>
      new Replay(
        loadFixture('budget_events').map((e) => (e.kind === 'run.end' ? { ...e, hotLines } : e)),
      );
    const one = withHot([7]);
    expect(say(one, one.length)).toContain('Line 7 ran in a tight loop');
    expect(say(one, one.length, ru)).toContain('Строка 7 выполнялась в плотном цикле');
    const two = withHot([4, 9]);
    expect(say(two, two.length)).toContain('Lines 4, 9 ran in tight loops');
    expect(say(two, two.length, ru)).toContain('Строки 4, 9 выполнялись');
  });

  it('says that the program ran on to its end once its trace was full', () => {
    const events = loadFixture('budget_events');
    const full = new Replay(
      events.map((e) =>
        e.kind === 'run.end' ? { ...e, outcome: 'completed', exitCode: 0, fullAt: e.seq } : e,
      ),
    );
    expect(say(full, full.length)).toContain('The trace filled up before the end');
    expect(say(full, full.length, ru)).toContain('Запись заполнилась раньше конца');
    const cut = new Replay(events);
    expect(say(cut, cut.length)).toContain('The trace filled up before this');
    expect(say(cut, cut.length, ru)).toContain('Запись заполнилась ещё раньше');
    const plain = new Replay(loadFixture('gather_order'));
    expect(say(plain, plain.length)).not.toContain('filled up');
  });
});
