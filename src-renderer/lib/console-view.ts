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
 * What the console shows at most: the newest chunks and characters of the output. A run may
 * print 16 MB, which no page lays out in a frame; what is left out is counted and said.
 */
export const CONSOLE_LIMITS = Object.freeze({ chunks: 1000, chars: 64 * 1024 });

/** The console's window on the output: its newest lines, and how much before them is hidden. */
export interface ConsoleWindow {
  lines: ConsoleLine[];
  /** Output lines (chunks) before the window, not shown. */
  hidden: number;
  /** Whether the oldest line shown lost its start to the character limit. */
  cut: boolean;
}

/**
 * The console's lines at a step, copied (the state's own list grows in place as the
 * playhead moves, and a view must not keep a list that changes under it): the newest ones
 * only, within `limits`, in time linear in what is shown rather than in all that was printed.
 */
export function deriveConsoleLines(
  output: readonly OutputChunk[],
  event: TraceEvent | null,
  limits: { chunks: number; chars: number } = CONSOLE_LIMITS,
): ConsoleWindow {
  const last = output.at(-1)?.seq;
  const lines: ConsoleLine[] = [];
  let room = limits.chars;
  let index = output.length - 1;
  let cut = false;
  for (; index >= 0 && lines.length < limits.chunks && room > 0; index--) {
    const chunk = output[index];
    if (!chunk) break;
    // The oldest chunk shown may be cut: its end is the part next to what follows.
    const text = chunk.text.length > room ? chunk.text.slice(chunk.text.length - room) : chunk.text;
    cut = text.length < chunk.text.length;
    room -= text.length;
    lines.push({
      seq: chunk.seq,
      stream: chunk.stream,
      text,
      tone: chunkTone(chunk),
      latest: chunk.seq === last && event?.seq === chunk.seq,
    });
  }
  lines.reverse();
  return { lines, hidden: index + 1, cut };
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
  /** How many more lines the differences have than `lines` shows. */
  omitted: number;
  /** How many lines (of those shown) only the lesson has, and how many only this run. */
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
  const diff = createOutputDiff(comparison, labels, 1);
  const lines = diff.lines.slice(2).map((line): DiffLine => {
    const kind = diffLineKind(line);
    return { kind, text: kind === 'hunk' ? '' : line };
  });
  return {
    matches: comparison.matches,
    lines,
    omitted: diff.omitted,
    removed: lines.filter((line) => line.kind === 'removed').length,
    added: lines.filter((line) => line.kind === 'added').length,
  };
}
