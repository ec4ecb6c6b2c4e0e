/**
 * The engine's worker: prepares one clean interpreter, reports it ready, serves one run
 * (events streamed to the host as they are recorded), and is then ended by its host. Shared
 * by the Web Worker and the command line's confined child (in its `node:vm` realm).
 */
import type { loadPyodide as LoadPyodide } from 'pyodide';
import type { HostMessage, WorkerMessage } from './protocol.ts';
import { prepareInterpreter, type Interpreter } from './interpreter.ts';

export interface WorkerScope {
  post(message: WorkerMessage, transfer?: Transferable[]): void;
  onMessage(listener: (message: HostMessage) => void): void;
}

export function startEngineWorker(scope: WorkerScope, loadPyodide: typeof LoadPyodide): void {
  let interpreter: Promise<Interpreter> | null = null;

  scope.onMessage((message) => {
    switch (message.type) {
      case 'init': {
        if (interpreter) return;
        const started = performance.now();
        scope.post({ type: 'loading', progress: 0 });
        interpreter = prepareInterpreter(
          { loadPyodide, indexURL: message.indexURL, wasm: message.wasm },
          message.snapshot,
        ).then(({ interpreter: prepared, made }) => {
          if (made) scope.post({ type: 'snapshot', snapshot: made });
          scope.post({
            type: 'ready',
            python: prepared.python,
            coldStartMs: performance.now() - started,
          });
          return prepared;
        });
        interpreter.catch((error: unknown) =>
          scope.post({ type: 'failed', message: describeError(error) }),
        );
        break;
      }
      case 'run': {
        const { id, request, control } = message;
        void interpreter
          ?.then((prepared) =>
            prepared.run(
              request,
              // Transferred: the batch is the worker's own copy, sent once.
              (batch) => scope.post({ type: 'events', id, batch }, [batch.buffer]),
              control,
            ),
          )
          .catch((error: unknown) => scope.post({ type: 'failed', message: describeError(error) }))
          .finally(() => scope.post({ type: 'done', id }));
        break;
      }
    }
  });
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
