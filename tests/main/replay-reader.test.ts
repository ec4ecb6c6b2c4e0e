import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readReplayBytes } from '../../src-main/replay-reader.ts';
import { nodeLessonFileSystem } from '../../src-main/lesson-reader.ts';
import { MAX_REPLAY_BYTES } from '../../src-shared/replay-file.ts';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'loopscope-replay-reader-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('reading a replay file for the page', () => {
  it('reads the bytes of a file, and says what is missing or not a file', async () => {
    await writeFile(join(folder, 'run.jsonl'), '{"seq":0}\n');
    const read = await readReplayBytes(join(folder, 'run.jsonl'));
    expect(read.ok && new TextDecoder().decode(read.replay.bytes)).toBe('{"seq":0}\n');
    expect(await readReplayBytes(join(folder, 'gone.json'))).toEqual({
      ok: false,
      failure: { name: 'gone.json', reason: 'not-found' },
    });
    expect(await readReplayBytes(folder)).toMatchObject({
      ok: false,
      failure: { reason: 'unsupported' },
    });
  });

  it('does not read a file larger than a replay may be, and gives its size', async () => {
    let read = false;
    const result = await readReplayBytes('/big.loopscope.json', {
      ...nodeLessonFileSystem,
      stat: async () => ({
        size: MAX_REPLAY_BYTES + 1,
        isFile: () => true,
        isDirectory: () => false,
      }),
      readHead: async () => {
        read = true;
        return new Uint8Array();
      },
    });
    expect(result).toEqual({
      ok: true,
      replay: { name: 'big.loopscope.json', size: MAX_REPLAY_BYTES + 1, bytes: new Uint8Array() },
    });
    expect(read).toBe(false);
  });
});
