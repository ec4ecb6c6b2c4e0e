import { describe, expect, it } from 'vitest';
import type { OutputChunk } from '../../src-shared/loop-state.ts';
import {
  checkOutput,
  chunkTone,
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
      const lines = deriveConsoleLines(state.output, replay.eventAt(step));
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
    const lines = deriveConsoleLines(output, null);
    output.push(chunk(2, 'b\n'));
    expect(lines).toHaveLength(1);
  });

  it('keeps up with every output of a real run, in order', () => {
    const replay = new Replay();
    replay.append(loadFixture('failing_task'));
    const state = replay.stateAt(replay.length);
    const lines = deriveConsoleLines(state.output, replay.eventAt(replay.length) ?? null);
    expect(lines.map((line) => line.text).join('')).toBe(
      replay.outputs.map((output) => output.text).join(''),
    );
  });
});

describe('the output against the lesson’s', () => {
  it('matches when only trailing whitespace differs', () => {
    const check = checkOutput('a\nb\n', 'a  \nb', labels);
    expect(check).toEqual({ matches: true, lines: [], removed: 0, added: 0 });
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

  it('names a diff line’s kind by its first character', () => {
    expect(['@@ -1 +1 @@', '+x', '-x', ' x'].map(diffLineKind)).toEqual([
      'hunk',
      'added',
      'removed',
      'same',
    ]);
  });
});
