/**
 * The narration never says a word twice in a row ("the task `task`", "обратный вызов обратный
 * вызов"): a sentence's template and the phrase put into it share no noun, and every sentence
 * said for the test programs (a TaskGroup that fails, timers of call_later, variables named
 * task, future and tasks) reads without a doubled word, in every lens and both languages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { NodeEngine } from '../../src-engine/node/engine.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';
import { uiCatalog } from '../../src-renderer/i18n/catalog-ui.ts';
import { createLocale } from '../../src-renderer/i18n/format.ts';
import { LENSES } from '../../src-renderer/replay/lens.ts';
import { narrate } from '../../src-renderer/replay/narration.ts';
import { Replay } from '../../src-renderer/replay/replay.ts';
import {
  currentLoop,
  deriveReadyQueue,
  deriveTimers,
  timerName,
} from '../../src-renderer/replay/view-model.ts';
import { shownEntry } from '../../src-renderer/replay/vocabulary.ts';
import { doubledWords, wordsOf } from './doubled-words.ts';

/** The nouns of a text outside code and placeholders, cut to a stem that survives inflection. */
function stems(text: string): string[] {
  return wordsOf(text.replace(/`[^`]*`/g, ' ').replace(/\{\w+\}/g, ' '))
    .filter((w) => w.length >= 4 && !/^\p{N}/u.test(w))
    .map((w) => (w.length >= 6 ? w.slice(0, 5) : w));
}

/** The plain phrases the `code` lens puts where a sentence names a callback or a future. */
const PHRASES = {
  callback: [
    'plain.first-step',
    'plain.next-step',
    'plain.wakeup',
    'plain.sleep-of',
    'plain.sleep-end',
    'plain.run-done-callback',
    'plain.gather-callback',
    'plain.shutdown-gather',
    'plain.release-waiter',
    'plain.timeout',
    'plain.taskgroup-callback',
    'plain.asyncio-callback',
  ],
  future: ['plain.gathering-future', 'plain.shutdown-future', 'plain.asyncio-future'],
} as const;

/** Sentences only ever said of the program's own callbacks, never of asyncio's. */
const PROGRAM_CALLBACKS_ONLY = new Set([
  'tell.schedule',
  'tell.schedule.timer',
  'tell.unschedule',
  'tell.callback.run',
]);

describe('no word is said twice', () => {
  test('the doubled-word check finds what it is for', () => {
    expect(doubledWords('Its done-callback the `TaskGroup`’s done-callback is queued.')).toBeNull();
    expect(doubledWords('`main` awaits the task `task`: it gives control back')).toBe('task');
    expect(doubledWords('В очередь встаёт её обратный вызов обратный вызов `TaskGroup`.')).toBe(
      'обратный вызов',
    );
    expect(doubledWords('The clock jumps ahead to t = 1 s (1 s later)')).toBeNull();
  });

  test.each(['en', 'ru'] as const)(
    'no %s sentence names a callback or a future with a noun its phrase already has',
    (language) => {
      const catalog = uiCatalog[language] as Record<string, string>;
      const problems: string[] = [];
      for (const [key, template] of Object.entries(catalog)) {
        if (PROGRAM_CALLBACKS_ONLY.has(key)) continue;
        for (const [param, phrases] of Object.entries(PHRASES)) {
          if (!template.includes(`{${param}}`)) continue;
          const own = new Set(stems(template));
          for (const phrase of phrases) {
            const said = catalog[phrase] ?? '';
            const shared = stems(said).filter((w) => own.has(w));
            const whole = template.replace(`{${param}}`, said);
            if (shared.length > 0 || doubledWords(whole))
              problems.push(`${key} + ${phrase}: ${whole}`);
          }
        }
      }
      expect(problems).toEqual([]);
    },
  );

  let traces: { name: string; events: TraceEvent[] }[] = [];
  beforeAll(async () => {
    const dir = new URL('fixtures/wording/', import.meta.url);
    const engine = new NodeEngine();
    try {
      for (const file of readdirSync(dir).sort()) {
        const code = readFileSync(new URL(file, dir), 'utf8');
        const result = await engine.run({ code, filename: 'main.py' });
        traces.push({ name: file, events: result.events });
      }
    } finally {
      await engine.close();
    }
  }, 300_000);
  afterAll(() => {
    traces = [];
  });

  test('every sentence said for the test programs, in every lens and both languages', () => {
    expect(traces.length).toBeGreaterThan(3);
    const problems: string[] = [];
    for (const { name, events } of traces) {
      const replay = new Replay(events);
      for (const lens of LENSES) {
        for (let step = 0; step <= replay.length; step++) {
          const state = replay.stateAt(step);
          for (const locale of [createLocale('en'), createLocale('ru')]) {
            const { text } = narrate(replay, step, state, locale, lens);
            const doubled = doubledWords(text);
            if (doubled) problems.push(`${name} ${lens} ${step} ${locale.language}: ${text}`);
          }
          const loop = currentLoop(state);
          for (const entry of [...deriveReadyQueue(state, loop), ...deriveTimers(state, loop)]) {
            const shown = shownEntry(entry, replay, lens);
            if (doubledWords(shown.label)) problems.push(`${name} ${lens}: chip ${shown.label}`);
          }
        }
      }
    }
    expect([...new Set(problems)].slice(0, 20)).toEqual([]);
  });

  test('a timer is called by what it will run: call_later’s call, or the task whose sleep ends', () => {
    const trace = traces.find((t) => t.name === 'names.py');
    if (!trace) throw new Error('names.py did not run');
    const replay = new Replay(trace.events);
    for (const lens of LENSES) {
      const names = new Set<string>();
      for (let step = 0; step <= replay.length; step++) {
        const state = replay.stateAt(step);
        for (const entry of deriveTimers(state, currentLoop(state))) {
          names.add(timerName(shownEntry(entry, replay, lens)));
        }
      }
      // tick's three timers and set_result's are main's, yet none is called main's name;
      // the three are told apart by their arguments.
      expect([...names], lens).toEqual(
        expect.arrayContaining(['tick(0)', 'tick(1)', 'tick(2)', 'task']),
      );
      expect([...names], lens).not.toContain('tick');
      expect([...names], lens).not.toContain('Task-1');
    }
  });
});
