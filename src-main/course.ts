/**
 * The bundled course on the disk: `assets/lessons/index.json` (checked by src-shared/course.ts)
 * and the lesson files it names.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CourseIndex, Language } from '../src-shared/api.ts';
import { parseCourseIndex } from '../src-shared/course.ts';

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
