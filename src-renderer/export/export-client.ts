/**
 * The page's side of the export worker (export-worker.ts): one worker, started on the first
 * export and kept for the next while the dialog stays open (resvg's WebAssembly and the replay
 * stay loaded in it), ended to cancel an export at once, even in the middle of one long frame. The page's own share is
 * short tasks: the replay is sent in slices with the page given its turn between them.
 */
import type { ExportControl } from '../../src-shared/export/render.ts';
import type { ReplayFile } from '../../src-shared/replay-file.ts';
import { REPLAY_PAGE_FILE } from '../../src-shared/replay-page.ts';
import type { ExportRequest, ExportResult, PageMessage, WorkerMessage } from './export-protocol.ts';

/** Events a slice: copying them to the worker takes a few milliseconds. */
const SLICE = 2000;

/** Lets the page paint and answer input between two slices. */
const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class ExportWorker {
  private worker: Worker | null = null;
  /** The replay the worker holds, so that exporting the same one again sends nothing. */
  private sent: ReplayFile | null = null;

  /** Makes the export asked for; rejects with the signal's reason when it cancels it. */
  run(request: ExportRequest, control: ExportControl = {}): Promise<ExportResult> {
    const { signal } = control;
    signal?.throwIfAborted();
    const worker = this.start();
    return new Promise<ExportResult>((resolve, reject) => {
      const settle = (finish: () => void) => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        signal?.removeEventListener('abort', onAbort);
        finish();
      };
      const onMessage = ({ data }: MessageEvent<WorkerMessage>) => {
        if (data.type === 'progress') control.onProgress?.(data.progress);
        else if (data.type === 'done') settle(() => resolve(data.result));
        else settle(() => reject(new Error(data.message)));
      };
      const onError = (event: ErrorEvent) => {
        event.preventDefault();
        this.stop();
        settle(() => reject(new Error(event.message || 'the export worker did not start')));
      };
      const onAbort = () => {
        this.stop();
        settle(() => reject(signal?.reason));
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.send(worker, request, signal).catch((error: unknown) => {
        if (!signal?.aborted) settle(() => reject(error));
      });
    });
  }

  /** Ends the worker, and with it whatever it was doing. */
  stop(): void {
    this.worker?.terminate();
    this.worker = null;
    this.sent = null;
  }

  private start(): Worker {
    // Written out in full so that Vite finds and bundles the worker.
    this.worker ??= new Worker(new URL('./export-worker.ts', import.meta.url), {
      type: 'module',
      name: 'loopscope-export',
    });
    return this.worker;
  }

  private async send(worker: Worker, request: ExportRequest, signal?: AbortSignal): Promise<void> {
    const post = (message: PageMessage) => worker.postMessage(message);
    const { replay, ...job } = request;
    if (this.sent !== replay) {
      this.sent = null;
      const { events, ...rest } = replay;
      post({ type: 'replay', replay: rest });
      for (let from = 0; from < events.length; from += SLICE) {
        post({ type: 'events', events: events.slice(from, from + SLICE) });
        await yieldToPage();
        signal?.throwIfAborted();
        // Cancelled and started again meanwhile: this worker is gone.
        if (this.worker !== worker) return;
      }
      this.sent = replay;
    }
    // The worker's script sits in a folder of its own; the player page is beside the pages.
    const playerUrl = new URL(`../${REPLAY_PAGE_FILE}`, location.href).href;
    post({ type: 'export', job: { ...job, playerUrl } });
  }
}
