/**
 * Reading one lesson file from disk: only Markdown and Python files, no larger than a lesson
 * can be, UTF-8 text and not binary. A Python file becomes a lesson with one scenario.
 */
import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { OpenFailure } from '../src-shared/api.ts';
import { decodeLesson, MAX_LESSON_BYTES } from '../src-shared/lesson/decode.ts';
import { pythonAsLesson } from '../src-shared/lesson/python-lesson.ts';

export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'] as const;
export const PYTHON_EXTENSIONS = ['.py'] as const;
export const LESSON_EXTENSIONS: readonly string[] = [...MARKDOWN_EXTENSIONS, ...PYTHON_EXTENSIONS];

export type ReadLessonResult =
  { ok: true; name: string; text: string } | { ok: false; failure: OpenFailure };

export interface LessonFileSystem {
  /** Size and kind of a path, following links; rejects with ENOENT when there is none. */
  stat(path: string): Promise<{ size: number; isFile(): boolean; isDirectory(): boolean }>;
  /** At most `limit` bytes from the start of the file. */
  readHead(path: string, limit: number): Promise<Uint8Array>;
}

export const nodeLessonFileSystem: LessonFileSystem = {
  stat: (path) => stat(path),
  async readHead(path, limit) {
    const handle = await open(path, 'r');
    try {
      const buffer = new Uint8Array(limit);
      let length = 0;
      while (length < limit) {
        const { bytesRead } = await handle.read(buffer, length, limit - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      return buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  },
};

export function isLessonFileName(name: string): boolean {
  return LESSON_EXTENSIONS.includes(extname(name).toLowerCase());
}

export function isPythonFileName(name: string): boolean {
  return (PYTHON_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : undefined;
}

export async function readLessonFile(
  path: string,
  fs: LessonFileSystem = nodeLessonFileSystem,
): Promise<ReadLessonResult> {
  const name = basename(path);
  const fail = (reason: OpenFailure['reason']): ReadLessonResult => ({
    ok: false,
    failure: { name, reason },
  });
  if (!isLessonFileName(name)) return fail('unsupported');
  let bytes: Uint8Array;
  try {
    const info = await fs.stat(path);
    if (!info.isFile()) return fail('unsupported');
    if (info.size > MAX_LESSON_BYTES) return fail('too-large');
    // One byte more than the limit: a file that grew since `stat` is still caught.
    bytes = await fs.readHead(path, MAX_LESSON_BYTES + 1);
  } catch (error) {
    const code = errorCode(error);
    return fail(code === 'ENOENT' || code === 'ENOTDIR' ? 'not-found' : 'unreadable');
  }
  const decoded = decodeLesson(bytes);
  let text: string;
  if (decoded.ok) text = decoded.text;
  else if (decoded.reason === 'empty') text = '';
  else return fail(decoded.reason);
  return { ok: true, name, text: isPythonFileName(name) ? pythonAsLesson(text) : text };
}
