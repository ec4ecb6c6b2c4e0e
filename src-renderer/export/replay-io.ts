/**
 * Replay files in the page: reading one the user picked or dropped (or the host read), and
 * making one of the run on show. The format and its checks are src-shared/replay-file.ts.
 */
import type { Language, ReplayBytes } from '../../src-shared/api.ts';
import type { FrameMeta } from '../../src-shared/export/frame-model.ts';
import type { Scenario } from '../../src-shared/lesson/model.ts';
import {
  describeReplayFileError,
  MAX_REPLAY_BYTES,
  parseReplayFileInSlices,
  type ReplayFile,
  type ReplayFileError,
  type ReplayLesson,
  type ReplayParseResult,
  type ReplaySource,
} from '../../src-shared/replay-file.ts';
import { finishInSlices, type SlicedWork } from '../../src-shared/slices.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';
import { askWorker } from '../lib/ask-worker.ts';

export type ReplayOpening = { ok: true; replay: ReplayFile } | { ok: false; reason: string };

/** Reads a picked or dropped file; one larger than a replay may be is not read at all. */
export async function readReplayBytes(file: File): Promise<ReplayBytes> {
  const large = file.size > MAX_REPLAY_BYTES;
  const bytes = large ? new Uint8Array() : new Uint8Array(await file.arrayBuffer());
  return { name: file.name, size: file.size, bytes };
}

/**
 * Parses a replay or trace file in slices, the page responsive meanwhile; what is wrong with
 * it is said in `language`.
 */
export async function openReplayBytes(
  file: ReplayBytes,
  language: Language,
): Promise<ReplayOpening> {
  const megabytes = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  const parsed =
    file.size > MAX_REPLAY_BYTES
      ? ({
          ok: false,
          error: {
            reason: 'too-large',
            params: { size: megabytes(file.size), limit: megabytes(MAX_REPLAY_BYTES) },
          },
        } as const)
      : await parseReplayOffThread(file.bytes);
  return parsed.ok
    ? { ok: true, replay: parsed.replay }
    : { ok: false, reason: describeReplayFileError(parsed.error, language) };
}

/** Bytes above which a replay file is read in a worker. */
export const PARSE_IN_WORKER_BYTES = 4 * 1024 * 1024;

/**
 * What the replay worker answers: the file's checked events, one a line (as bytes it hands
 * over), with the rest of the replay; why the file is refused; or that the worker failed.
 */
export type ReplayParseAnswer =
  | {
      ok: true;
      header: Omit<ReplayFile, 'events'>;
      source: ReplaySource;
      lines: Uint8Array;
      count: number;
    }
  | { ok: false; error: ReplayFileError }
  | { ok: false; failed: string };

/**
 * Reads a replay or trace file without freezing the page. A large one is read in a worker:
 * the page's own reading pauses between slices, but not inside one `JSON.parse`, and a file
 * written as one JSON document (a JSON array of events, a replay on one line) is one call that
 * takes seconds at 256 MB. The worker's checked events come back a line each, and the page
 * parses them in slices. Where no worker can start (tests in Node), or it fails, the file is
 * read here, in slices.
 */
export async function parseReplayOffThread(bytes: Uint8Array): Promise<ReplayParseResult> {
  if (bytes.length <= PARSE_IN_WORKER_BYTES || typeof Worker !== 'function') {
    return parseReplayFileInSlices(bytes);
  }
  const copy = bytes.slice();
  // The worker written out in full, so that Vite finds and bundles it.
  const answer = await askWorker<ReplayParseAnswer>(
    new Worker(new URL('./replay-parse-worker.ts', import.meta.url), {
      type: 'module',
      name: 'loopscope-replay-reader',
    }),
    { bytes: copy },
    (failed) => ({ ok: false, failed }),
    [copy.buffer],
  );
  if (answer.ok) {
    const events = await finishInSlices(readEventLines(answer.lines, answer.count));
    return { ok: true, source: answer.source, replay: { ...answer.header, events } };
  }
  if ('error' in answer) return { ok: false, error: answer.error };
  return parseReplayFileInSlices(bytes);
}

/** The worker's events, a line each, parsed a few hundred at a time. */
function* readEventLines(lines: Uint8Array, count: number): SlicedWork<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const decoder = new TextDecoder();
  const chunkBytes = 1024 * 1024;
  let rest = '';
  for (let offset = 0; offset < lines.length; offset += chunkBytes) {
    const more = offset + chunkBytes < lines.length;
    const text =
      rest + decoder.decode(lines.subarray(offset, offset + chunkBytes), { stream: more });
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      events.push(JSON.parse(text.slice(start, end)) as TraceEvent);
      start = end + 1;
      if (events.length % 512 === 0) yield;
    }
    rest = text.slice(start);
    yield;
  }
  if (rest !== '') events.push(JSON.parse(rest) as TraceEvent);
  if (events.length !== count) throw new Error('the replay worker lost events');
  return events;
}

/** Where the code on show came from, as a replay file records it. */
export function lessonOfScenario(
  lesson: { title: string } | null,
  fileName: string | null,
  scenario: Scenario | null,
): ReplayLesson | null {
  if (!lesson) return null;
  return {
    title: lesson.title,
    file: fileName,
    scenario: scenario ? { number: scenario.number, title: scenario.title } : null,
  };
}

/** A finished run's trace, or null while there is none (or it is still coming). */
export function finishedTrace(events: readonly TraceEvent[]): TraceEvent[] | null {
  return events.at(-1)?.kind === 'run.end' ? [...events] : null;
}

/** What a frame's title says of a replay, as the command line's export says it. */
export function frameMetaOf(replay: ReplayFile): FrameMeta {
  const start = replay.events[0];
  const file = start?.kind === 'run.start' ? (start.file.split(/[\\/]/).pop() ?? '') : '';
  return {
    lesson: replay.lesson?.title ?? null,
    scenario: replay.lesson?.scenario ?? null,
    file: replay.lesson?.file ?? (file || 'main.py'),
  };
}

/** A file name for what is saved of a replay: the lesson and scenario, or the program's name. */
export function replayBaseName(replay: ReplayFile, traceName: string | null): string {
  if (traceName) return traceName.replace(/(\.loopscope)?\.jsonl?$/i, '');
  const lesson = replay.lesson;
  if (!lesson) return frameMetaOf(replay).file.replace(/\.py$/i, '') || 'loopscope';
  const base = (lesson.file ?? lesson.title).replace(/\.(md|markdown|py)$/i, '');
  return lesson.scenario ? `${base}-${lesson.scenario.number}` : base;
}
