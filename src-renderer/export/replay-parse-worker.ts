/**
 * The worker that reads a large replay or trace file (see replay-io.ts): it decodes, parses,
 * validates and folds the file, all of which may take seconds in one go (a flat JSON document
 * is one `JSON.parse`), and answers with the checked events one a line, as bytes it hands
 * over, for the page to read in slices. One file, one answer, then the page ends it.
 */
import { parseReplayFile } from '../../src-shared/replay-file.ts';
import type { ReplayParseAnswer } from './replay-io.ts';

self.addEventListener('message', (event: MessageEvent<{ bytes: Uint8Array }>) => {
  let answer: ReplayParseAnswer;
  const transfer: ArrayBuffer[] = [];
  try {
    const parsed = parseReplayFile(event.data.bytes);
    if (parsed.ok) {
      const { events, ...header } = parsed.replay;
      const lines = new TextEncoder().encode(events.map((e) => JSON.stringify(e)).join('\n'));
      transfer.push(lines.buffer);
      answer = { ok: true, header, source: parsed.source, lines, count: events.length };
    } else {
      answer = { ok: false, error: parsed.error };
    }
  } catch (error) {
    answer = { ok: false, failed: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer, { transfer });
});
