/**
 * The interpreter snapshots the command line keeps in the user's cache: each engine version
 * makes one of 30 MB, so the cache keeps the newest few and the partial files of writers that
 * are gone are removed, not left to fill the disk.
 */
import { mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { pruneSnapshotCache } from '../../src-engine/node/engine.ts';

test('the cache keeps the three newest snapshots and the partial files still being written', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'loopscope-cache-'));
  const now = Date.now();
  const file = (name: string, minutesAgo: number) => {
    const path = join(dir, name);
    writeFileSync(path, name);
    const when = (now - minutesAgo * 60_000) / 1000;
    utimesSync(path, when, when);
  };
  ['a', 'b', 'c', 'd', 'e', 'f'].forEach((key, i) => file(`snapshot-${key}.bin`, i * 600));
  file('snapshot-a.bin.41.tmp', 5); // being written now
  file('snapshot-q.bin.42.tmp', 180); // its writer ended three hours ago
  file('notes.txt', 10_000); // not the cache's
  await pruneSnapshotCache(dir, now);
  expect(readdirSync(dir).sort()).toEqual([
    'notes.txt',
    'snapshot-a.bin',
    'snapshot-a.bin.41.tmp',
    'snapshot-b.bin',
    'snapshot-c.bin',
  ]);
});
