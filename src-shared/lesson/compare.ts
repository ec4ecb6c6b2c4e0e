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

/**
 * A unified diff from the expected output to the actual one, as lines without line ends:
 * `--- expected`, `+++ actual`, then hunks whose lines start with ' ', '-' or '+'.
 * Empty when the outputs match.
 */
export function createOutputDiff(
  comparison: OutputComparison,
  labels: { expected: string; actual: string },
  context = 3,
): string[] {
  if (comparison.matches) return [];
  const patch = structuredPatch(
    labels.expected,
    labels.actual,
    withFinalNewline(comparison.expected),
    withFinalNewline(comparison.actual),
    undefined,
    undefined,
    { context },
  );
  const lines = [`--- ${labels.expected}`, `+++ ${labels.actual}`];
  for (const hunk of patch.hunks) {
    lines.push(
      `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`,
      ...hunk.lines,
    );
  }
  return lines;
}

function withFinalNewline(text: string): string {
  return text === '' ? '' : `${text}\n`;
}

/** A hunk's line range as unified diffs write it: an empty range names the line before it. */
function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? String(start) : `${start},${count}`;
}
