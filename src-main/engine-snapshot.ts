/**
 * Keeps the engine's interpreter snapshot in the user-data folder, so that the app's engine
 * starts in a fraction of a second after its first launch (the first prepares the interpreter
 * and takes the snapshot, about 2.5 s).
 *
 * The key names the engine's build: the renderer's assets carry content hashes in their
 * names, so a new engine (or Pyodide) gives a new key, and a stale snapshot is never loaded.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';

/** Larger than any snapshot Pyodide makes (about 30 MB); a larger one is refused. */
export const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;

export interface SnapshotStore {
  load(): Promise<Uint8Array | null>;
  save(snapshot: Uint8Array): Promise<void>;
}

/** The key of the built engine served from `root` (dist/renderer). */
export async function snapshotKey(root: string): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(join(root, 'assets')).catch(() => [])).sort()) {
    hash.update(name).update('\0');
  }
  hash.update(await readFile(join(root, 'pyodide', 'pyodide-lock.json')).catch(() => ''));
  return hash.digest('hex').slice(0, 16);
}

export function createSnapshotStore(dir: string, key: string): SnapshotStore {
  const file = join(dir, `snapshot-${key}.bin`);
  return {
    async load() {
      const bytes = await readFile(file).catch(() => null);
      return bytes && bytes.length > 0 && bytes.length <= MAX_SNAPSHOT_BYTES
        ? new Uint8Array(bytes)
        : null;
    },
    async save(snapshot) {
      if (!(snapshot instanceof Uint8Array) || snapshot.length === 0) return;
      if (snapshot.length > MAX_SNAPSHOT_BYTES) return;
      await mkdir(dir, { recursive: true });
      // Snapshots of earlier builds are of no more use.
      for (const name of await readdir(dir)) {
        if (/^snapshot-.*\.bin$/.test(name) && name !== `snapshot-${key}.bin`) {
          await rm(join(dir, name), { force: true });
        }
      }
      await writeFileAtomic(file, snapshot);
    },
  };
}
