/**
 * Nothing the user typed is lost: the session's unsaved code is kept as a draft a moment after
 * each change, and given back, in its lesson and scenario, by the next session. The drafts go
 * through the web edition's real store and the shared check, over a storage kept in memory.
 * Svelte's effects do not run in Node (its server build): where the page's effect would call
 * `keeper.update()` after a change, the tests call it; the browser suite (tests/e2e/drafts.spec.ts)
 * checks the effect itself.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { LessonFile, LoopscopeApi } from '../../src-shared/api.ts';
import { parseDraft } from '../../src-shared/drafts.ts';
import {
  DraftKeeper,
  DRAFT_DELAY_MS,
  formatSavedAt,
} from '../../src-renderer/state/drafts.svelte.ts';
import { Session } from '../../src-renderer/state/session.svelte.ts';
import { createWebStore, type KeyValueStorage } from '../../src-web/stored.ts';

const LESSON = [
  '# Two',
  '',
  '## First',
  '',
  '```python',
  'import asyncio',
  'asyncio.run(asyncio.sleep(0))',
  'print("first")',
  '```',
  '',
  '## Second',
  '',
  '```python',
  'import asyncio',
  'asyncio.run(asyncio.sleep(0))',
  'print("second")',
  '```',
  '',
].join('\n');
const COURSE_TEXT = LESSON.replace('# Two', '# Course lesson');

let items: Map<string, string>;

function createApi(): LoopscopeApi & { saves: number } {
  const storage: KeyValueStorage = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
  const store = createWebStore(storage);
  const api = {
    saves: 0,
    setDirty: () => {},
    engine: {
      status: async () => ({ state: 'ready' }),
      onStatus: () => () => {},
      onEvents: () => () => {},
      // A run that never ends: what matters is whether one was asked for.
      run: vi.fn(() => new Promise(() => {})),
    },
    lessons: {
      recent: async () => [],
      onOpened: () => () => {},
      onChanged: () => () => {},
      course: async () => ({
        lessons: [
          {
            id: 'intro',
            title: { en: 'Intro', ru: 'Введение' },
            file: { en: 'intro.en.md', ru: 'intro.ru.md' },
          },
        ],
      }),
      openBundled: async (id: string): Promise<LessonFile> => {
        if (id !== 'intro') throw new Error(`no lesson ${id}`);
        return { token: 'bundled:intro', name: 'intro.en.md', bundled: true, text: COURSE_TEXT };
      },
    },
    drafts: {
      load: async () => store.draft,
      save: async (draft: unknown) => {
        api.saves++;
        store.saveDraft(draft === null ? null : parseDraft(draft));
      },
    },
  };
  return api as unknown as LoopscopeApi & { saves: number };
}

function createSession(api: LoopscopeApi) {
  return new Session(
    api,
    () => 1,
    () => 'en',
  );
}

/** A session with a lesson from a file open at its second scenario, its drafts kept. */
async function openFileLesson() {
  const api = createApi();
  const session = createSession(api);
  await session.showFile({ token: 'file:1', name: 'two.md', bundled: false, text: LESSON });
  await session.selectScenario(session.lesson?.scenarios[1]?.id ?? null, false);
  const keeper = new DraftKeeper(api, session);
  const stop = keeper.track();
  return { api, session, keeper, stop };
}

