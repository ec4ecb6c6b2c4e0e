/**
 * The engine in a browser context, and everything a browser host needs of it: used by the
 * web edition's host (src-web/, which imports the engine only through this module) and by
 * the Electron app's hidden, sandboxed engine page. Each run gets its own Web Worker.
 */
import { EngineClient, type EngineClientOptions } from '../core/engine-client.ts';
import type { WorkerPort } from '../core/protocol.ts';
import { createBrowserSnapshotStore } from './snapshot-store.ts';

export type { EngineClient, RunHandle } from '../core/engine-client.ts';
export { createBrowserSnapshotStore } from './snapshot-store.ts';

/**
 * Names this build of the engine, for keeping its snapshot: the bundler names this module's
 * chunk by a hash of its content, which holds the worker's name, itself a hash of the
 * worker (the engine's Python and Pyodide's JavaScript included).
 */
export const ENGINE_BUILD = import.meta.url;

export interface WebEngineOptions extends Pick<
  EngineClientOptions,
  'loadSnapshot' | 'saveSnapshot' | 'restarts'
> {
  /** The folder holding Pyodide's files (pyodide.asm.wasm, python_stdlib.zip, ...). */
  pyodideUrl: URL;
}

export function createWebEngine(options: WebEngineOptions): EngineClient {
  return new EngineClient({
    indexURL: options.pyodideUrl.href,
    ...(options.loadSnapshot ? { loadSnapshot: options.loadSnapshot } : {}),
    ...(options.saveSnapshot ? { saveSnapshot: options.saveSnapshot } : {}),
    ...(options.restarts ? { restarts: options.restarts } : {}),
    // Compiled once in the page (the browser caches the compiled code between visits), the
    // WebAssembly goes to every worker, so that a worker for one run starts fast.
    snapshotAsBlob: true,
    compileWasm: () =>
      WebAssembly.compileStreaming(fetch(new URL('pyodide.asm.wasm', options.pyodideUrl))),
    spawn: (): WorkerPort => {
      // Written out in full so that Vite finds and bundles the worker.
      const worker = new Worker(new URL('./worker.ts', import.meta.url), {
        type: 'module',
        name: 'loopscope-engine',
      });
      return {
        post: (message, transfer) => worker.postMessage(message, transfer ?? []),
        onMessage: (listener) =>
          worker.addEventListener('message', (event) => listener(event.data)),
        onError: (listener) =>
          worker.addEventListener('error', (event) => listener(event.message || 'worker error')),
        terminate: () => worker.terminate(),
      };
    },
  });
}

/** The web edition's engine: its snapshot kept in the browser under this build. */
export function createBrowserEngine(pyodideUrl: URL): EngineClient {
  return createWebEngine({ pyodideUrl, ...createBrowserSnapshotStore(ENGINE_BUILD) });
}
