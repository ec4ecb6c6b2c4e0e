import { describe, expect, it } from 'vitest';
import { MAX_LESSON_BYTES } from '../../src-shared/lesson/decode.ts';
import { parseLesson } from '../../src-shared/lesson/parse.ts';
import { readLessonFiles } from '../../src-web/files.ts';
import { pythonAsLesson } from '../../src-shared/lesson/python-lesson.ts';

const file = (name: string, content: string | number[]) =>
  new File([typeof content === 'string' ? content : new Uint8Array(content)], name);

describe('files opened in the web edition', () => {
  it('a Python program becomes a lesson with one runnable scenario', async () => {
    const code = "import asyncio\n\nasyncio.run(asyncio.sleep(0))\nprint('```')\n";
    const result = await readLessonFiles([file('hello.py', code)]);
    expect(result.failures).toEqual([]);
    const [opened] = result.files;
    expect(opened?.name).toBe('hello.py');
    const lesson = parseLesson(opened?.text ?? '', 'hello.py');
    expect(lesson.scenarios).toHaveLength(1);
    expect(lesson.scenarios[0]?.runnable).toBe(true);
    expect(lesson.scenarios[0]?.code).toBe(code);
    expect(pythonAsLesson('x = 1\r\n')).toBe('```python\nx = 1\n```\n');
  });

  it('what cannot be opened is a failure that names the file and says why', async () => {
    const result = await readLessonFiles([
      file('photo.py', [0x89, 0x50, 0x4e, 0x47, 0, 0]),
      file('notes.txt', 'text'),
      file('latin1.md', [0x63, 0x61, 0x66, 0xe9]),
      file('empty.md', ' \n'),
      file('huge.md', 'a'.repeat(MAX_LESSON_BYTES + 1)),
      file('lesson.md', '# A lesson\n'),
    ]);
    expect(result.failures).toEqual([
      { name: 'photo.py', reason: 'binary' },
      { name: 'notes.txt', reason: 'unsupported' },
      { name: 'latin1.md', reason: 'not-utf8' },
      { name: 'empty.md', reason: 'empty' },
      { name: 'huge.md', reason: 'too-large' },
    ]);
    expect(result.files.map((f) => f.name)).toEqual(['lesson.md']);
  });

  it('every file opened gets a token of its own, even across visits', async () => {
    const first = await readLessonFiles([file('a.md', '# A\n')]);
    const second = await readLessonFiles([file('a.md', '# A\n')]);
    expect(first.files[0]?.token).not.toBe(second.files[0]?.token);
  });
});
