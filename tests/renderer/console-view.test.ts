import { describe, expect, it } from 'vitest';
import type { OutputChunk } from '../../src-shared/loop-state.ts';
import {
  checkOutput,
  chunkTone,
  CONSOLE_LIMITS,
  deriveConsoleLines,
  diffLineKind,
} from '../../src-renderer/lib/console-view.ts';
import { loadFixture } from './load-fixture.ts';
import { Replay } from '../../src-renderer/replay/replay.ts';

const chunk = (seq: number, text: string, tone: OutputChunk['tone'] = 'out'): OutputChunk => ({
  seq,
  stream: tone === 'out' ? 'stdout' : 'stderr',
  text,
  tone,
});

const labels = { expected: 'the lesson', actual: 'this run' };

describe('the console’s view of the output', () => {
  it('draws stderr text shaped like a Python warning as a warning', () => {
    expect(chunkTone(chunk(1, 'prog.py:3: RuntimeWarning: coroutine never awaited\n', 'err'))).toBe(
      'warning',
    );
    expect(chunkTone(chunk(1, 'Traceback (most recent call last):\n', 'traceback'))).toBe(
      'traceback',
    );
    expect(chunkTone(chunk(1, 'plain error\n', 'err'))).toBe('err');
  });

  it('marks as latest only the output the event on screen printed', () => {
    const replay = new Replay();
    replay.append(loadFixture('failing_task'));
    let printingSteps = 0;
    for (let step = 1; step <= replay.length; step++) {
      const before = replay.stateAt(step - 1).output.length;
      const state = replay.stateAt(step);
      const { lines } = deriveConsoleLines(state.output, replay.eventAt(step));
      const printed = state.output.length > before;
      if (printed) printingSteps++;
      expect(lines.filter((line) => line.latest).map((line) => line.seq)).toEqual(
        printed ? [state.output.at(-1)?.seq] : [],
      );
    }
    expect(printingSteps).toBeGreaterThan(1);
  });

  it('copies the output: the state’s own list may grow after the view took it', () => {
    const output = [chunk(1, 'a\n')];
    const { lines } = deriveConsoleLines(output, null);
    output.push(chunk(2, 'b\n'));
    expect(lines).toHaveLength(1);
  });

  it('keeps up with every output of a real run, in order', () => {
    const replay = new Replay();
    replay.append(loadFixture('failing_task'));
    const state = replay.stateAt(replay.length);
    const { lines, hidden, cut } = deriveConsoleLines(
      state.output,
      replay.eventAt(replay.length) ?? null,
    );
    expect({ hidden, cut }).toEqual({ hidden: 0, cut: false });
    expect(lines.map((line) => line.text).join('')).toBe(
      replay.outputs.map((output) => output.text).join(''),
    );
  });
});

describe('the console’s window on a huge output', () => {
  const printed = (count: number, text: (i: number) => string) =>
    Array.from({ length: count }, (_, i) => chunk(i, text(i)));

  it('shows the newest lines only, and counts those before them', () => {
    const output = printed(5000, (i) => `${i}\n`);
    const shown = deriveConsoleLines(output, null, { chunks: 1000, chars: 1_000_000 });
    expect(shown.lines).toHaveLength(1000);
    expect(shown.lines[0]?.text).toBe('4000\n');
    expect(shown.lines.at(-1)?.text).toBe('4999\n');
    expect({ hidden: shown.hidden, cut: shown.cut }).toEqual({ hidden: 4000, cut: false });
  });

  it('keeps to its characters, cutting the oldest line shown at its start', () => {
    const output = printed(100, (i) => `${String(i).padStart(9, '0')}\n`);
    const shown = deriveConsoleLines(output, null, { chunks: 1000, chars: 25 });
    expect(shown.lines.map((line) => line.text)).toEqual(['0097\n', '000000098\n', '000000099\n']);
    expect({ hidden: shown.hidden, cut: shown.cut }).toEqual({ hidden: 97, cut: true });
  });

  it('shows the end of one line longer than the whole window', () => {
    const shown = deriveConsoleLines([chunk(7, `${'a'.repeat(100_000)}end\n`)], null);
    expect(shown.lines).toHaveLength(1);
    expect(shown.lines[0]?.text.endsWith('end\n')).toBe(true);
    expect(shown.lines[0]?.text.length).toBe(CONSOLE_LIMITS.chars);
    expect({ hidden: shown.hidden, cut: shown.cut }).toEqual({ hidden: 0, cut: true });
  });
});

describe('the output against the lesson’s', () => {
  it('matches when only trailing whitespace differs', () => {
    const check = checkOutput('a\nb\n', 'a  \nb', labels);
    expect(check).toEqual({ matches: true, lines: [], omitted: 0, removed: 0, added: 0 });
  });

  it('lists the lines only one side has, with a line of context, and counts them', () => {
    const check = checkOutput('one\ntwo\nthree\n', 'one\n2\nthree\n', labels);
    expect(check.matches).toBe(false);
    expect(check.lines).toEqual([
      { kind: 'hunk', text: '' },
      { kind: 'same', text: ' one' },
      { kind: 'removed', text: '-two' },
      { kind: 'added', text: '+2' },
      { kind: 'same', text: ' three' },
    ]);
    expect([check.removed, check.added]).toEqual([1, 1]);
  });

  it('shows the first differences of a program that printed for ever, and counts the rest', () => {
    const printed = Array.from({ length: 50_000 }, (_, i) => String(i)).join('\n');
    const check = checkOutput('0\n', printed, labels);
    expect(check.lines.length).toBeLessThan(200);
    expect(check.omitted).toBeGreaterThan(45_000);
  });

  it('names a diff line’s kind by its first character', () => {
    expect(['@@ -1 +1 @@', '+x', '-x', ' x'].map(diffLineKind)).toEqual([
      'hunk',
      'added',
      'removed',
      'same',
    ]);
  });
});
