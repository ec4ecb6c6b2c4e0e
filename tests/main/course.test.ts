import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledLessonPath, loadCourseIndex, parseCourseIndex } from '../../src-main/course.ts';

const lesson = (id: string, en = `${id}.en.md`, ru = `${id}.ru.md`) => ({
  id,
  title: { en: id, ru: id },
  file: { en, ru },
});

describe('the bundled course index', () => {
  it('keeps valid lessons in order', () => {
    const index = parseCourseIndex({ lessons: [lesson('tasks'), lesson('queues')] });
    expect(index.lessons.map((l) => l.id)).toEqual(['tasks', 'queues']);
  });

  it('leaves out entries that could name a file outside the lessons folder, or are malformed', () => {
    const index = parseCourseIndex({
      lessons: [
        lesson('up', '../../etc/passwd.md'),
        lesson('absolute', '/etc/x.md'),
        lesson('windows', 'a\\..\\b.md'),
        lesson('not-markdown', 'x.en.md', 'x.exe'),
        { id: 'no-title', file: { en: 'a.md', ru: 'a.md' } },
        lesson('../bad-id'),
        lesson('twice'),
        lesson('twice'),
      ],
    });
    expect(index.lessons.map((l) => l.id)).toEqual(['twice']);
  });

  it('is empty when the index is not a course', () => {
    expect(parseCourseIndex(null)).toEqual({ lessons: [] });
    expect(parseCourseIndex({ lessons: 'all' })).toEqual({ lessons: [] });
  });

  it('finds the file of a lesson in a language', () => {
    const index = parseCourseIndex({ lessons: [lesson('tasks')] });
    expect(bundledLessonPath('/app/lessons', index, 'tasks', 'ru')).toBe(
      join('/app/lessons', 'tasks.ru.md'),
    );
    expect(bundledLessonPath('/app/lessons', index, 'nope', 'en')).toBeNull();
  });

  it('is empty when there is no index file', async () => {
    expect(await loadCourseIndex('/no/such/folder')).toEqual({ lessons: [] });
  });

  const folder = join(import.meta.dirname, '../../assets/lessons');
  it.skipIf(!existsSync(join(folder, 'index.json')))(
    'the shipped course is valid and every file exists',
    async () => {
      const raw = JSON.parse(await readFile(join(folder, 'index.json'), 'utf8')) as {
        lessons: unknown[];
      };
      const index = await loadCourseIndex(folder);
      expect(index.lessons).toHaveLength(raw.lessons.length);
      for (const entry of index.lessons) {
        for (const language of ['en', 'ru'] as const) {
          expect(existsSync(join(folder, entry.file[language])), entry.file[language]).toBe(true);
        }
      }
    },
  );
});
