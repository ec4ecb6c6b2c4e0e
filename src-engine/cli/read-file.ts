/**
 * How the command line reads the files it is given (a program, a lesson): only regular files,
 * and at most the size limit plus one byte, so that a named pipe, a device (`/dev/zero`), a
 * socket, or a link to one of them, is refused at once instead of hanging or filling memory.
 */
import { constants } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { Language } from '../../src-shared/api.ts';
import { lessonsCatalog, type LessonsMessageKey } from '../../src-shared/i18n/catalog-lessons.ts';
import { createTranslator } from '../../src-shared/i18n/translate.ts';
import { decodeText } from '../../src-shared/lesson/decode.ts';

export type FileFailure = 'notFound' | 'isDirectory' | 'notRegular' | 'tooLarge' | 'unreadable';

export type FileResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: FileFailure; detail?: string; code?: string; size?: number };

/** `O_NONBLOCK` lets the opening of a named pipe return at once (POSIX; Windows has none). */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** Reads a regular file of at most `maxBytes` bytes, following links, refusing anything else. */
export async function readRegularFile(path: string, maxBytes: number): Promise<FileResult> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    if (isErrorCode(error, 'ENOENT') || isErrorCode(error, 'ENOTDIR')) {
      return { ok: false, reason: 'notFound' };
    }
    // Windows does not open folders as files; a socket cannot be opened as one.
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory() || isErrorCode(error, 'EISDIR')) {
      return { ok: false, reason: 'isDirectory' };
    }
    if (isErrorCode(error, 'ENXIO')) return { ok: false, reason: 'notRegular' };
    return { ok: false, reason: 'unreadable', detail: errorMessage(error), code: errorCode(error) };
  }
  try {
    // The opened file itself is looked at, so that it cannot be swapped after the check.
    const info = await handle.stat();
    if (info.isDirectory()) return { ok: false, reason: 'isDirectory' };
    if (!info.isFile()) return { ok: false, reason: 'notRegular' };
    if (info.size > maxBytes) return { ok: false, reason: 'tooLarge', size: info.size };
    // A file that grows while it is read is read only up to one byte past the limit.
    const buffer = Buffer.allocUnsafe(maxBytes + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) return { ok: false, reason: 'tooLarge', size: length };
    }
    return { ok: true, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, length) };
  } catch (error) {
    return { ok: false, reason: 'unreadable', detail: errorMessage(error), code: errorCode(error) };
  } finally {
    await handle.close();
  }
}

export type ReadFailure = FileFailure | 'binary' | 'notUtf8';

export type ReadResult =
  { ok: true; text: string } | { ok: false; reason: ReadFailure; line?: number; detail?: string };

/** Reads a program's source: UTF-8 text of at most `limitMb` megabytes (it may be empty). */
export async function readTextFile(path: string, limitMb: number): Promise<ReadResult> {
  const maxBytes = limitMb * 1024 * 1024;
  const file = await readRegularFile(path, maxBytes);
  if (!file.ok) return file;
  const decoded = decodeText(file.bytes, { maxBytes, allowEmpty: true });
  if (decoded.ok) return decoded;
  switch (decoded.reason) {
    case 'binary':
      return { ok: false, reason: 'binary' };
    case 'too-large':
      return { ok: false, reason: 'tooLarge' };
    default:
      return { ok: false, reason: 'notUtf8', line: decoded.line ?? 1 };
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
}

/** The system's errors a file or folder can meet, said in the user's language. */
const FILE_ERRORS = new Set([
  'EACCES',
  'EPERM',
  'ELOOP',
  'ENAMETOOLONG',
  'EMFILE',
  'ENFILE',
  'EIO',
]);

/**
 * Why a file or folder could not be read, in `language` for the errors people meet (no
 * permission, a loop of links…), else as the system says it.
 */
export function describeFileError(
  failure: { detail?: string; code?: string } | unknown,
  language: Language,
): string {
  const known =
    failure instanceof Error
      ? { detail: failure.message, code: errorCode(failure) }
      : (failure as { detail?: string; code?: string });
  const { code, detail } = known ?? {};
  if (code && FILE_ERRORS.has(code)) {
    return createTranslator(lessonsCatalog, language)(`fs.${code}` as LessonsMessageKey);
  }
  return detail ?? errorMessage(failure);
}

export function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
