import { readFile, stat } from 'node:fs/promises';
import { decodeText } from '../../src-shared/lesson/decode.ts';

export type ReadFailure =
  'notFound' | 'isDirectory' | 'binary' | 'notUtf8' | 'tooLarge' | 'unreadable';

export type ReadResult =
  { ok: true; text: string } | { ok: false; reason: ReadFailure; line?: number; detail?: string };

/** Reads a program's source: UTF-8 text of at most `limitMb` megabytes (it may be empty). */
export async function readTextFile(path: string, limitMb: number): Promise<ReadResult> {
  const maxBytes = limitMb * 1024 * 1024;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, reason: 'isDirectory' };
    if (info.size > maxBytes) return { ok: false, reason: 'tooLarge' };
    const decoded = decodeText(await readFile(path), { maxBytes, allowEmpty: true });
    if (decoded.ok) return decoded;
    switch (decoded.reason) {
      case 'binary':
        return { ok: false, reason: 'binary' };
      case 'too-large':
        return { ok: false, reason: 'tooLarge' };
      default:
        return { ok: false, reason: 'notUtf8', line: decoded.line ?? 1 };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'notFound' };
    return { ok: false, reason: 'unreadable', detail: (error as Error).message };
  }
}
