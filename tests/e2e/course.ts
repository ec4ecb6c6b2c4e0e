/** The bundled course as the tests read it: the same files, parsed by the same parser. */
import { readFileSync } from 'node:fs';
import type { CourseIndex, Language } from '../../src-shared/api.ts';
import { parseLesson } from '../../src-shared/lesson/parse.ts';
import type { Scenario } from '../../src-shared/lesson/model.ts';

const LESSONS = new URL('../../assets/lessons/', import.meta.url);

export const course = JSON.parse(
  readFileSync(new URL('index.json', LESSONS), 'utf8'),
) as CourseIndex;

export function runnableScenarios(lessonId: string, language: Language): Scenario[] {
  const entry = course.lessons.find((l) => l.id === lessonId);
  if (!entry) throw new Error(`no lesson ${lessonId}`);
  const name = entry.file[language];
  return parseLesson(readFileSync(new URL(name, LESSONS), 'utf8'), name).scenarios.filter(
    (s) => s.runnable,
  );
}
