/**
 * The bundled course on the disk: `assets/lessons/index.json` (checked by src-shared/course.ts)
 * and the lesson files it names.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CourseIndex, Language, LessonFile } from '../src-shared/api.ts';
import { parseCourseIndex } from '../src-shared/course.ts';
import { readLessonFile, type LessonFileSystem } from './lesson-reader.ts';
import type { TokenRegistry } from './lesson-tokens.ts';

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

/** Bundled lessons live in the app (perhaps inside its asar archive): read them whole. */
const bundledFileSystem: LessonFileSystem = {
  stat: (path) => stat(path),
  readHead: async (path) => new Uint8Array(await readFile(path)),
};

export interface BundledCourse {
  /** The course's index, read once. */
  index(): Promise<CourseIndex>;
  /** One of its lessons in a language; fails for a lesson the index does not name. */
  open(id: string, language: Language): Promise<LessonFile>;
}

export function createBundledCourse(folder: string, tokens: TokenRegistry): BundledCourse {
  let index: Promise<CourseIndex> | null = null;
  const course = {
    index: () => (index ??= loadCourseIndex(folder)),
    async open(id: string, language: Language): Promise<LessonFile> {
      const path = bundledLessonPath(folder, await course.index(), id, language);
      if (!path) throw new Error(`The course has no lesson "${id}".`);
      const read = await readLessonFile(path, bundledFileSystem);
      if (!read.ok)
        throw new Error(`The bundled lesson "${id}" cannot be read (${read.failure.reason}).`);
      return { token: tokens.tokenFor(path), name: read.name, bundled: true, text: read.text };
    },
  };
  return course;
}
