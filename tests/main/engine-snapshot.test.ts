import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  createSnapshotStore,
  MAX_SNAPSHOT_BYTES,
  snapshotKey,
} from '../../src-main/engine-snapshot.ts';

const temporary = () => mkdtempSync(join(tmpdir(), 'loopscope-snapshot-'));

describe('the engine snapshot store', () => {
  test('gives back the snapshot it kept', async () => {
    const store = createSnapshotStore(temporary(), 'abc');
    expect(await store.load()).toBeNull();
    await store.save(new Uint8Array([1, 2, 3]));
    expect(await store.load()).toEqual(new Uint8Array([1, 2, 3]));
  });

  test('a new build drops the snapshots of earlier builds', async () => {
    const dir = temporary();
    await createSnapshotStore(dir, 'old').save(new Uint8Array([1]));
    await createSnapshotStore(dir, 'new').save(new Uint8Array([2]));
    expect(readdirSync(dir)).toEqual(['snapshot-new.bin']);
    expect(await createSnapshotStore(dir, 'old').load()).toBeNull();
  });

  test('refuses what is not a snapshot', async () => {
    const dir = temporary();
    const store = createSnapshotStore(dir, 'k');
    await store.save(new Uint8Array(0));
    await store.save('not bytes' as unknown as Uint8Array);
    expect(readdirSync(dir)).toEqual([]);
    expect(MAX_SNAPSHOT_BYTES).toBeGreaterThan(64 * 1024 * 1024);
    // An empty file (a crash while it was first written) is no snapshot either.
    writeFileSync(join(dir, 'snapshot-k.bin'), '');
    expect(await store.load()).toBeNull();
  });

  test("the key changes when the engine's assets change", async () => {
    const root = temporary();
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'worker-aaaa.js'), '');
    const before = await snapshotKey(root);
    writeFileSync(join(root, 'assets', 'worker-bbbb.js'), '');
    expect(await snapshotKey(root)).not.toBe(before);
  });
});
