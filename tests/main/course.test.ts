import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCourseIndex } from '../../src-shared/course.ts';
import { parseLesson } from '../../src-shared/lesson/parse.ts';
import { bundledLessonPath, createBundledCourse, loadCourseIndex } from '../../src-main/course.ts';
import { createTokenRegistry } from '../../src-main/lesson-tokens.ts';

const lesson = (id: string) => ({
  id,
  title: { en: id, ru: id },
  file: { en: `${id}.en.md`, ru: `${id}.ru.md` },
});

describe('the bundled course on the disk', () => {
  it('finds the file of a lesson in a language', () => {
    const index = parseCourseIndex({ lessons: [lesson('tasks')] });
    expect(bundledLessonPath('/app/lessons', index, 'tasks', 'ru')).toBe(
      join('/app/lessons', 'tasks.ru.md'),
    );
    expect(bundledLessonPath('/app/lessons', index, 'nope', 'en')).toBeNull();
  });

  it('is empty when there is no index file, or it is not JSON', async () => {
    expect(await loadCourseIndex('/no/such/folder')).toEqual({ lessons: [] });
    expect(await loadCourseIndex('/x', () => Promise.resolve('{ not json'))).toEqual({
      lessons: [],
    });
  });

  // The course the app ships: a missing or broken one is exactly what this must catch.
  const folder = join(import.meta.dirname, '../../assets/lessons');
  it('the shipped course is valid, and every file exists and has a runnable scenario', async () => {
    const raw = JSON.parse(await readFile(join(folder, 'index.json'), 'utf8')) as {
      lessons: unknown[];
    };
    const index = await loadCourseIndex(folder);
    expect(index.lessons.length).toBeGreaterThan(0);
    expect(index.lessons).toHaveLength(raw.lessons.length);
    for (const entry of index.lessons) {
      for (const language of ['en', 'ru'] as const) {
        const path = join(folder, entry.file[language]);
        expect(existsSync(path), entry.file[language]).toBe(true);
        const parsed = parseLesson(await readFile(path, 'utf8'), entry.file[language]);
        expect(parsed.problems, entry.file[language]).toEqual([]);
        expect(
          parsed.scenarios.some((s) => s.runnable),
          entry.file[language],
        ).toBe(true);
      }
    }
  });
});

describe('the bundled course as the page opens it', () => {
  it('reads the index once, and opens a lesson in a language as a bundled file with a token', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'loopscope-course-'));
    try {
      await writeFile(
        join(folder, 'index.json'),
        JSON.stringify({ lessons: [lesson('tasks'), lesson('broken')] }),
      );
      await writeFile(join(folder, 'tasks.ru.md'), '# Задачи\n');
      await writeFile(join(folder, 'broken.en.md'), new Uint8Array([0x23, 0x00, 0xff]));
      const tokens = createTokenRegistry();
      const course = createBundledCourse(folder, tokens);
      expect(course.index()).toBe(course.index());
      expect((await course.index()).lessons.map((l) => l.id)).toEqual(['tasks', 'broken']);
      expect(await course.open('tasks', 'ru')).toEqual({
        token: tokens.tokenFor(join(folder, 'tasks.ru.md')),
        name: 'tasks.ru.md',
        bundled: true,
        text: '# Задачи\n',
      });
      await expect(course.open('../../secret', 'en')).rejects.toThrow(/no lesson/);
      await expect(course.open('tasks', 'en')).rejects.toThrow(/cannot be read \(not-found\)/);
      await expect(course.open('broken', 'en')).rejects.toThrow(/cannot be read/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
