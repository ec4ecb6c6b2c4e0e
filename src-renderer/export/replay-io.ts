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
  type ReplayLesson,
} from '../../src-shared/replay-file.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';

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
      : await parseReplayFileInSlices(file.bytes);
  return parsed.ok
    ? { ok: true, replay: parsed.replay }
    : { ok: false, reason: describeReplayFileError(parsed.error, language) };
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
