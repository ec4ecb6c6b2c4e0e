/**
 * Predict, then see: a prediction is judged as `loopscope check` judges a lesson's output,
 * and its first wrong line leads to the step that printed the program's line there. The
 * programs are the doctor's lesson's (fixtures/doctor), run by the real engine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compareOutput } from '../../src-shared/lesson/compare.ts';
import {
  judgePrediction,
  moveItem,
  predictionLines,
  printedLines,
  shuffledOrder,
  type PrintedLine,
} from '../../src-shared/predict.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';
import { useEngine } from '../engine/engine-fixture.ts';

const engine = useEngine();

/** The doctor's lesson's programs, one for each of its findings. */
const FIXTURES = readdirSync(new URL('fixtures/doctor/', import.meta.url))
  .filter((name) => name.endsWith('.py'))
  .map((name) => name.slice(0, -3))
  .sort();

async function runFixture(name: string): Promise<TraceEvent[]> {
  const code = readFileSync(new URL(`fixtures/doctor/${name}.py`, import.meta.url), 'utf8');
  return (await engine().run({ code, filename: `${name}.py` })).events;
}

/** What the console holds after `step` events, normalised as the comparison reads it. */
function consoleAt(events: readonly TraceEvent[], step: number): string {
  return events
    .slice(0, step)
    .map((e) => (e.kind === 'output' ? e.text : ''))
    .join('');
}

function output(seq: number, text: string, stream: 'stdout' | 'stderr' = 'stdout'): TraceEvent {
  return { seq, t: 0, kind: 'output', stream, text };
}

describe('the lines a run printed', () => {
  test('each line is whole on the console at its step, and not before', async () => {
    const events = await runFixture('blocking-call');
    const lines = printedLines(events);
    expect(lines.map((l) => l.text)).toEqual([
      'beat at 0.0',
      'compressing...',
      'compressed',
      'beat at 1.2',
      'beat at 1.7',
    ]);
    lines.forEach((line, i) => {
      expect(events[line.step - 1]?.kind).toBe('output');
      const shown = consoleAt(events, line.step).split('\n');
      expect(shown[i]).toBe(line.text);
      expect(consoleAt(events, line.step - 1).split('\n')[i] ?? '').not.toBe(line.text);
    });
  });

  test.each(FIXTURES)(
    '%s: both streams count, as the console and `loopscope check` show them',
    async (name) => {
      const events = await runFixture(name);
      const lines = printedLines(events);
      const all = consoleAt(events, events.length);
      expect(lines.map((l) => l.text).join('\n')).toBe(compareOutput('', all).actual);
      for (const line of lines) expect(events[line.step - 1]?.kind).toBe('output');
      // The whole output, predicted, is right; without its last line, wrong at that line.
      const whole = judgePrediction(all, lines, events.length);
      expect(whole.right).toBe(true);
      const cut = judgePrediction(all.trimEnd().split('\n').slice(0, -1).join('\n'), lines, 9);
      expect(cut).toMatchObject({ right: false, firstWrong: lines.length - 1 });
    },
  );

  test('a warning on the error stream is a line like any other', async () => {
    const events = await runFixture('never-awaited');
    const lines = printedLines(events);
    expect(lines.some((l) => l.text.includes("coroutine 'greet' was never awaited"))).toBe(true);
  });

  test('a line written in pieces is printed at its last piece; line ends of every kind', () => {
    const lines = printedLines([
      output(0, 'a'),
      output(1, ' b  '),
      output(2, '\r'),
      output(3, '\nc\r\n\n', 'stderr'),
      output(4, 'd  \n \n\n'),
    ]);
    expect(lines).toEqual([
      { text: 'a b', step: 2 },
      { text: 'c', step: 4 },
      { text: '', step: 4 },
      { text: 'd', step: 5 },
    ]);
  });
});

