import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LessonFile } from '../../src-shared/api.ts';
import { createTokenRegistry } from '../../src-main/lesson-tokens.ts';
import {
  createLessonWatcher,
  watchOpenLessons,
  type WatchFolder,
} from '../../src-main/lesson-watcher.ts';

function fakeFolders() {
  const listeners = new Map<string, (name: string | null) => void>();
  const closed: string[] = [];
  const watchFolder: WatchFolder = (folder, listener) => {
    listeners.set(folder, listener);
    return { close: () => closed.push(folder) };
  };
  const touch = (folder: string, name: string | null) => listeners.get(folder)?.(name);
  return { watchFolder, touch, closed, listeners };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('watching open lessons', () => {
  it('collapses a burst of events into one read and reports the new text', async () => {
    vi.useFakeTimers();
    const folders = fakeFolders();
    const texts: Record<string, string> = { '/c/a.md': 'v2' };
    const read = vi.fn(async (path: string) => texts[path] ?? null);
    const onChange = vi.fn();
    const watcher = createLessonWatcher({
      watchFolder: folders.watchFolder,
      read,
      onChange,
      debounceMs: 200,
    });
    watcher.watchFiles([{ path: '/c/a.md', text: 'v1' }]);
    for (let i = 0; i < 5; i += 1) folders.touch('/c', 'a.md');
    await vi.advanceTimersByTimeAsync(250);
    expect(read).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith('/c/a.md', 'v2');
  });

  it('does not report a save that left the text as it was, nor other files of the folder', async () => {
    vi.useFakeTimers();
    const folders = fakeFolders();
    const onChange = vi.fn();
    // Another file of the folder did change: a watcher that reported it would be caught.
    const watcher = createLessonWatcher({
      watchFolder: folders.watchFolder,
      read: async (path) => (path === '/c/a.md' ? 'same' : 'changed'),
      onChange,
      debounceMs: 50,
    });
    watcher.watchFiles([{ path: '/c/a.md', text: 'same' }]);
    folders.touch('/c', 'a.md');
    folders.touch('/c', 'other.md');
    await vi.advanceTimersByTimeAsync(100);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('watches each folder once, and stops watching the files it is no longer given', async () => {
    vi.useFakeTimers();
    const folders = fakeFolders();
    const onChange = vi.fn();
    const watcher = createLessonWatcher({
      watchFolder: folders.watchFolder,
      read: async () => 'new',
      onChange,
      debounceMs: 50,
    });
    watcher.watchFiles([
      { path: '/c/a.md', text: 'old' },
      { path: '/c/b.md', text: 'old' },
    ]);
    expect([...folders.listeners.keys()]).toEqual(['/c']);
    folders.touch('/c', 'a.md');
    watcher.watchFiles([{ path: '/d/x.md', text: 'old' }]);
    await vi.advanceTimersByTimeAsync(100);
    expect(onChange).not.toHaveBeenCalled();
    expect(folders.closed).toEqual(['/c']);
    watcher.close();
    expect(folders.closed).toEqual(['/c', '/d']);
  });

  it('skips a read that finds the file missing (an editor between its write and its rename)', async () => {
    vi.useFakeTimers();
    const folders = fakeFolders();
    const onChange = vi.fn();
    const watcher = createLessonWatcher({
      watchFolder: folders.watchFolder,
      read: async () => null,
      onChange,
    });
    watcher.watchFiles([{ path: '/c/a.md', text: 'old' }]);
    folders.touch('/c', null);
    await vi.advanceTimersByTimeAsync(500);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('sees a lesson edited on disk, also when the editor saves by renaming a new file over it', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'loopscope-watch-'));
    const path = join(folder, 'lesson.md');
    await writeFile(path, '# One');
    const changes: string[] = [];
    const { readFile } = await import('node:fs/promises');
    const watcher = createLessonWatcher({
      read: (p) => readFile(p, 'utf8').catch(() => null),
      onChange: (_p, text) => changes.push(text),
      debounceMs: 100,
    });
    try {
      watcher.watchFiles([{ path, text: '# One' }]);
      await writeFile(path, '# Two');
      await vi.waitFor(() => expect(changes).toEqual(['# Two']), { timeout: 5000 });
      await writeFile(join(folder, '.lesson.md.swp'), '# Three');
      await rename(join(folder, '.lesson.md.swp'), path);
      await vi.waitFor(() => expect(changes).toEqual(['# Two', '# Three']), { timeout: 5000 });
    } finally {
      watcher.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('watching the lessons the user opened', () => {
  it('sends a changed file read again as a lesson, under the token it was opened with', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'loopscope-watch-'));
    const path = join(folder, 'demo.py');
    await writeFile(path, 'print(1)\n');
    const folders = fakeFolders();
    const tokens = createTokenRegistry();
    const token = tokens.tokenFor(path);
    const sent: LessonFile[] = [];
    const watcher = watchOpenLessons({
      tokens,
      send: (file) => sent.push(file),
      watchFolder: folders.watchFolder,
      debounceMs: 10,
    });
    try {
      watcher.watchFiles([{ path, text: 'the text it was opened with' }]);
      await writeFile(path, 'print(2)\n');
      folders.touch(folder, 'demo.py');
      await vi.waitFor(() => expect(sent).toHaveLength(1));
      expect(sent[0]).toEqual({
        token,
        name: 'demo.py',
        bundled: false,
        text: expect.stringContaining('print(2)'),
      });
      // A program becomes a lesson again, as when it was opened.
      expect(sent[0]?.text).toMatch(/^```/m);
    } finally {
      watcher.close();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('sends nothing while the file cannot be read as a lesson', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'loopscope-watch-'));
    const path = join(folder, 'lesson.md');
    await writeFile(path, '# One');
    const folders = fakeFolders();
    const sent: LessonFile[] = [];
    const watcher = watchOpenLessons({
      tokens: createTokenRegistry(),
      send: (file) => sent.push(file),
      watchFolder: folders.watchFolder,
      debounceMs: 10,
    });
    try {
      watcher.watchFiles([{ path, text: '# One' }]);
      await writeFile(path, new Uint8Array([0x23, 0x20, 0xff, 0x00, 0xfe]));
      folders.touch(folder, 'lesson.md');
      // Let that read happen, then make a change that is sent: it must be the only one.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await writeFile(path, '# Two');
      folders.touch(folder, 'lesson.md');
      await vi.waitFor(() => expect(sent).toHaveLength(1));
      expect(sent.map((file) => file.text)).toEqual(['# Two']);
    } finally {
      watcher.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
