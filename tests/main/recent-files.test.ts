import { describe, expect, it } from 'vitest';
import { createTokenRegistry } from '../../src-main/lesson-tokens.ts';
import {
  addRecent,
  createRecentFiles,
  removeRecent,
  samePath,
  type RecentStore,
} from '../../src-main/recent-files.ts';

function memoryStore(initial: string[] = []): RecentStore & { readonly writes: number } {
  let recent: readonly string[] = initial;
  let writes = 0;
  return {
    get recent() {
      return recent;
    },
    get writes() {
      return writes;
    },
    setRecent(paths) {
      recent = [...paths];
      writes += 1;
    },
  };
}

describe('the recent-files list', () => {
  it('puts the newest first and keeps each path once', () => {
    expect(addRecent(['/b.md', '/a.md'], '/a.md')).toEqual(['/a.md', '/b.md']);
  });

  it('keeps at most the given number of entries', () => {
    expect(addRecent(['/1', '/2', '/3'], '/4', 3)).toEqual(['/4', '/1', '/2']);
  });

  it('forgets a path', () => {
    expect(removeRecent(['/a.md', '/b.md'], '/a.md')).toEqual(['/b.md']);
  });

  it('compares paths as the platform does', () => {
    expect(samePath('C:\\Lessons\\A.md', 'c:\\lessons\\a.md', 'win32')).toBe(true);
    expect(samePath('/Lessons/A.md', '/lessons/a.md', 'linux')).toBe(false);
  });
});

describe('the recent files as the app keeps them', () => {
  it('shows names with tokens, newest first, and puts what opened together first in its order', () => {
    const store = memoryStore(['/home/old.md']);
    const tokens = createTokenRegistry();
    const recent = createRecentFiles(store, tokens);
    recent.add(['/course', '/home/demo.py']);
    expect(store.recent).toEqual(['/course', '/home/demo.py', '/home/old.md']);
    expect(recent.list()).toEqual([
      { token: tokens.tokenFor('/course'), name: 'course' },
      { token: tokens.tokenFor('/home/demo.py'), name: 'demo.py' },
      { token: tokens.tokenFor('/home/old.md'), name: 'old.md' },
    ]);
    expect(JSON.stringify(recent.list())).not.toContain('/home');
  });

  it('does not write the store for nothing', () => {
    const store = memoryStore(['/home/a.md']);
    createRecentFiles(store, createTokenRegistry()).add([]);
    expect(store.writes).toBe(0);
  });

  it('resolves a token only while its path is in the list', () => {
    const store = memoryStore(['/home/a.md']);
    const tokens = createTokenRegistry();
    const recent = createRecentFiles(store, tokens);
    const token = tokens.tokenFor('/home/a.md');
    // A token handed out for a file that is not in the list (a file opened by a drop, say).
    const other = tokens.tokenFor('/home/dropped.md');
    expect(recent.pathOf(token)).toBe('/home/a.md');
    expect(recent.pathOf(other)).toBeNull();
    expect(recent.pathOf('not-a-token')).toBeNull();
    recent.remove('/home/a.md');
    expect(recent.pathOf(token)).toBeNull();
  });

  it('forgets one path, or all of them', () => {
    const store = memoryStore(['/home/a.md', '/home/b.md']);
    const recent = createRecentFiles(store, createTokenRegistry());
    recent.remove('/home/a.md');
    expect(store.recent).toEqual(['/home/b.md']);
    recent.clear();
    expect(store.recent).toEqual([]);
  });
});
