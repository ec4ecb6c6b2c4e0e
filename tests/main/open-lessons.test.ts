import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DialogFolder } from '../../src-main/lesson-dialogs.ts';
import { createTokenRegistry } from '../../src-main/lesson-tokens.ts';
import { createOpenLessons } from '../../src-main/open-lessons.ts';
import { createRecentFiles } from '../../src-main/recent-files.ts';

let home: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'loopscope-open-'));
  await mkdir(join(home, 'course'));
  await writeFile(join(home, 'course', '1-intro.md'), '# Intro\n');
  await writeFile(join(home, 'course', '2-tasks.md'), '# Tasks\n');
  await writeFile(join(home, 'demo.py'), 'print(1)\n');
});
afterEach(async () => {
  await rm(home, { recursive: true, force: true });
});

/** The open lessons over real files, with the parts around them recording what they are told. */
function setup(recentPaths: string[] = []) {
  let stored: readonly string[] = recentPaths;
  const store = {
    get recent() {
      return stored;
    },
    setRecent(paths: readonly string[]) {
      stored = [...paths];
    },
  };
  const tokens = createTokenRegistry();
  const watched: string[][] = [];
  const folder: DialogFolder = { current: null };
  const lessons = createOpenLessons({
    tokens,
    recent: createRecentFiles(store, tokens),
    watcher: { watchFiles: (files) => watched.push(files.map((file) => file.path)) },
    folder,
  });
  return { lessons, tokens, watched, folder, recent: () => stored };
}

describe('the lessons the user has open', () => {
  it('opens files and folders, watches exactly them, and puts them first in the recent list', async () => {
    const { lessons, watched, folder, recent } = setup([join(home, 'old.md')]);
    const course = join(home, 'course');
    const result = await lessons.open([course, join(home, 'demo.py')]);
    expect(result.files.map((file) => file.name)).toEqual(['1-intro.md', '2-tasks.md', 'demo.py']);
    expect(result.failures).toEqual([]);
    expect(watched).toEqual([
      [join(course, '1-intro.md'), join(course, '2-tasks.md'), join(home, 'demo.py')],
    ]);
    expect(folder.current).toBe(course);
    expect(recent()).toEqual([course, join(home, 'demo.py'), join(home, 'old.md')]);
  });

  it('changes nothing when nothing opened, and reports why', async () => {
    const { lessons, watched, folder, recent } = setup();
    const result = await lessons.open([join(home, 'gone.md')]);
    expect(result).toEqual({ files: [], failures: [{ name: 'gone.md', reason: 'not-found' }] });
    expect(watched).toEqual([]);
    expect(folder.current).toBeNull();
    expect(recent()).toEqual([]);
  });

  it('opens a recent entry by its token, and moves it to the front', async () => {
    const demo = join(home, 'demo.py');
    const { lessons, tokens, watched, recent } = setup([join(home, 'course'), demo]);
    const result = await lessons.openRecent(tokens.tokenFor(demo));
    expect(result.files).toEqual([
      { token: tokens.tokenFor(demo), name: 'demo.py', bundled: false, text: expect.any(String) },
    ]);
    expect(watched).toEqual([[demo]]);
    expect(recent()).toEqual([demo, join(home, 'course')]);
  });

  it('drops a recent entry that no longer opens', async () => {
    const gone = join(home, 'gone.md');
    const { lessons, tokens, recent } = setup([gone, join(home, 'demo.py')]);
    const result = await lessons.openRecent(tokens.tokenFor(gone));
    expect(result.failures).toEqual([{ name: 'gone.md', reason: 'not-found' }]);
    expect(recent()).toEqual([join(home, 'demo.py')]);
  });

  it('opens no file by a token that is not in the recent list, though it was handed out', async () => {
    const { lessons, tokens, watched } = setup([]);
    const dropped = tokens.tokenFor(join(home, 'demo.py'));
    for (const token of [dropped, 'not-a-token']) {
      expect(await lessons.openRecent(token)).toEqual({
        files: [],
        failures: [{ name: '', reason: 'not-found' }],
      });
    }
    expect(watched).toEqual([]);
  });
});
