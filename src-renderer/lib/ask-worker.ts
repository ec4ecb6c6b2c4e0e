/**
 * One question to a worker made for it: the question goes, the one answer (or the error the
 * worker met, as `failed(message)`) comes back, and the worker is ended either way.
 */
export function askWorker<Answer>(
  worker: Worker,
  question: unknown,
  failed: (message: string) => Answer,
  transfer: Transferable[] = [],
): Promise<Answer> {
  return new Promise<Answer>((resolve) => {
    const finish = (answer: Answer) => {
      worker.terminate();
      resolve(answer);
    };
    worker.addEventListener('message', (event: MessageEvent<Answer>) => finish(event.data));
    worker.addEventListener('error', (event) => finish(failed(event.message || 'worker error')));
    worker.postMessage(question, transfer);
  });
}
