import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReadLessonResult } from '../../src-main/lesson-reader.ts';
import { openLessonPaths } from '../../src-main/lesson-opener.ts';
import { createTokenRegistry } from '../../src-main/lesson-tokens.ts';

const files: Record<string, string> = {
  '/course/1-intro.md': '# Intro',
  '/course/2-tasks.md': '# Tasks',
  '/home/demo.py': '```python\nprint(1)\n```\n',
};
const folders: Record<string, string[]> = {
  '/course': ['/course/1-intro.md', '/course/2-tasks.md'],
  '/empty': [],
};

const deps = () => ({
  tokens: createTokenRegistry(),
  kindOf: async (path: string) =>
    path in files
      ? ('file' as const)
      : path in folders
        ? ('folder' as const)
        : ('missing' as const),
  readLesson: async (path: string): Promise<ReadLessonResult> => {
    const text = files[path];
    return text === undefined
      ? { ok: false, failure: { name: path, reason: 'not-found' } }
      : { ok: true, name: path.split('/').pop() ?? path, text };
  },
  listFolder: async (folder: string) => ({ paths: folders[folder] ?? [], truncated: false }),
});

describe('opening what the user chose', () => {
  it('opens files and every lesson of a folder, with tokens and no paths', async () => {
    const outcome = await openLessonPaths(['/course', '/home/demo.py'], deps());
    expect(outcome.result.files.map((f) => f.name)).toEqual([
      '1-intro.md',
      '2-tasks.md',
      'demo.py',
    ]);
    expect(outcome.result.files.every((f) => !f.bundled && !f.token.includes('/'))).toBe(true);
    expect(JSON.stringify(outcome.result)).not.toContain('/course');
    expect(outcome.recent).toEqual(['/course', '/home/demo.py']);
    expect(outcome.opened.map((o) => o.path)).toEqual([
      ...(folders['/course'] ?? []),
      '/home/demo.py',
    ]);
  });

  it('reports what could not be opened, and does not remember it', async () => {
    const outcome = await openLessonPaths(['/nowhere/lost.md', '/empty'], deps());
    expect(outcome.result).toEqual({
      files: [],
      failures: [
        { name: 'lost.md', reason: 'not-found' },
        { name: 'empty', reason: 'unsupported' },
      ],
    });
    expect(outcome.recent).toEqual([]);
  });

  it('gives the same file the same token when it is opened again', async () => {
    const shared = deps();
    const first = await openLessonPaths([join('/home', 'demo.py')], shared);
    const second = await openLessonPaths(['/home/demo.py'], shared);
    expect(second.result.files[0]?.token).toBe(first.result.files[0]?.token);
  });
});

describe('opening replays and traces with the lessons', () => {
  it('reads a replay or a trace as bytes for the page, and remembers it', async () => {
    const bytes = new TextEncoder().encode('{"seq":0}\n');
    const outcome = await openLessonPaths(['/home/run.jsonl', '/home/gone.loopscope.json'], {
      ...deps(),
      kindOf: async () => 'file' as const,
      readReplay: async (path: string) =>
        path.endsWith('run.jsonl')
          ? { ok: true, replay: { name: 'run.jsonl', size: bytes.length, bytes } }
          : { ok: false, failure: { name: 'gone.loopscope.json', reason: 'not-found' } },
    });
    expect(outcome.result.replays).toEqual([{ name: 'run.jsonl', size: bytes.length, bytes }]);
    expect(outcome.result.failures).toEqual([{ name: 'gone.loopscope.json', reason: 'not-found' }]);
    expect(outcome.result.files).toEqual([]);
    // Remembered, not watched: a replay does not change under the user.
    expect(outcome.recent).toEqual(['/home/run.jsonl']);
    expect(outcome.opened).toEqual([]);
  });
});