describe('judging a prediction', () => {
  test('a right prediction is right whatever its trailing whitespace and line ends', async () => {
    const events = await runFixture('task-not-kept');
    const lines = printedLines(events);
    const verdict = judgePrediction(
      'daily: report sent  \r\nweekly: report sent\r\nmain: done True\n\n',
      lines,
      events.length,
    );
    expect(verdict).toMatchObject({ right: true, firstWrong: null, step: null });
  });

  test('the first wrong line leads to the step that printed the real one', async () => {
    const events = await runFixture('blocking-call');
    const lines = printedLines(events);
    const verdict = judgePrediction(
      'beat at 0.0\ncompressing...\nbeat at 0.5\ncompressed',
      lines,
      events.length,
    );
    expect(verdict.right).toBe(false);
    expect(verdict.firstWrong).toBe(2);
    expect(verdict.step).toBe(lines[2]?.step);
    expect(
      consoleAt(events, verdict.step ?? 0)
        .trimEnd()
        .split('\n')
        .at(-1),
    ).toBe('compressed');
  });

  test('too few lines lead to the first line left out; too many to the run’s end', async () => {
    const events = await runFixture('task-not-kept');
    const lines = printedLines(events);
    const short = judgePrediction('daily: report sent', lines, events.length);
    expect(short).toMatchObject({ right: false, firstWrong: 1, step: lines[1]?.step });
    const long = judgePrediction(
      'daily: report sent\nweekly: report sent\nmain: done True\nbye',
      lines,
      events.length,
    );
    expect(long).toMatchObject({ right: false, firstWrong: 3, step: events.length });
    const nothing = judgePrediction('  \n', lines, events.length);
    expect(nothing).toMatchObject({ right: false, firstWrong: 0, predicted: [] });
  });

  test('a program that prints nothing is predicted by an empty prediction', () => {
    expect(judgePrediction('\n', [], 7)).toMatchObject({ right: true });
    expect(judgePrediction('x', [], 7)).toMatchObject({ right: false, firstWrong: 0, step: 7 });
  });

  test('it agrees with the lesson check on every kind of difference', () => {
    const pieces = ['a', 'b', ' ', '', 'a ', '\t'];
    let seed = 1;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pick = () => pieces[Math.floor(random() * pieces.length)] ?? '';
    const text = (n: number) =>
      Array.from({ length: n }, pick).join(random() < 0.2 ? '\r\n' : '\n');
    for (let i = 0; i < 500; i++) {
      const printed = text(Math.floor(random() * 4));
      const prediction = text(Math.floor(random() * 4));
      const lines = printedLines([output(0, printed)]);
      const verdict = judgePrediction(prediction, lines, 1);
      expect(verdict.right, JSON.stringify({ printed, prediction })).toBe(
        compareOutput(prediction, printed).matches,
      );
      expect(verdict.predicted).toEqual(predictionLines(prediction));
    }
  });
});

describe('putting lines in order', () => {
  test('the lines are offered shuffled, never already in order, each once', () => {
    const lines = ['one', 'two', 'two', 'three'];
    for (const random of [Math.random, () => 0, () => 0.999]) {
      const order = shuffledOrder(lines, random);
      expect(order.toSorted()).toEqual([0, 1, 2, 3]);
      expect(order.map((i) => lines[i])).not.toEqual(lines);
    }
    expect(shuffledOrder(['same', 'same'], Math.random).map((i) => i)).toHaveLength(2);
  });

  test('moving a line puts it where it is asked, the others keeping their order', () => {
    expect(moveItem(['a', 'b', 'c', 'd'], 3, 1)).toEqual(['a', 'd', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
  });

  test('the lines put back in order are a right prediction', async () => {
    const events = await runFixture('exception-never-retrieved');
    const lines: PrintedLine[] = printedLines(events);
    const order = shuffledOrder(
      lines.map((l) => l.text),
      Math.random,
    );
    const offered = order.map((i) => lines[i]?.text ?? '');
    // Each line moved back to where it belongs, one at a time, as the student does.
    let ordered = offered;
    for (let place = 0; place < lines.length; place++) {
      const from = ordered.indexOf(lines[place]?.text ?? '', place);
      ordered = moveItem(ordered, from, place);
    }
    expect(ordered).toEqual(lines.map((l) => l.text));
    expect(judgePrediction(ordered.join('\n'), lines, events.length).right).toBe(true);
    expect(judgePrediction(offered.join('\n'), lines, events.length).right).toBe(false);
  });
});
