import { describe, expect, it } from 'vitest';
import { LESSON_ID, parseCourseIndex } from '../../src-shared/course.ts';

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

  it('keeps only the fields it knows', () => {
    const index = parseCourseIndex({
      lessons: [{ ...lesson('tasks'), script: 'alert(1)', title: { en: 'T', ru: 'Т', de: 'x' } }],
    });
    expect(index.lessons).toEqual([
      { id: 'tasks', title: { en: 'T', ru: 'Т' }, file: { en: 'tasks.en.md', ru: 'tasks.ru.md' } },
    ]);
  });

  it('is empty when the index is not a course', () => {
    expect(parseCourseIndex(null)).toEqual({ lessons: [] });
    expect(parseCourseIndex({ lessons: 'all' })).toEqual({ lessons: [] });
  });

  it('takes lesson ids of at most 100 letters, digits, - and _', () => {
    expect(LESSON_ID.test('create-task_2')).toBe(true);
    for (const id of ['', '-x', '../x', 'a b', 'a'.repeat(101)])
      expect(LESSON_ID.test(id)).toBe(false);
  });
});
