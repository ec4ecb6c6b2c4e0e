/**
 * The engine in a browser context: a Web Worker with Pyodide. Used by the web edition's host
 * and by the Electron app's hidden, sandboxed engine page.
 */
import { EngineClient } from '../core/engine-client.ts';
import type { WorkerPort } from '../core/protocol.ts';

export interface WebEngineOptions {
  /** The folder holding Pyodide's files (pyodide.asm.wasm, python_stdlib.zip, ...). */
  pyodideUrl: URL;
  /** A snapshot kept from an earlier start, and where to keep a new one. */
  loadSnapshot?: () => Promise<Uint8Array | null>;
  saveSnapshot?: (snapshot: Uint8Array) => Promise<void>;
}

export function createWebEngine(options: WebEngineOptions): EngineClient {
  return new EngineClient({
    indexURL: options.pyodideUrl.href,
    ...(options.loadSnapshot ? { loadSnapshot: options.loadSnapshot } : {}),
    ...(options.saveSnapshot ? { saveSnapshot: options.saveSnapshot } : {}),
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