beforeEach(() => {
  items = new Map();
  // Discarding runs the scenario again, and the player animates with frames.
  vi.stubGlobal('requestAnimationFrame', () => 0);
  vi.stubGlobal('cancelAnimationFrame', () => {});
  vi.useFakeTimers({ now: new Date('2025-03-04T10:20:00') });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('drafts of unsaved code', () => {
  test('are kept a moment after the user types, with their lesson and scenario', async () => {
    const { api, session, keeper } = await openFileLesson();
    session.setCode('print("mine")\n');
    keeper.update();
    session.setCode('print("mine, more")\n');
    keeper.update();
    const typedAt = Date.now();
    expect(items.has('loopscope.draft')).toBe(false);
    vi.advanceTimersByTime(DRAFT_DELAY_MS);
    expect(api.saves).toBe(1);
    expect(JSON.parse(items.get('loopscope.draft') ?? 'null')).toEqual({
      code: 'print("mine, more")\n',
      lesson: { bundled: false, name: 'two.md', text: LESSON },
      scenario: 2,
      savedAt: typedAt,
    });
  });

  test('are forgotten once the code is as it came again', async () => {
    const { session, keeper } = await openFileLesson();
    const original = session.code;
    session.setCode('print("mine")\n');
    keeper.update();
    vi.advanceTimersByTime(DRAFT_DELAY_MS);
    expect(items.has('loopscope.draft')).toBe(true);
    session.setCode(original);
    keeper.update();
    vi.advanceTimersByTime(DRAFT_DELAY_MS);
    expect(items.has('loopscope.draft')).toBe(false);
  });

  test('are written at once when the page goes away, or tracking stops', async () => {
    const { session, keeper, stop } = await openFileLesson();
    session.setCode('print("typed just before the reload")\n');
    keeper.update();
    stop();
    expect(JSON.parse(items.get('loopscope.draft') ?? 'null')?.code).toBe(
      'print("typed just before the reload")\n',
    );
  });

  test('come back in the next session, in their lesson and scenario, with a notice, and are not run', async () => {
    const first = await openFileLesson();
    first.session.setCode('print("mine")\n');
    first.keeper.update();
    first.stop();
    vi.setSystemTime(new Date('2025-03-05T09:00:00'));

    const api = createApi();
    const session = createSession(api);
    const keeper = new DraftKeeper(api, session);
    await session.start(() => keeper.restore());
    expect(session.lessonFile).toMatchObject({ name: 'two.md', bundled: false, text: LESSON });
    expect(session.scenario?.title).toBe('Second');
    expect(session.code).toBe('print("mine")\n');
    expect(session.dirty).toBe(true);
    expect(keeper.notice).toBe(new Date('2025-03-04T10:20:00').getTime());
    expect(api.engine.run).not.toHaveBeenCalled();
  });

  test('of a bundled lesson reopen it from the course', async () => {
    const api = createApi();
    const session = createSession(api);
    await session.openBundled('intro');
    const keeper = new DraftKeeper(api, session);
    const stop = keeper.track();
    session.selectScenario(session.lesson?.scenarios[1]?.id ?? null, false);
    session.setCode('print("course, mine")\n');
    keeper.update();
    stop();
    expect(JSON.parse(items.get('loopscope.draft') ?? 'null')?.lesson).toEqual({
      bundled: true,
      id: 'intro',
      name: 'intro.en.md',
    });

    const next = createSession(createApi());
    const again = new DraftKeeper(createApi(), next);
    expect(await again.restore()).toBe(true);
    expect(next.lessonId).toBe('intro');
    expect(next.scenario?.number).toBe(2);
    expect(next.code).toBe('print("course, mine")\n');
  });

  test('are let go with Discard: the scenario comes back, and the draft is forgotten', async () => {
    const first = await openFileLesson();
    first.session.setCode('print("mine")\n');
    first.keeper.update();
    first.stop();

    const api = createApi();
    const session = createSession(api);
    const keeper = new DraftKeeper(api, session);
    expect(await keeper.restore()).toBe(true);
    const stop = keeper.track();
    keeper.discard();
    keeper.update();
    expect(keeper.notice).toBeNull();
    expect(session.code).toContain('print("second")');
    expect(api.engine.run).toHaveBeenCalledWith(expect.objectContaining({ code: session.code }));
    vi.advanceTimersByTime(DRAFT_DELAY_MS);
    expect(items.has('loopscope.draft')).toBe(false);
    stop();
  });

  test('that storage holds wrongly are not restored', async () => {
    items.set(
      'loopscope.draft',
      JSON.stringify({ code: 42, lesson: null, scenario: 1, savedAt: 0 }),
    );
    const keeper = new DraftKeeper(createApi(), createSession(createApi()));
    expect(await keeper.restore()).toBe(false);
  });
});

describe('the time a notice gives', () => {
  test('is the time for a draft of today, and the date too for an older one', () => {
    const now = new Date('2025-03-04T18:00:00').getTime();
    expect(formatSavedAt(new Date('2025-03-04T10:20:00').getTime(), now, 'en')).toBe('10:20 AM');
    expect(formatSavedAt(new Date('2025-03-04T10:20:00').getTime(), now, 'ru')).toBe('10:20');
    expect(formatSavedAt(new Date('2025-03-01T10:20:00').getTime(), now, 'en')).toBe(
      'Mar 1, 2025, 10:20 AM',
    );
    expect(formatSavedAt(new Date('2025-03-01T10:20:00').getTime(), now, 'ru')).toMatch(
      /^1 мар\.? 2025 г\.?,? 10:20$/,
    );
  });
});
