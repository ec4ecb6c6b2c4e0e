import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src-shared/api.ts';
import { loadSettingsStore } from '../../src-main/settings-store.ts';

let folder: string;
let file: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'loopscope-settings-'));
  file = join(folder, 'settings.json');
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(folder, { recursive: true, force: true });
});

describe('the settings store', () => {
  it('starts with the defaults when there is no file yet', async () => {
    const store = await loadSettingsStore({ file });
    expect(store.settings).toEqual(DEFAULT_SETTINGS);
    expect(store.recent).toEqual([]);
  });

  it('writes a change after a pause, and reads it back on the next start', async () => {
    vi.useFakeTimers();
    const store = await loadSettingsStore({ file, debounceMs: 100 });
    store.updateSettings({ language: 'ru' });
    store.updateSettings({ speed: 2 });
    store.setRecent(['/home/teacher/lesson.md']);
    store.setWindow({ x: 5, y: 6, width: 900, height: 700, maximized: false, fullScreen: false });
    await expect(readFile(file, 'utf8')).rejects.toThrow();
    await vi.advanceTimersByTimeAsync(150);
    vi.useRealTimers();
    await store.flush();
    const again = await loadSettingsStore({ file });
    expect(again.settings).toEqual({ ...DEFAULT_SETTINGS, language: 'ru', speed: 2 });
    expect(again.recent).toEqual(['/home/teacher/lesson.md']);
    expect(again.window).toMatchObject({ x: 5, y: 6, width: 900, height: 700 });
  });

  it('writes at once when flushed, and leaves no temporary file behind', async () => {
    const store = await loadSettingsStore({ file, debounceMs: 60_000 });
    store.updateSettings({ theme: 'dark' });
    await store.flush();
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      version: 1,
      settings: { theme: 'dark' },
    });
    expect(await readdir(folder)).toEqual(['settings.json']);
  });

  it('moves an unreadable file aside instead of losing it, and starts from the defaults', async () => {
    await writeFile(file, '{ this is not JSON');
    const errors: unknown[] = [];
    const store = await loadSettingsStore({ file, onError: (error) => errors.push(error) });
    expect(store.settings).toEqual(DEFAULT_SETTINGS);
    expect(errors).toHaveLength(1);
    const names = await readdir(folder);
    const aside = names.find((name) => name.startsWith('settings.json.unreadable-'));
    expect(aside).toBeDefined();
    expect(await readFile(join(folder, aside ?? ''), 'utf8')).toBe('{ this is not JSON');
  });

  it('tells listeners about a settings change', async () => {
    const store = await loadSettingsStore({ file });
    const seen: string[] = [];
    const unsubscribe = store.onSettingsChange((settings) => seen.push(settings.language));
    store.updateSettings({ language: 'en' });
    unsubscribe();
    store.updateSettings({ language: 'ru' });
    expect(seen).toEqual(['en']);
    await store.flush();
  });

  it('writes one change at a time, the last one winning', async () => {
    const writes: number[] = [];
    let release: () => void = () => {};
    const store = await loadSettingsStore({
      file,
      debounceMs: 0,
      write: async (_file, text) => {
        writes.push(JSON.parse(text).settings.speed);
        await new Promise<void>((resolve) => (release = resolve));
      },
    });
    store.updateSettings({ speed: 2 });
    const first = store.flush();
    await vi.waitFor(() => expect(writes).toEqual([2]));
    store.updateSettings({ speed: 4 });
    const second = store.flush();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The second write waits for the first to finish.
    expect(writes).toEqual([2]);
    release();
    await first;
    await vi.waitFor(() => expect(writes).toEqual([2, 4]));
    release();
    await second;
  });

  it('tells its listeners when the settings or the recent list change, until they leave', async () => {
    const store = await loadSettingsStore({ file, debounceMs: 60_000 });
    const settings: string[] = [];
    const recent: (readonly string[])[] = [];
    store.onSettingsChange((next) => settings.push(next.theme));
    const stop = store.onRecentChange((next) => recent.push(next));
    store.updateSettings({ theme: 'dark' });
    store.setRecent(['/home/teacher/a.md']);
    stop();
    store.setRecent([]);
    expect(settings).toEqual(['dark']);
    expect(recent).toEqual([['/home/teacher/a.md']]);
  });
});
