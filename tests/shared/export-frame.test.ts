/**
 * A step drawn as SVG shows what the app shows at that step: the code's current and paused
 * lines, the loop's clock and phase, the ready queue, the timer heap in its order, the tasks
 * and their states, the console's tail and a title, in the app's colours and words. The
 * frames of real traces are checked as XML at every step, in every theme.
 */
import { describe, expect, test } from 'vitest';
import { FrameSource, stepDuration, type FrameMeta } from '../../src-shared/export/frame-model.ts';
import { renderFrameSvg, type FrameSvgOptions } from '../../src-shared/export/frame-svg.ts';
import { PALETTES } from '../../src-shared/palette.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';
import { fixtureEvents, parseSvg, svgTexts } from './export-fixtures.ts';

const meta: FrameMeta = {
  lesson: 'Waiting for many',
  scenario: { number: 2, title: 'gather runs them together' },
  file: 'gather.py',
};
const events = fixtureEvents('gather.jsonl');
const code = events[0]?.kind === 'run.start' ? events[0].source : '';
const source = new FrameSource(events, { meta, code });
const options: FrameSvgOptions = { width: 1920, height: 1080, theme: 'light', language: 'en' };

const parse = parseSvg;
const texts = (svg: string) => svgTexts(parseSvg(svg));

/** The first step at which `predicate` holds for the event that led to it. */
function stepAfter(predicate: (event: TraceEvent) => boolean): number {
  const index = events.findIndex(predicate);
  expect(index).toBeGreaterThan(-1);
  return index + 1;
}

describe('a frame', () => {
  // Task-4 (worker c) runs its first step; Task-2 and Task-3 sleep, with two timers set.
  const step = stepAfter((e) => e.kind === 'task.run' && e.task === 4);
  const frame = source.frame(step);
  const svg = renderFrameSvg(frame, options);
  const words = texts(svg);

  test('has a title: the lesson, the scenario and the step of the total', () => {
    expect(words).toContain('Waiting for many — 2. gather runs them together');
    expect(words).toContain(`Step ${step} of ${events.length}`);
    expect(parse(svg).getElementsByTagName('title')[0]?.textContent).toBe(
      `Waiting for many — 2. gather runs them together · Step ${step} of ${events.length}`,
    );
  });

  test('shows the code with the line being run, and the lines where tasks are paused', () => {
    // The step starts where the coroutine is defined, as the app shows it.
    expect(frame.currentLine).toBe(4);
    expect([...frame.pausedLines].sort(([a], [b]) => a - b)).toEqual([
      [6, [1, 2]],
      [13, [0]],
    ]);
    const colors = PALETTES.light.colors;
    expect(svg.match(new RegExp(`fill="${colors['line-current']}"`, 'g'))).toHaveLength(1);
    expect(svg.match(new RegExp(`fill="${colors['line-paused']}"`, 'g'))).toHaveLength(2);
    // The keyword is coloured as the editor colours it.
    expect(svg).toContain(`<tspan fill="${colors['syn-keyword']}">async</tspan>`);
  });

  test('shows the loop: iteration, phase, virtual time; the running handle and the queue', () => {
    expect(words).toEqual(
      expect.arrayContaining([
        'ITERATION',
        '2',
        'PHASE',
        'Run ready callbacks',
        'VIRTUAL TIME',
        '0 s',
      ]),
    );
    expect(words).toContain('RUNNING NOW');
    expect(words).toContain('Task-4: __step');
    expect(words).toContain('step');
    expect(words).toContain('The ready queue is empty');
  });

  test('shows the timers in heap order with their deadlines, and every task with its state', () => {
    expect(frame.timers.map((t) => [t.heapIndex, t.when.toFixed(1), t.ownerName])).toEqual([
      [0, '0.1', 'Task-3'],
      [1, '0.2', 'Task-2'],
    ]);
    expect(words).toEqual(expect.arrayContaining(['0.1 s', 'Task-3', '0.2 s', 'Task-2']));
    expect(words).toEqual(
      expect.arrayContaining(['Task-1', 'suspended', 'awaits gather of 3 tasks']),
    );
    expect(words).toEqual(expect.arrayContaining(['Task-4', 'running', 'worker()']));
    expect(words).toContain('4 tasks in all');
  });

  test('shows the console’s tail', () => {
    expect(words).toEqual(expect.arrayContaining(['a: start', 'b: start']));
    const end = renderFrameSvg(source.frame(events.length), options);
    expect(texts(end)).toEqual(
      expect.arrayContaining(["results: ['A', 'B', 'C']", 'Ended: exit status 0']),
    );
  });

  test('counts the program’s own tasks, as the app does: not asyncio.run’s shutdown tasks', () => {
    const end = source.frame(events.length);
    expect(end.tasks.filter((task) => task.internal).length).toBeGreaterThan(0);
    expect(texts(renderFrameSvg(end, options))).toContain('4 tasks in all');
  });

  test('speaks Russian, with Russian plural forms', () => {
    const ru = texts(renderFrameSvg(frame, { ...options, language: 'ru' }));
    expect(ru).toEqual(
      expect.arrayContaining([
        `Шаг ${step} из ${events.length}`,
        'ОЧЕРЕДЬ ГОТОВЫХ',
        'всего 4 задачи',
        'приостановлена',
        'шаг',
      ]),
    );
  });

  test('grows its type with the picture: a slide at 1280×720 reads as one at 1920×1080', () => {
    const sizes = (svg: string) =>
      [...svg.matchAll(/font-size="([\d.]+)"/g)].map((m) => Number(m[1]));
    const small = sizes(renderFrameSvg(frame, { ...options, width: 1280, height: 720 }));
    const large = sizes(svg);
    expect(Math.min(...small)).toBeGreaterThanOrEqual(10);
    expect(large[0] ?? 0).toBeCloseTo((small[0] ?? 0) * 1.5, 0);
  });

  test('draws no symbol with a font: arrows and markers are paths', () => {
    const symbols = /[\u2190-\u21ff\u2300-\u23ff\u25a0-\u25ff\u2700-\u27bf\u2600-\u26ff✓✗]/u;
    for (const text of [
      ...words,
      ...texts(renderFrameSvg(frame, { ...options, language: 'ru' })),
    ]) {
      expect(text).not.toMatch(symbols);
    }
    expect(parse(svg).getElementsByTagName('path').length).toBeGreaterThanOrEqual(3);
  });
});

