/**
 * Checks of every payload that reaches the main process over IPC. Whatever a page sends is
 * untrusted: the app page could be compromised by a bug, and the engine page hosts a worker
 * that ran lesson code. Every check either returns a well-typed value or throws an
 * IpcValidationError; nothing half-checked goes further.
 */
import type { Language } from '../src-shared/api.ts';
import type { EngineRunRequest } from '../src-shared/engine-bridge.ts';
import { MAX_LESSON_BYTES } from '../src-shared/lesson/decode.ts';
import { DEFAULT_BUDGETS, type Budgets } from '../src-shared/trace.ts';
import { LESSON_ID } from '../src-shared/course.ts';
import { parseDraft, type Draft } from '../src-shared/drafts.ts';
import { isRecord } from '../src-shared/is-record.ts';
import { codeFileName } from '../src-shared/save-kinds.ts';

export class IpcValidationError extends Error {
  override name = 'IpcValidationError';
}

function fail(message: string): never {
  throw new IpcValidationError(message);
}

function checkKeys(value: Record<string, unknown>, allowed: readonly string[], what: string): void {
  for (const key of Object.keys(value))
    if (!allowed.includes(key)) fail(`${what}: unknown field "${key}"`);
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused.
const CONTROL = /[\u0000-\u001f\u007f]/;

export function parseString(value: unknown, what: string, maxLength: number): string {
  if (typeof value !== 'string') fail(`${what} must be a string`);
  if (value.length > maxLength) fail(`${what} is too long`);
  return value;
}

/** The largest program a run may be asked for, in UTF-16 code units. */
export const MAX_CODE_LENGTH = MAX_LESSON_BYTES;
export const MAX_STDIN_LENGTH = 1024 * 1024;

/** The most a run may ask for; a request asking for more gets this much. */
export const BUDGET_CEILINGS: Readonly<Budgets> = Object.freeze({
  maxEvents: 2_000_000,
  maxVirtualSeconds: 7 * 24 * 3600,
  maxWallMs: 60_000,
  maxOutputBytes: 64 * 1024 * 1024,
  maxMemoryMb: 8192,
});

const BUDGET_KEYS = Object.keys(DEFAULT_BUDGETS) as (keyof Budgets)[];

export function parseBudgets(value: unknown): Budgets {
  const budgets: Budgets = { ...DEFAULT_BUDGETS };
  if (value === undefined) return budgets;
  if (!isRecord(value)) fail('budgets must be an object');
  checkKeys(value, BUDGET_KEYS, 'budgets');
  for (const key of BUDGET_KEYS) {
    const limit = value[key];
    if (limit === undefined) continue;
    if (typeof limit !== 'number' || !Number.isFinite(limit) || limit <= 0) {
      fail(`budget ${key} must be a positive number`);
    }
    budgets[key] = Math.min(limit, BUDGET_CEILINGS[key]);
  }
  return budgets;
}

export function parseRunRequest(value: unknown): EngineRunRequest {
  if (!isRecord(value)) fail('a run request must be an object');
  checkKeys(value, ['code', 'filename', 'stdin', 'budgets', 'probe'], 'run request');
  const code = parseString(value.code, 'code', MAX_CODE_LENGTH);
  const filename = parseString(value.filename, 'filename', 260);
  if (filename.trim() === '' || CONTROL.test(filename)) fail('filename is not a file name');
  const request: EngineRunRequest = { code, filename, budgets: parseBudgets(value.budgets) };
  if (value.stdin !== undefined)
    request.stdin = parseString(value.stdin, 'stdin', MAX_STDIN_LENGTH);
  if (value.probe !== undefined) {
    if (typeof value.probe !== 'boolean') fail('probe must be a boolean');
    request.probe = value.probe;
  }
  return request;
}

const RUN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function parseRunId(value: unknown): string {
  if (typeof value !== 'string' || !RUN_ID.test(value)) fail('not a run id');
  return value;
}

export function parseLanguage(value: unknown): Language {
  if (value !== 'en' && value !== 'ru') fail('language must be "en" or "ru"');
  return value;
}

export function parseLessonId(value: unknown): string {
  const id = parseString(value, 'lesson id', 100);
  if (!LESSON_ID.test(id)) fail('not a lesson id');
  return id;
}

export function parseToken(value: unknown): string {
  const token = parseString(value, 'token', 100);
  if (token === '') fail('empty token');
  return token;
}

export function parseBoolean(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') fail(`${what} must be a boolean`);
  return value;
}

/** Paths of dropped files, as the preload read them from the File objects. */
export function parseDroppedPaths(value: unknown, isAbsolute: (path: string) => boolean): string[] {
  if (!Array.isArray(value)) fail('dropped paths must be an array');
  if (value.length > 100) fail('too many dropped files');
  return value.map((path) => {
    const checked = parseString(path, 'a dropped path', 4096);
    if (checked.includes('\0') || !isAbsolute(checked)) fail('a dropped path is not absolute');
    return checked;
  });
}

export interface SaveCodeRequest {
  code: string;
  fileName: string;
}

/** The code to save and a safe file name to suggest: a base name ending in `.py`. */
export function parseSaveCode(code: unknown, suggestedName: unknown): SaveCodeRequest {
  const text = parseString(code, 'code', MAX_CODE_LENGTH);
  const suggested = parseString(suggestedName, 'suggested name', 260);
  // Only a base name: the suggestion names a file, not where it goes.
  return { code: text, fileName: codeFileName(suggested) };
}

/** A draft to keep, or null to forget the one kept; its size and shape are checked. */
export function parseDraftRequest(value: unknown): Draft | null {
  if (value === null) return null;
  try {
    return parseDraft(value);
  } catch (error) {
    fail(error instanceof Error ? error.message : 'not a draft');
  }
}

/** An https link the user clicked; anything else is refused. */
export function parseExternalUrl(value: unknown): URL {
  const text = parseString(value, 'link', 2048);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    fail('not a URL');
  }
  if (url.protocol !== 'https:') fail('only https links open outside the app');
  if (url.username || url.password) fail('links with credentials are refused');
  if (url.hostname === '') fail('a link needs a host');
  return url;
}
