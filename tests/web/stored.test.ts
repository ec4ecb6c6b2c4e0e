/**
 * What the web edition reads back from localStorage goes through the same checks as the
 * desktop app's settings file: storage is shared by every page of the origin.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type LessonFile } from '../../src-shared/api.ts';
import { MAX_LESSON_BYTES } from '../../src-shared/lesson/decode.ts';
import { MAX_RECENT } from '../../src-shared/settings.ts';
import { createWebStore, type KeyValueStorage } from '../../src-web/stored.ts';

/** A storage of `quota` characters at most, as a browser's localStorage refuses what overflows. */
function createStorage(entries: Record<string, string> = {}, quota = Infinity) {
  const items = new Map(Object.entries(entries));
  const storage: KeyValueStorage = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      const used = [...items].reduce((sum, [k, v]) => sum + (k === key ? 0 : v.length), 0);
      if (used + value.length > quota) throw new DOMException('full', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key) => void items.delete(key),
  };
  return { storage, items };
}

const file = (name: string, text = `# ${name}\n`): LessonFile => ({
  token: `file:${name}`,
  name,
  bundled: false,
  text,
});

describe('settings kept by the web edition', () => {
  it('are read back with every wrong field defaulted, as the desktop app reads its file', () => {
    const { storage } = createStorage({
      'loopscope.settings': JSON.stringify({ language: 'ru', speed: 1e9, zoom: 'big', x: 1 }),
    });
    expect(createWebStore(storage).settings).toEqual({ ...DEFAULT_SETTINGS, language: 'ru' });
  });

  it('are the defaults when storage holds something that is not JSON', () => {
    const { storage } = createStorage({ 'loopscope.settings': '{oops' });
    expect(createWebStore(storage).settings).toEqual(DEFAULT_SETTINGS);
  });

  it('are written back and read again', () => {
    const { storage } = createStorage();
    createWebStore(storage).setSettings({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(createWebStore(storage).settings.theme).toBe('dark');
  });
});

describe('recent files kept by the web edition', () => {
  it(`are the newest first, one per name, at most ${MAX_RECENT}`, () => {
    const { storage } = createStorage();
    const store = createWebStore(storage);
    for (let i = 0; i < 15; i++) store.remember([file(`${i}.md`)]);
    store.remember([file('3.md', 'again')]);
    const names = createWebStore(storage).recent.map((f) => f.name);
    expect(names).toHaveLength(MAX_RECENT);
    expect(names.slice(0, 2)).toEqual(['3.md', '14.md']);
    expect(new Set(names).size).toBe(names.length);
  });

  it('leave out, when read back, what this host could not have stored', () => {
    const stored = [
      file('good.md'),
      { ...file('bundled.md'), bundled: true },
      file('program.exe'),
      file('huge.md', 'x'.repeat(MAX_LESSON_BYTES + 1)),
      { token: 7, name: 'x.md', text: '' },
      { ...file('y.md'), token: 'x'.repeat(101) },
      file('good.md', 'a second one of the same name'),
      null,
    ];
    const { storage } = createStorage({ 'loopscope.recent': JSON.stringify(stored) });
    expect(createWebStore(storage).recent).toEqual([
      file('good.md'),
      { ...file('bundled.md'), bundled: false },
    ]);
  });

  it('leave the oldest out of storage when it is full, and keep them for this visit', () => {
    const { storage, items } = createStorage({}, 2500);
    const store = createWebStore(storage);
    for (let i = 0; i < 3; i++) store.remember([file(`${i}.md`, String(i).repeat(1000))]);
    expect(store.recent.map((f) => f.name)).toEqual(['2.md', '1.md', '0.md']);
    const kept = JSON.parse(items.get('loopscope.recent') ?? '[]') as LessonFile[];
    expect(kept.map((f) => f.name)).toEqual(['2.md', '1.md']);
  });
});

describe('course progress kept by the web edition', () => {
  it('is read back through the same validator as the desktop app’s file', () => {
    const { storage } = createStorage({
      'loopscope.progress': JSON.stringify({
        en: { gather: { 'scenario-1': { seen: true, predicted: 'right' }, bad: { seen: 2 } } },
        ru: { 'a b': {} },
      }),
    });
    expect(createWebStore(storage).progress).toEqual({
      en: { gather: { 'scenario-1': { seen: true, predicted: 'right' } } },
      ru: {},
    });
  });

  it('is none when storage holds something that is not JSON, and is written back', () => {
    const { storage } = createStorage({ 'loopscope.progress': '{oops' });
    const store = createWebStore(storage);
    expect(store.progress).toEqual({ en: {}, ru: {} });
    const progress = {
      en: {},
      ru: { tasks: { 'scenario-2': { seen: false, predicted: 'wrong' as const } } },
    };
    expect(store.saveProgress(progress)).toBe(true);
    expect(createWebStore(storage).progress).toEqual(progress);
  });
});
