/**
 * Keeps the interpreter snapshot in the browser (IndexedDB), so that the web edition's engine
 * starts in a fraction of the time after the first visit, as the desktop app keeps it in its
 * user-data folder (src-main/engine-snapshot.ts).
 *
 * A snapshot is kept under the build it belongs to, and one of another build is never loaded
 * (Pyodide also refuses one of another Pyodide). It is taken only from a worker still
 * preparing its interpreter, before any program ran there (`EngineClient` refuses any other),
 * and one that does not load is replaced by a new one. It is kept as a Blob: reading one back
 * costs the page nothing (its 30 MB are read by the worker that gets it), where a typed array
 * of that size took the page over half a second to read.
 */

const DATABASE = 'loopscope-engine';
const STORE = 'snapshots';
const KEY = 'interpreter';
/** Larger than any snapshot Pyodide makes (about 30 MB); a larger one is refused. */
const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;

interface Stored {
  build: string;
  bytes: Blob;
}

export interface SnapshotStore {
  loadSnapshot(): Promise<Blob | null>;
  saveSnapshot(snapshot: Uint8Array): Promise<void>;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function open(): Promise<IDBDatabase> {
  const opening = indexedDB.open(DATABASE, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
  return request(opening);
}

function isStored(value: unknown): value is Stored {
  if (typeof value !== 'object' || value === null) return false;
  const { build, bytes } = value as Partial<Record<keyof Stored, unknown>>;
  return (
    typeof build === 'string' &&
    bytes instanceof Blob &&
    bytes.size > 0 &&
    bytes.size <= MAX_SNAPSHOT_BYTES
  );
}

/** The snapshot store of `build` (a name that changes with every build of the engine). */
export function createBrowserSnapshotStore(build: string): SnapshotStore {
  const withStore = async <T>(
    mode: IDBTransactionMode,
    use: (store: IDBObjectStore) => IDBRequest<T>,
  ): Promise<T> => {
    const db = await open();
    try {
      return await request(use(db.transaction(STORE, mode).objectStore(STORE)));
    } finally {
      db.close();
    }
  };
  return {
    async loadSnapshot() {
      // Storage may be disabled or full: the engine then prepares its interpreter.
      const stored: unknown = await withStore('readonly', (store) => store.get(KEY)).catch(
        () => null,
      );
      return isStored(stored) && stored.build === build ? stored.bytes : null;
    },
    async saveSnapshot(snapshot) {
      if (snapshot.length === 0 || snapshot.length > MAX_SNAPSHOT_BYTES) return;
      const stored: Stored = { build, bytes: new Blob([snapshot.slice()]) };
      // One entry: a new build's snapshot replaces the last one's.
      await withStore('readwrite', (store) => store.put(stored, KEY)).catch(() => {});
    },
  };
}
