/**
 * Lessons parsed off the page's main thread when they are large: markdown-it takes about a
 * second over a 5 MB lesson, and the page must not freeze meanwhile. A small lesson (every
 * bundled one) is parsed in place, where a worker would only add its start-up.
 */
import type { Lesson } from '../../src-shared/lesson/model.ts';
import { parseLesson } from '../../src-shared/lesson/parse.ts';
import { askWorker } from './ask-worker.ts';

/** Characters above which a lesson is parsed in a worker. */
export const PARSE_IN_WORKER_CHARS = 256 * 1024;

/** What the worker answers: the lesson, or why it could not parse it. */
export type LessonParseAnswer = { ok: true; lesson: Lesson } | { ok: false; error: string };

/**
 * The lesson `text` (from the file `name`) says. In a page that can start no worker (tests in
 * Node), or when the worker fails, it is parsed in place: slower, but never lost.
 */
export async function parseLessonOffThread(text: string, name: string): Promise<Lesson> {
  if (text.length <= PARSE_IN_WORKER_CHARS || typeof Worker !== 'function') {
    return parseLesson(text, name);
  }
  // The worker written out in full, so that Vite finds and bundles it.
  const answer = await askWorker<LessonParseAnswer>(
    new Worker(new URL('./lesson-parse-worker.ts', import.meta.url), {
      type: 'module',
      name: 'loopscope-lesson-parser',
    }),
    { text, name },
    (error) => ({ ok: false, error }),
  );
  return answer.ok ? answer.lesson : parseLesson(text, name);
}