describe('every step of real traces', () => {
  test.each(['gather.jsonl', 'cancel.jsonl', 'raises.jsonl'])(
    '%s draws as well-formed SVG in every theme',
    (name) => {
      const trace = fixtureEvents(name);
      const frames = new FrameSource(trace, { meta, code: '' });
      const themes = ['light', 'dark', 'contrast'] as const;
      for (let step = 0; step <= trace.length; step++) {
        const svg = renderFrameSvg(frames.frame(step), {
          ...options,
          theme: themes[step % 3] ?? 'light',
        });
        expect(
          svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1920" height="1080"'),
        ).toBe(true);
        expect(svg).toContain(`fill="${PALETTES[themes[step % 3] ?? 'light'].colors.bg}"`);
        parse(svg);
      }
    },
  );

  test('hostile text stays text: markup and control characters in output and names', () => {
    const hostile = fixtureEvents('gather.jsonl').map((event): TraceEvent =>
      event.kind === 'output'
        ? { ...event, text: '<script>alert(1)</script> & \u0000\u001b[31m"quoted"\n' }
        : event.kind === 'task.create'
          ? { ...event, name: '</text><svg onload="x">' }
          : event,
    );
    const frames = new FrameSource(hostile, {
      meta: { ...meta, lesson: '<b>&</b>' },
      code: 'x = "<tag>"',
    });
    const svg = renderFrameSvg(frames.frame(hostile.length), options);
    const document = parse(svg);
    expect(document.getElementsByTagName('script')).toHaveLength(0);
    expect(texts(svg)).toEqual(
      expect.arrayContaining(['<script>alert(1)</script> & [31m"quoted"']),
    );
    expect(texts(svg).some((text) => text.startsWith('</text><svg'))).toBe(true);
  });
});

describe('the frame source', () => {
  test('a step gives the same frame whether reached forward or after a later one', () => {
    const fresh = new FrameSource(events, { meta, code }).frame(80);
    source.frame(150);
    expect(source.frame(80)).toEqual(fresh);
  });

  test('a range skips nothing but the engine’s probes, and paces steps as the player does', () => {
    const frames = [...source.frames(10, 19)];
    expect(frames.map((f) => f.data.step)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    // Bookkeeping passes quicker than a step that changes the picture; the probes take none.
    const paces = new Map(events.map((event) => [event.kind, stepDuration(event)]));
    expect([paces.get('line'), paces.get('handle.done'), paces.get('task.run')]).toEqual([
      450, 450, 1000,
    ]);
  });
});
