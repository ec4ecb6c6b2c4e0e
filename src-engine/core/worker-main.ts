/**
 * The engine's worker: one clean interpreter per run, events streamed to the host as they
 * are recorded. Shared by the Web Worker and the Node worker thread.
 */
import type { loadPyodide as LoadPyodide } from 'pyodide';
import type { HostMessage, WorkerMessage } from './protocol.ts';
import { InterpreterFactory } from './interpreter.ts';

export interface WorkerScope {
  post(message: WorkerMessage, transfer?: Transferable[]): void;
  onMessage(listener: (message: HostMessage) => void): void;
}

export function startEngineWorker(scope: WorkerScope, loadPyodide: typeof LoadPyodide): void {
  let factory: Promise<InterpreterFactory> | null = null;
  // Runs are served one at a time, in order.
  let queue: Promise<void> = Promise.resolve();

  scope.onMessage((message) => {
    switch (message.type) {
      case 'init': {
        const started = performance.now();
        scope.post({ type: 'loading', progress: 0 });
        factory = InterpreterFactory.create(
          { loadPyodide, indexURL: message.indexURL },
          message.snapshot,
        ).then(({ factory: made, fresh }) => {
          if (fresh) scope.post({ type: 'snapshot', snapshot: made.snapshot });
          made.warm();
          scope.post({
            type: 'ready',
            python: made.python,
            coldStartMs: performance.now() - started,
          });
          return made;
        });
        factory.catch((error: unknown) => scope.post({ type: 'failed', message: String(error) }));
        break;
      }
      case 'run': {
        const { id, request, control } = message;
        queue = queue.then(async () => {
          if (!factory) throw new Error('run before init');
          const made = await factory;
          try {
            await made.run(request, (json) => scope.post({ type: 'events', id, json }), control);
          } catch (error) {
            scope.post({ type: 'failed', message: describeError(error) });
          }
          scope.post({ type: 'done', id });
        });
        break;
      }
    }
  });
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
