/**
 * The engine in Node: a worker thread with a Pyodide interpreter, for the CLI and the tests.
 * The prepared interpreter's memory snapshot is kept on disk, so that a new process starts
 * in a fraction of the time a first start takes.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RunRequest, TraceEvent } from '../../src-shared/trace.ts';
import { collectOutput, type ProgramOutput } from '../../src-shared/trace-output.ts';
import { EngineClient, type RunHandle } from '../core/engine-client.ts';
import type { WorkerPort } from '../core/protocol.ts';

export interface ProgramResult extends ProgramOutput {
  events: TraceEvent[];
}

/**
 * The built worker script; `npm run build` (and the test setup) makes it. This module runs
 * from its source (tests) or bundled into dist/cli (the command line).
 */
export const NODE_WORKER_URL = new URL(
  import.meta.url.includes('/dist/')
    ? '../engine/node-worker.mjs'
    : '../../dist/engine/node-worker.mjs',
  import.meta.url,
);

export interface NodeEngineOptions {
  /** Where to keep the interpreter snapshot; null keeps none. Default: the user's cache. */
  cacheDir?: string | null;
  workerUrl?: URL;
}

function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return process.env.LOOPSCOPE_CACHE_DIR || join(base, 'loopscope');
}

function spawnNodeWorker(url: URL): WorkerPort {
  const worker = new Worker(fileURLToPath(url));
  // The worker must not keep the CLI alive once the work is done.
  worker.unref();
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    onError: (listener) => {
      worker.on('error', (error) => listener(String(error)));
      worker.on('exit', (code) => listener(`The engine's worker exited (code ${code}).`));
    },
    terminate: () => void worker.terminate(),
  };
}

/** One engine: a worker thread with a Pyodide interpreter; runs one program at a time. */
export class NodeEngine {
  private readonly client: EngineClient;

  constructor(options: NodeEngineOptions = {}) {
    const workerUrl = options.workerUrl ?? NODE_WORKER_URL;
    const cacheDir = options.cacheDir === undefined ? defaultCacheDir() : options.cacheDir;
    const snapshotFile = cacheDir ? join(cacheDir, `snapshot-${snapshotKey(workerUrl)}.bin`) : null;
    this.client = new EngineClient({
      spawn: () => spawnNodeWorker(workerUrl),
      // Pyodide guesses its folder from a stack trace, which source maps can mislead: say it.
      indexURL: fileURLToPath(new URL('.', import.meta.resolve('pyodide'))),
      // Compiled once here, the WebAssembly goes to every worker (one per run).
      compileWasm: async () =>
        WebAssembly.compile(
          await readFile(new URL('pyodide.asm.wasm', import.meta.resolve('pyodide'))),
        ),
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

  /** Resolves once the interpreter is ready. */
  ready(): Promise<void> {
    return this.client.ready();
  }

  /** Milliseconds the last start took. */
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
    return Promise.resolve();
  }
}

/** Changes whenever the engine or Pyodide changes, so that a stale snapshot is never used. */
function snapshotKey(workerUrl: URL): string {
  const hash = createHash('sha256');
  hash.update(readFileSync(workerUrl));
  const pyodideDir = new URL('.', import.meta.resolve('pyodide'));
  hash.update(readFileSync(new URL('package.json', pyodideDir)));
  return hash.digest('hex').slice(0, 16);
}
