/**
 * The bundled course's index (`assets/lessons/index.json`, a `CourseIndex`), checked like any
 * input by both hosts: the desktop app reads it from the disk, the web edition fetches it. A
 * lesson's file name may only name a Markdown file in the lessons folder itself.
 */
import type { CourseIndex, CourseLesson } from './api.ts';
import { isRecord } from './is-record.ts';

/** A lesson's id: also what a page sends to open a bundled lesson. */
export const LESSON_ID = /^[A-Za-z0-9][\w-]{0,99}$/;
const LESSON_FILE = /^[A-Za-z0-9][\w.-]{0,199}\.md$/;

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
