import { describe, expect, test } from 'vitest';
import {
  compareOutput,
  createOutputDiff,
  DIFF_LINE_CHARS,
  DIFF_LINES,
  normalizeOutput,
} from '../../src-shared/lesson/compare.ts';

const LABELS = { expected: 'lesson.md:12 (expected)', actual: 'engine output' };

describe('comparing outputs', () => {
  test('identical outputs match', () => {
    expect(compareOutput('a\nb\n', 'a\nb\n').matches).toBe(true);
  });

  test('whitespace at the end of lines does not count', () => {
    expect(compareOutput('a  \nb\t\n', 'a\nb\n').matches).toBe(true);
  });

  test('blank lines and whitespace at the end of the output do not count', () => {
    expect(compareOutput('a\nb', 'a\nb\n\n\n  \n').matches).toBe(true);
  });

  test('CRLF line ends count as LF', () => {
    expect(compareOutput('a\r\nb\r\n', 'a\nb\n').matches).toBe(true);
  });

  test('leading whitespace, inner blank lines and letter case all count', () => {
    expect(compareOutput('  a', 'a').matches).toBe(false);
    expect(compareOutput('a\n\nb', 'a\nb').matches).toBe(false);
    expect(compareOutput('Done', 'done').matches).toBe(false);
  });

  test('an empty expected output matches only a program that prints nothing', () => {
    expect(compareOutput('', '\n').matches).toBe(true);
    expect(compareOutput('', 'x').matches).toBe(false);
  });

  test('normalising keeps the text otherwise unchanged', () => {
    expect(normalizeOutput(' x  \r\n\ty \n\n')).toBe(' x\n\ty');
  });
});

describe('the diff of a mismatch', () => {
  test('is empty when the outputs match', () => {
    expect(createOutputDiff(compareOutput('a', 'a '), LABELS)).toEqual({
      lines: [],
      omitted: 0,
      shortened: 0,
    });
  });

  test('shows at most DIFF_LINE_CHARS characters of a line, a surrogate pair kept whole', () => {
    // One line of 16 MB printed whole by check, once per scenario.
    const huge = 'x'.repeat(DIFF_LINE_CHARS - 1) + '🐍'.repeat(1000);
    const diff = createOutputDiff(compareOutput('short', huge), LABELS);
    expect(diff.shortened).toBe(1);
    expect(diff.lines).toContain(`+${'x'.repeat(DIFF_LINE_CHARS - 1)}…`);
    expect(diff.lines.every((line) => line.length <= DIFF_LINE_CHARS + 2)).toBe(true);
  });

  test('is a unified diff from the expected output to the actual one', () => {
    const diff = createOutputDiff(
      compareOutput('one\ntwo\nthree\n', 'one\n2\nthree\nfour\n'),
      LABELS,
    ).lines;
    expect(diff).toEqual([
      '--- lesson.md:12 (expected)',
      '+++ engine output',
      '@@ -1,3 +1,4 @@',
      ' one',
      '-two',
      '+2',
      ' three',
      '+four',
    ]);
  });

  test('shows only a few lines of context around each change', () => {
    const lines = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`);
    const changed = lines.map((line, i) => (i === 9 ? 'changed' : line));
    const diff = createOutputDiff(
      compareOutput(lines.join('\n'), changed.join('\n')),
      LABELS,
    ).lines;
    expect(diff[2]).toBe('@@ -7,7 +7,7 @@');
    expect(diff).toHaveLength(2 + 1 + 8);
  });

  test('a program that printed nothing shows every expected line as missing', () => {
    const diff = createOutputDiff(compareOutput('a\nb\n', ''), LABELS).lines;
    expect(diff.slice(2)).toEqual(['@@ -1,2 +0,0 @@', '-a', '-b']);
  });

  test('of a program that printed for ever shows its first lines and counts the rest', () => {
    // 300,000 lines: listed whole (and pushed as arguments) this overflowed the stack.
    const printed = Array.from({ length: 300_000 }, (_, i) => String(i)).join('\n');
    const diff = createOutputDiff(compareOutput('0\n1\n', printed), LABELS);
    expect(diff.lines).toHaveLength(DIFF_LINES);
    expect(diff.lines.slice(2, 6)).toEqual(['@@ -1,2 +1,5000 @@', ' 0', ' 1', '+2']);
    // Every line past the first two is one more line of the actual output.
    expect(diff.lines.length - 5 + diff.omitted).toBe(300_000 - 2);
  });
});
