/**
 * The bundled course: `assets/lessons/index.json` (a `CourseIndex`) and the lesson files it
 * names. The index is checked like any input, and a lesson's file name may only name a file
 * in the lessons folder itself.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CourseIndex, CourseLesson, Language } from '../src-shared/api.ts';

const LESSON_ID = /^[A-Za-z0-9][\w-]{0,99}$/;
const LESSON_FILE = /^[A-Za-z0-9][\w.-]{0,199}\.md$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseLesson(value: unknown): CourseLesson | null {
  if (!isRecord(value) || typeof value.id !== 'string' || !LESSON_ID.test(value.id)) return null;
  const { title, file } = value;
  if (!isRecord(title) || !isRecord(file)) return null;
  if (typeof title.en !== 'string' || typeof title.ru !== 'string') return null;
  if (typeof file.en !== 'string' || typeof file.ru !== 'string') return null;
  if (!LESSON_FILE.test(file.en) || !LESSON_FILE.test(file.ru)) return null;
  return {
    id: value.id,
    title: { en: title.en, ru: title.ru },
    file: { en: file.en, ru: file.ru },
  };
}

/** The valid lessons of an index; an entry that is not right is left out. */
export function parseCourseIndex(value: unknown): CourseIndex {
  if (!isRecord(value) || !Array.isArray(value.lessons)) return { lessons: [] };
  const lessons: CourseLesson[] = [];
  const ids = new Set<string>();
  for (const entry of value.lessons) {
    const lesson = parseLesson(entry);
    if (lesson && !ids.has(lesson.id)) {
      ids.add(lesson.id);
      lessons.push(lesson);
    }
  }
  return { lessons };
}

export async function loadCourseIndex(
  folder: string,
  read: (path: string) => Promise<string> = (path) => readFile(path, 'utf8'),
): Promise<CourseIndex> {
  try {
    return parseCourseIndex(JSON.parse(await read(join(folder, 'index.json'))) as unknown);
  } catch {
    return { lessons: [] };
  }
}

/** The path of a bundled lesson in one language, or null when the course has no such lesson. */
export function bundledLessonPath(
  folder: string,
  course: CourseIndex,
  id: string,
  language: Language,
): string | null {
  const lesson = course.lessons.find((l) => l.id === id);
  return lesson ? join(folder, lesson.file[language]) : null;
}
