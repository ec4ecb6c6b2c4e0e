/**
 * Comparing what a program printed with what its lesson says it prints. The comparison is
 * exact except for whitespace at the ends of lines and at the end of the output, which an
 * editor or a Markdown fence changes without anyone noticing.
 */
import { structuredPatch } from 'diff';

export interface OutputComparison {
  matches: boolean;
  /** The expected output, normalised. */
  expected: string;
  /** The actual output, normalised. */
  actual: string;
}

/** Drops trailing whitespace on every line and at the end; makes line ends `\n`. */
export function normalizeOutput(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trimEnd();
}

export function compareOutput(expected: string, actual: string): OutputComparison {
  const normalExpected = normalizeOutput(expected);
  const normalActual = normalizeOutput(actual);
  return {
    matches: normalExpected === normalActual,
    expected: normalExpected,
    actual: normalActual,
  };
}

/** The most lines of a diff shown: a program that printed for ever is not listed whole. */
export const DIFF_LINES = 200;
/** The most lines of each side compared: beyond them the diff says only that there is more. */
const COMPARED_LINES = 5000;
/**
 * The most characters of a line a diff shows: a program that printed one line of megabytes
 * gets the start of it and a `…`, not the whole line on the screen (`check` printed 16 MB a
 * scenario), nor the whole line in memory until its lesson is reported.
 */
export const DIFF_LINE_CHARS = 500;

export interface OutputDiff {
  /**
   * `--- expected`, `+++ actual`, then hunks whose lines start with ' ', '-' or '+', without
   * line ends; at most `limit` of them. Empty when the outputs match.
   */
  lines: string[];
  /** How many more lines the diff has than it shows (or could tell, past the lines compared). */
  omitted: number;
  /** How many of the lines shown are cut at `DIFF_LINE_CHARS` characters (they end in `…`). */
  shortened: number;
}

/** A unified diff from the expected output to the actual one. */
export function createOutputDiff(
  comparison: OutputComparison,
  labels: { expected: string; actual: string },
  context = 3,
  limit = DIFF_LINES,
): OutputDiff {
  if (comparison.matches) return { lines: [], omitted: 0, shortened: 0 };
  const expected = firstLines(comparison.expected);
  const actual = firstLines(comparison.actual);
  const patch = structuredPatch(
    labels.expected,
    labels.actual,
    withFinalNewline(expected.text),
    withFinalNewline(actual.text),
    undefined,
    undefined,
    { context },
  );
  const lines = [`--- ${labels.expected}`, `+++ ${labels.actual}`];
  let omitted = expected.left + actual.left;
  let shortened = 0;
  for (const hunk of patch.hunks) {
    const header = `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`;
    for (const line of [header, ...hunk.lines]) {
      if (lines.length >= limit) {
        omitted++;
        continue;
      }
      // The line's first character is the diff's mark (' ', '-', '+'), kept whole.
      const cut = cutLine(line, DIFF_LINE_CHARS + 1);
      if (cut !== line) shortened++;
      lines.push(cut);
    }
  }
  return { lines, omitted, shortened };
}

/** The first `max` characters of a line and `…`, or the line itself when it is not longer. */
function cutLine(line: string, max: number): string {
  if (line.length <= max) return line;
  // A character outside the Basic Multilingual Plane is two code units: not cut in half.
  const end = /[\uD800-\uDBFF]/.test(line.charAt(max - 1)) ? max - 1 : max;
  return `${line.slice(0, end)}…`;
}

/** The first COMPARED_LINES lines of a text, and how many there are after them. */
function firstLines(text: string): { text: string; left: number } {
  const lines = text.split('\n');
  if (lines.length <= COMPARED_LINES) return { text, left: 0 };
  return { text: lines.slice(0, COMPARED_LINES).join('\n'), left: lines.length - COMPARED_LINES };
}

function withFinalNewline(text: string): string {
  return text === '' ? '' : `${text}\n`;
}

/** A hunk's line range as unified diffs write it: an empty range names the line before it. */
function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? String(start) : `${start},${count}`;
}
