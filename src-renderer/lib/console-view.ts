/**
 * What the console shows, as plain data: the program's output, each piece with the tone it
 * is drawn in, the piece printed by the step on screen, and how the output compares with
 * what the lesson says it prints.
 */
import { compareOutput, createOutputDiff } from '../../src-shared/lesson/compare.ts';
import type { OutputChunk } from '../../src-shared/loop-state.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';

export type ConsoleTone = OutputChunk['tone'];

export interface ConsoleLine {
  seq: number;
  stream: OutputChunk['stream'];
  text: string;
  tone: ConsoleTone;
  /** Printed by the event on screen: highlighted. */
  latest: boolean;
}

/** Python prints a warning as `file:line: CategoryWarning: message`. */
const WARNING = /^[^\n:]+:\d+: \w*Warning: /;

/** The tone a piece of output is drawn in: stderr text shaped like a warning is a warning. */
export function chunkTone(chunk: OutputChunk): ConsoleTone {
  return chunk.tone === 'err' && WARNING.test(chunk.text) ? 'warning' : chunk.tone;
}

/**
 * The console's lines at a step, copied: the state's own list grows in place as the
 * playhead moves, and a view must not keep a list that changes under it.
 */
export function deriveConsoleLines(
  output: readonly OutputChunk[],
  event: TraceEvent | null,
): ConsoleLine[] {
  const last = output.at(-1)?.seq;
  return output.map((chunk) => ({
    seq: chunk.seq,
    stream: chunk.stream,
    text: chunk.text,
    tone: chunkTone(chunk),
    latest: chunk.seq === last && event?.seq === chunk.seq,
  }));
}

export type DiffLineKind = 'hunk' | 'added' | 'removed' | 'same';

export interface DiffLine {
  kind: DiffLineKind;
  /** The line as the diff writes it, its first character saying its kind; empty for a hunk. */
  text: string;
}

export interface OutputCheck {
  matches: boolean;
  /** The differences, with one line of context; empty when the outputs match. */
  lines: DiffLine[];
  /** How many lines only the lesson has, and how many only this run. */
  removed: number;
  added: number;
}

export function diffLineKind(line: string): DiffLineKind {
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('+')) return 'added';
  if (line.startsWith('-')) return 'removed';
  return 'same';
}

/**
 * The program's output against the lesson's: the diff's file headers are left out (the
 * legend names both sides), and a hunk's header is only a break between hunks.
 */
export function checkOutput(
  expected: string,
  printed: string,
  labels: { expected: string; actual: string },
): OutputCheck {
  const comparison = compareOutput(expected, printed);
  const lines = createOutputDiff(comparison, labels, 1)
    .slice(2)
    .map((line): DiffLine => {
      const kind = diffLineKind(line);
      return { kind, text: kind === 'hunk' ? '' : line };
    });
  return {
    matches: comparison.matches,
    lines,
    removed: lines.filter((line) => line.kind === 'removed').length,
    added: lines.filter((line) => line.kind === 'added').length,
  };
}
