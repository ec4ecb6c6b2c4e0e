import { readFile, stat } from 'node:fs/promises';

export type ReadFailure =
  'notFound' | 'isDirectory' | 'binary' | 'notUtf8' | 'tooLarge' | 'unreadable';

export type ReadResult =
  { ok: true; text: string } | { ok: false; reason: ReadFailure; offset?: number; detail?: string };

/** Reads a UTF-8 text file, saying clearly why when it is not one. */
export async function readTextFile(path: string, limitMb: number): Promise<ReadResult> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { ok: false, reason: 'isDirectory' };
    if (info.size > limitMb * 1024 * 1024) return { ok: false, reason: 'tooLarge' };
    const bytes = await readFile(path);
    const nul = bytes.indexOf(0);
    if (nul !== -1) return { ok: false, reason: 'binary', offset: nul };
    try {
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
      return { ok: true, text };
    } catch {
      return { ok: false, reason: 'notUtf8', offset: firstInvalidUtf8(bytes) };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, reason: 'notFound' };
    return { ok: false, reason: 'unreadable', detail: (error as Error).message };
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let low = 0;
  let high = bytes.length;
  // The longest valid prefix, by bisection (a cut inside a character also fails).
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    try {
      decoder.decode(bytes.subarray(0, mid));
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}
