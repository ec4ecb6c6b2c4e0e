import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_LESSON_BYTES } from '../../src-shared/lesson/decode.ts';
import { parseLesson } from '../../src-shared/lesson/parse.ts';
import { readLessonFile } from '../../src-main/lesson-reader.ts';
import { pythonAsLesson } from '../../src-shared/lesson/python-lesson.ts';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'loopscope-lesson-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

describe('reading a lesson file', () => {
  it('reads a Markdown lesson as its text, without a byte-order mark', async () => {
    const path = await write('tasks.ru.md', '\uFEFF# Задачи\n\n```python\nprint(1)\n```\n');
    expect(await readLessonFile(path)).toEqual({
      ok: true,
      name: 'tasks.ru.md',
      text: '# Задачи\n\n```python\nprint(1)\n```\n',
    });
  });

  it('opens a Python program as a lesson with one scenario holding exactly its code', async () => {
    const code =
      'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n';
    const path = await write('sleep.py', code);
    const read = await readLessonFile(path);
    if (!read.ok) throw new Error('not read');
    const lesson = parseLesson(read.text, read.name);
    expect(lesson.scenarios).toHaveLength(1);
    expect(lesson.scenarios[0]?.code.replace(/\n$/, '')).toBe(code.replace(/\n$/, ''));
  });

  it('keeps a Python program whole even when it contains backtick fences', () => {
    const code = 'doc = """\n```python\nnot the end\n```\n"""\nprint(doc)\n';
    const lesson = parseLesson(pythonAsLesson(code), 'fences.py');
    expect(lesson.scenarios).toHaveLength(1);
    expect(lesson.scenarios[0]?.code.replace(/\n$/, '')).toBe(code.replace(/\n$/, ''));
  });

  it('reads an empty file as empty text, for the parser to report', async () => {
    expect(await readLessonFile(await write('empty.md', ''))).toEqual({
      ok: true,
      name: 'empty.md',
      text: '',
    });
  });

  it.each([
    ['notes.txt', 'hello', 'unsupported'],
    ['image.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), 'binary'],
    ['latin1.md', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]), 'not-utf8'],
    ['utf16.md', new Uint8Array([0xff, 0xfe, 0x23, 0x00]), 'not-utf8'],
  ] as const)('refuses %s as %s', async (name, content, reason) => {
    expect(await readLessonFile(await write(name, content))).toEqual({
      ok: false,
      failure: { name, reason },
    });
  });

  it('refuses a file larger than a lesson can be without reading it', async () => {
    const path = await write('huge.md', new Uint8Array(MAX_LESSON_BYTES + 1).fill(0x61));
    expect(await readLessonFile(path)).toEqual({
      ok: false,
      failure: { name: 'huge.md', reason: 'too-large' },
    });
  });

  it('reports a file that does not exist, and a folder named like a lesson', async () => {
    expect(await readLessonFile(join(folder, 'gone.md'))).toEqual({
      ok: false,
      failure: { name: 'gone.md', reason: 'not-found' },
    });
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(folder, 'folder.md'));
    expect(await readLessonFile(join(folder, 'folder.md'))).toEqual({
      ok: false,
      failure: { name: 'folder.md', reason: 'unsupported' },
    });
  });

  it('catches a file that grew past the limit after it was measured', async () => {
    const read = await readLessonFile('/x/grows.md', {
      stat: async () => ({ size: 10, isFile: () => true, isDirectory: () => false }),
      readHead: async (_path, limit) => new Uint8Array(limit).fill(0x61),
    });
    expect(read).toEqual({ ok: false, failure: { name: 'grows.md', reason: 'too-large' } });
  });
});
