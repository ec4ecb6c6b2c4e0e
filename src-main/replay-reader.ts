/**
 * Reading a replay or trace file from disk for the page, which checks and parses it
 * (src-shared/replay-file.ts). A file larger than a replay may be is not read: the page is
 * told its size and says so.
 */
import { basename } from 'node:path';
import type { OpenFailure, ReplayBytes } from '../src-shared/api.ts';
import { MAX_REPLAY_BYTES } from '../src-shared/replay-file.ts';
import { nodeLessonFileSystem, type LessonFileSystem } from './lesson-reader.ts';

export type ReadReplayResult =
  { ok: true; replay: ReplayBytes } | { ok: false; failure: OpenFailure };

export async function readReplayBytes(
  path: string,
  fs: LessonFileSystem = nodeLessonFileSystem,
): Promise<ReadReplayResult> {
  const name = basename(path);
  try {
    const info = await fs.stat(path);
    if (!info.isFile()) return { ok: false, failure: { name, reason: 'unsupported' } };
    if (info.size > MAX_REPLAY_BYTES) {
      return { ok: true, replay: { name, size: info.size, bytes: new Uint8Array() } };
    }
    // One byte more than the limit: a file that grew since `stat` is still caught.
    const bytes = await fs.readHead(path, MAX_REPLAY_BYTES + 1);
    return { ok: true, replay: { name, size: bytes.byteLength, bytes } };
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : '';
    const missing = code === 'ENOENT' || code === 'ENOTDIR';
    return { ok: false, failure: { name, reason: missing ? 'not-found' : 'unreadable' } };
  }
}
