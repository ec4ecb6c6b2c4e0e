/**
 * The engine in Node, for the command line and the tests: every run in a confined child
 * process of its own (`child-port.ts`), the next one prepared in the background while the
 * current one runs. This process (the parent) reads the interpreter's snapshot from the cache
 * and keeps a new one there; the children read nothing but the engine's and Pyodide's files,
 * and the snapshot through a descriptor the parent opened for them.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunRequest, TraceEvent } from '../../src-shared/trace.ts';
import { collectOutput, type ProgramOutput } from '../../src-shared/trace-output.ts';
import { EngineClient, type RunHandle } from '../core/engine-client.ts';
import {
  spawnConfinedChild,
  type ChildPaths,
  type Compilation,
  type SnapshotFile,
} from './child-port.ts';
import { canConfine } from './confinement.ts';
import { readExactly } from './realm-host.ts';

export interface ProgramResult extends ProgramOutput {
  events: TraceEvent[];
}

/**
 * The built engine's folder; `npm run build` (and the test setup) fills it. This module runs
 * from its source (tests) or bundled into dist/cli (the command line).
 */
export const NODE_ENGINE_DIR = fileURLToPath(
  new URL(
    import.meta.url.includes('/dist/') ? '../engine/' : '../../dist/engine/',
    import.meta.url,
  ),
);

/** The child's entry and the realm script, in a built engine folder. */
export function engineFiles(dir: string): Omit<ChildPaths, 'pyodideDir'> {
  return { childScript: join(dir, 'node-child.mjs'), realmScript: join(dir, 'node-realm.js') };
}

export interface NodeEngineOptions {
  /** How each child compiles Pyodide (child-port.ts); `baseline` for many short runs. */
  compilation?: Compilation;
  /** Where to keep the interpreter snapshot; null keeps none. Default: the user's cache. */
  cacheDir?: string | null;
  /** A built engine folder other than the default one. */
  engineDir?: string;
  /** Prepare the next run's child while a run runs; false for one run (engine-client.ts). */
  prepareNext?: boolean;
}

function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return process.env.LOOPSCOPE_CACHE_DIR || join(base, 'loopscope');
}

/** Snapshots kept in the cache: this version's, and a few others' (a second install, a test build). */
const SNAPSHOTS_KEPT = 3;
/** A partly written snapshot older than this was left by a process that ended first. */
const PARTIAL_SNAPSHOT_MS = 60 * 60 * 1000;

/**
 * Each version of the engine makes a 30 MB snapshot of its own: the cache keeps the newest
 * `SNAPSHOTS_KEPT` and removes the rest, and the partial files of writers long gone. A file
 * another process still reads stays readable where the system allows removing it (Linux,
 * macOS); where it does not (Windows), it is left for a later turn.
 */
export async function pruneSnapshotCache(cacheDir: string, now = Date.now()): Promise<void> {
  const names = (await readdir(cacheDir)).filter((name) => name.startsWith('snapshot-'));
  const files = await Promise.all(
    names.map(async (name) => {
      const path = join(cacheDir, name);
      const modified = await stat(path).then(
        (info) => info.mtimeMs,
        () => null,
      );
      return { name, path, modified };
    }),
  );
  const snapshots = files
    .filter((file) => file.name.endsWith('.bin') && file.modified !== null)
    .sort((a, b) => (b.modified ?? 0) - (a.modified ?? 0));
  const stale = [
    ...snapshots.slice(SNAPSHOTS_KEPT),
    ...files.filter(
      (file) =>
        file.name.endsWith('.tmp') &&
        file.modified !== null &&
        now - file.modified > PARTIAL_SNAPSHOT_MS,
    ),
  ];
  await Promise.all(stale.map((file) => rm(file.path, { force: true }).catch(() => {})));
}

/** One engine: runs one program at a time, each in a fresh confined child process. */
export class NodeEngine {
  private readonly client: EngineClient;
  /** Holds the children's stop flags and the snapshot made here; removed on close. */
  private readonly flagsDir: string;
  /** The snapshot the children read from their own descriptor of this file. */
  private snapshot: SnapshotFile | null = null;
  /** Writing a new snapshot into the cache; `close` waits for it, so that it is kept. */
  private saving: Promise<void> = Promise.resolve();

