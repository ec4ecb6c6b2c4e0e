/**
 * The engine in Node, for the command line and the tests: every run in a confined child
 * process of its own (`child-port.ts`), the next one prepared in the background while the
 * current one runs. This process (the parent) reads the interpreter's snapshot from the cache
 * and keeps a new one there; the children read nothing but the engine's and Pyodide's files.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunRequest, TraceEvent } from '../../src-shared/trace.ts';
import { collectOutput, type ProgramOutput } from '../../src-shared/trace-output.ts';
import { EngineClient, type RunHandle } from '../core/engine-client.ts';
import { spawnConfinedChild, type ChildPaths } from './child-port.ts';
import { canConfine } from './confinement.ts';

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
  /** Where to keep the interpreter snapshot; null keeps none. Default: the user's cache. */
  cacheDir?: string | null;
  /** A built engine folder other than the default one. */
  engineDir?: string;
}

function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return process.env.LOOPSCOPE_CACHE_DIR || join(base, 'loopscope');
}

/** One engine: runs one program at a time, each in a fresh confined child process. */
export class NodeEngine {
  private readonly client: EngineClient;
  /** Holds the children's stop flags; removed on close. */
  private readonly flagsDir: string;

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
    let children = 0;
    this.client = new EngineClient({
      spawn: () => spawnConfinedChild(paths, join(this.flagsDir, `stop-${children++}`)),
      // The engine client gives every run a child of its own: nothing a program leaves
      // behind (timers, patched globals, the realm itself) reaches the next run. Each child
      // compiles Pyodide's WebAssembly itself (a compiled module does not cross processes),
      // and gets the snapshot as bytes.
      loadSnapshot: async () => {
        const saved = snapshotFile ? await readFile(snapshotFile).catch(() => null) : null;
        return saved && saved.length > 0 ? new Uint8Array(saved) : null;
      },
      saveSnapshot: async (snapshot) => {
        if (!snapshotFile || !cacheDir) return;
        await mkdir(cacheDir, { recursive: true });
        const partial = `${snapshotFile}.${process.pid}.tmp`;
        await writeFile(partial, snapshot);
        await rename(partial, snapshotFile);
      },
    });
  }

  /** Resolves once a child's interpreter is ready. */
  ready(): Promise<void> {
    return this.client.ready();
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

  close(): Promise<void> {
    this.client.close();
    try {
      rmSync(this.flagsDir, { recursive: true, force: true });
    } catch {
      // Windows keeps a file a dying child still holds; the folder is the system's to clean.
    }
    return Promise.resolve();
  }
}

/** Changes whenever the engine or Pyodide changes, so that a stale snapshot is never used. */
function snapshotKey(realmScript: string, pyodideDir: string): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(realmScript));
  hash.update(readFileSync(join(pyodideDir, 'package.json')));
  return hash.digest('hex').slice(0, 16);
}
