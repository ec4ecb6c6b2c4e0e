/**
 * The export worker: it draws and encodes the Export dialog's files (export-job.ts) off the
 * page's main thread, so that a 4K PNG or a long GIF never freezes the app. It keeps the
 * replay last sent and resvg's WebAssembly between exports; the page ends it to cancel one.
 */
import { assertExists, assertNever } from '../../src-shared/assert.ts';
import type { ReplayFile } from '../../src-shared/replay-file.ts';
import { runExport } from './export-job.ts';
import type { ExportResult, PageMessage, WorkerMessage } from './export-protocol.ts';

const scope = self as unknown as {
  postMessage(message: WorkerMessage, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<PageMessage>) => void): void;
};

let replay: ReplayFile | null = null;

/** The file's bytes go to the page without a copy, unless they share a buffer with others. */
function transferable(result: ExportResult): { result: ExportResult; transfer: Transferable[] } {
  const { data } = result;
  if (typeof data === 'string') return { result, transfer: [] };
  const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength;
  const bytes = own && data.buffer instanceof ArrayBuffer ? data : data.slice();
  return { result: { ...result, data: bytes }, transfer: [bytes.buffer as ArrayBuffer] };
}

scope.addEventListener('message', ({ data: message }) => {
  switch (message.type) {
    case 'replay':
      replay = { ...message.replay, events: [] };
      return;
    case 'events':
      for (const event of message.events)
        assertExists(replay, 'events come after their replay').events.push(event);
      return;
    case 'export': {
      runExport(
        { ...message.job, replay: assertExists(replay, 'an export comes after its replay') },
        { onProgress: (progress) => scope.postMessage({ type: 'progress', progress }) },
      ).then(
        (done) => {
          const { result, transfer } = transferable(done);
          scope.postMessage({ type: 'done', result }, transfer);
        },
        (error: unknown) =>
          scope.postMessage({
            type: 'failed',
            message: error instanceof Error ? error.message : String(error),
          }),
      );
      return;
    }
    default:
      assertNever(message);
  }
});
