// The engine's Web Worker (used by the app and the web edition). It runs in a sandboxed
// context under a CSP without 'unsafe-eval'; the host gives it Pyodide's folder.
import { loadPyodide } from 'pyodide';
import type { HostMessage, WorkerMessage } from '../core/protocol.ts';
import { startEngineWorker } from '../core/worker-main.ts';

const scope = self as unknown as {
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<HostMessage>) => void): void;
};

startEngineWorker(
  {
    post: (message, transfer) => scope.postMessage(message, transfer ?? []),
    onMessage: (listener) => scope.addEventListener('message', (event) => listener(event.data)),
  },
  loadPyodide,
);
