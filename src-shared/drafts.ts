/**
 * A draft: the code the user typed and has not saved, kept by the host while they type so
 * that a crash, a reload or a restart loses none of it. It names the lesson and the scenario
 * the code belongs to, so that it comes back where it was. Both hosts check what they are
 * given and what they read back with `parseDraft`: the desktop app's main process (the page
 * may be compromised) and the web edition (storage is shared by the origin's pages).
 */
import { LESSON_ID } from './course.ts';
import { isRecord } from './is-record.ts';
import { MAX_LESSON_BYTES } from './lesson/decode.ts';

export interface Draft {
  /** The code in the editor. */
  code: string;
  /** The lesson the code belongs to; null when none was open. */
  lesson: DraftLesson | null;
  /** The number of the scenario the code was written in (1-based), or null. */
  scenario: number | null;
  /** When the code was typed: milliseconds since 1970. */
  savedAt: number;
}

/**
 * A bundled lesson is opened again from the course; any other lesson is kept whole, since the
 * host cannot open its file again (the browser never could, the desktop app's tokens last one
 * launch) and the file may have changed or gone.
 */
export type DraftLesson =
  { bundled: true; id: string; name: string } | { bundled: false; name: string; text: string };

/** The longest code a draft keeps: the largest program a run may be asked for. */
export const MAX_DRAFT_CODE = MAX_LESSON_BYTES;
const MAX_NAME_LENGTH = 260;
const MAX_SCENARIO = 100_000;

export class DraftError extends Error {
  override name = 'DraftError';
}

function fail(message: string): never {
  throw new DraftError(message);
}

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(value))
    if (!allowed.includes(key)) fail(`${what}: unknown field "${key}"`);
}

function parseText(value: unknown, what: string, maxLength: number): string {
  if (typeof value !== 'string') fail(`${what} must be a string`);
  if (value.length > maxLength) fail(`${what} is too long`);
  return value;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused.
const CONTROL = /[\u0000-\u001f\u007f]/;

function parseName(value: unknown): string {
  const name = parseText(value, 'lesson name', MAX_NAME_LENGTH);
  if (name === '' || CONTROL.test(name)) fail('lesson name is not a file name');
  return name;
}

function parseLesson(value: unknown): DraftLesson | null {
  if (value === null) return null;
  if (!isRecord(value)) fail('lesson must be an object or null');
  if (value.bundled === true) {
    checkKeys(value, ['bundled', 'id', 'name'], 'lesson');
    const id = parseText(value.id, 'lesson id', 100);
    if (!LESSON_ID.test(id)) fail('not a lesson id');
    return { bundled: true, id, name: parseName(value.name) };
  }
  if (value.bundled !== false) fail('lesson.bundled must be a boolean');
  checkKeys(value, ['bundled', 'name', 'text'], 'lesson');
  return {
    bundled: false,
    name: parseName(value.name),
    text: parseText(value.text, 'lesson text', MAX_LESSON_BYTES),
  };
}

function isWhole(value: unknown, min: number, max: number): value is number {
  return Number.isSafeInteger(value) && Number(value) >= min && Number(value) <= max;
}

/** A draft, checked field by field; anything else is a DraftError. */
export function parseDraft(value: unknown): Draft {
  if (!isRecord(value)) fail('a draft must be an object');
  checkKeys(value, ['code', 'lesson', 'scenario', 'savedAt'], 'draft');
  const code = parseText(value.code, 'code', MAX_DRAFT_CODE);
  const lesson = parseLesson(value.lesson);
  const { scenario, savedAt } = value;
  if (scenario !== null && !isWhole(scenario, 1, MAX_SCENARIO))
    fail('scenario must be a scenario number or null');
  if (!isWhole(savedAt, 0, Number.MAX_SAFE_INTEGER)) fail('savedAt must be a time');
  return { code, lesson, scenario, savedAt };
}

/** A draft read back from storage, or null when there is none or it is not a valid one. */
export function readDraft(value: unknown): Draft | null {
  try {
    return value === null || value === undefined ? null : parseDraft(value);
  } catch {
    return null;
  }
}
