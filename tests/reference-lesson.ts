/**
 * The course author's reference lesson lives beside the repository (`../shared/lessons/`), not
 * in it, and its text is not copied into the project. Tests that read it run where it is there
 * and are reported as skipped, saying why, where it is not (a fresh clone); the project's own
 * lessons and fixtures cover the same parser paths.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'vitest';

export const REFERENCE_LESSON = fileURLToPath(
  new URL('../../shared/lessons/create_task.ru.md', import.meta.url),
);

const present = existsSync(REFERENCE_LESSON);
const NOTE = `skipped: the reference lesson ${REFERENCE_LESSON} is not next to the repository`;
if (!present) console.warn(`Tests that read the reference lesson are ${NOTE}.`);

/** Skips the test, saying why, when the reference lesson is not there: `beforeEach(needsReferenceLesson)`. */
export function needsReferenceLesson(context: TestContext): void {
  context.skip(!present, NOTE);
}