  constructor(options: NodeEngineOptions = {}) {
    if (!canConfine()) {
      throw new Error(
        `Node.js ${process.versions.node} cannot confine the engine's process: Loopscope runs programs only in a confined process (Node.js 20.19 or later).`,
      );
    }
    const paths: ChildPaths = {
      ...engineFiles(options.engineDir ?? NODE_ENGINE_DIR),
      // Pyodide guesses its folder from a stack trace, which source maps can mislead: say it.
      pyodideDir: dirname(fileURLToPath(import.meta.resolve('pyodide'))),
    };
    const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
    const snapshotFile = cacheDir
      ? join(cacheDir, `snapshot-${snapshotKey(paths.realmScript, paths.pyodideDir)}.bin`)
      : null;
    this.flagsDir = mkdtempSync(join(tmpdir(), 'loopscope-'));
    // Opened now, so that the first child already inherits it; read when the client asks.
    this.snapshot = snapshotFile ? openSnapshot(snapshotFile) : null;
    let children = 0;
    this.client = new EngineClient({
      prepareNext: options.prepareNext,
      spawn: () =>
        spawnConfinedChild(
          paths,
          join(this.flagsDir, `stop-${children++}`),
          this.snapshot,
          options.compilation,
        ),
      // The engine client gives every run a child of its own: nothing a program leaves
      // behind (timers, patched globals, the realm itself) reaches the next run. Each child
      // compiles Pyodide's WebAssembly itself (a compiled module does not cross processes),
      // and reads the snapshot from the file this engine holds open: the bytes read here
      // from that same descriptor are the ones the client hands each child.
      loadSnapshot: () => Promise.resolve(this.readSnapshot()),
      saveSnapshot: (snapshot) => {
        this.keepSnapshot(snapshot, join(this.flagsDir, `snapshot-${children}.bin`));
        if (!snapshotFile || !cacheDir) return Promise.resolve();
        const partial = `${snapshotFile}.${process.pid}.tmp`;
        const saved = mkdir(cacheDir, { recursive: true })
          .then(() => writeFile(partial, snapshot))
          .then(() => rename(partial, snapshotFile))
          .then(() => pruneSnapshotCache(cacheDir));
        this.saving = saved.catch(() => {});
        return saved;
      },
    });
  }

  /** The saved snapshot's bytes, read from the descriptor the children inherit; null if none. */
  private readSnapshot(): Uint8Array | null {
    const kept = this.snapshot;
    if (!kept) return null;
    try {
      const bytes = new Uint8Array(fstatSync(kept.fd).size);
      if (bytes.length === 0 || !readExactly(kept.fd, bytes)) return null;
      kept.bytes = bytes;
      return bytes;
    } catch {
      return null;
    }
  }

  /** Keeps a snapshot made by a child in a file of this engine's own, for the next children. */
  private keepSnapshot(bytes: Uint8Array, file: string): void {
    try {
      writeFileSync(file, bytes, { mode: 0o600 });
      const kept = { fd: openSync(file, 'r'), bytes };
      this.closeSnapshot();
      this.snapshot = kept;
    } catch {
      // The children get it over their channel instead.
    }
  }

  private closeSnapshot(): void {
    if (this.snapshot) closeSync(this.snapshot.fd);
    this.snapshot = null;
  }

  /** Resolves once a child's interpreter is ready. */
  ready(): Promise<void> {
    return this.client.ready();
  }

  /** The Python version of the engine's interpreter, once one was ready; '' before. */
  get python(): string {
    return this.client.status.python ?? '';
  }

  /** Milliseconds the last start took, from starting a child to its interpreter ready. */
  get startMs(): number {
    return this.client.lastStartMs;
  }

  /** Streams a run's events to `onEvents` as they come. */
  stream(request: RunRequest, onEvents: (events: TraceEvent[]) => void): RunHandle {
    return this.client.run(request, onEvents);
  }

  async run(request: RunRequest): Promise<ProgramResult> {
    const events: TraceEvent[] = [];
    await this.client.run(request, (batch) => {
      for (const event of batch) events.push(event);
    }).finished;
    return { ...collectOutput(events), events };
  }

  /** Ends the engine's children; resolves once a snapshot being saved is in the cache. */
  async close(): Promise<void> {
    this.client.close();
    this.closeSnapshot();
    try {
      rmSync(this.flagsDir, { recursive: true, force: true });
    } catch {
      // Windows keeps a file a dying child still holds; the folder is the system's to clean.
    }
    await this.saving;
  }
}

function openSnapshot(file: string): SnapshotFile | null {
  try {
    return { fd: openSync(file, 'r'), bytes: null };
  } catch {
    return null;
  }
}

/** Changes whenever the engine or Pyodide changes, so that a stale snapshot is never used. */
function snapshotKey(realmScript: string, pyodideDir: string): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(realmScript));
  hash.update(readFileSync(join(pyodideDir, 'package.json')));
  return hash.digest('hex').slice(0, 16);
}
