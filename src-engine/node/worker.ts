// The engine's Node worker thread (used by the CLI and the tests).
import { parentPort } from 'node:worker_threads';
import { loadPyodide } from 'pyodide';
import type { HostMessage } from '../core/protocol.ts';
import { startEngineWorker } from '../core/worker-main.ts';

const port = parentPort;
if (!port) throw new Error('The engine worker must run in a worker thread.');

startEngineWorker(
  {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (message: HostMessage) => listener(message)),
  },
  loadPyodide,
);
