/**
 * The worker that parses a large lesson (see lesson-parser.ts): one lesson, one answer, then
 * the page ends it.
 */
import { parseLesson } from '../../src-shared/lesson/parse.ts';
import type { LessonParseAnswer } from './lesson-parser.ts';

self.addEventListener('message', (event: MessageEvent<{ text: string; name: string }>) => {
  const { text, name } = event.data;
  let answer: LessonParseAnswer;
  try {
    answer = { ok: true, lesson: parseLesson(text, name) };
  } catch (error) {
    answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
});
