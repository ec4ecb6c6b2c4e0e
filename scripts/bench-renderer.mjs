// The renderer's benchmark (`npm run bench renderer`): seeking in a 100,000-event trace, the
// memory the replay holds for it, frame times while the web edition plays a 1,000-task
// scenario, and the time from opening the web edition to the first scenario ready to play.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openWebEdition } from './web-in-chromium.mjs';
import {
  HUGE_OUTPUT,
  HUNDRED_THOUSAND_TASKS,
  hugeLesson,
  longTrace,
  traceAsJsonLines,
  traceAsReplayFile,
} from './large-inputs.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

/** 1,000 tasks, each sleeping six times: about 100,000 events. */
export const THOUSAND_TASKS = `import asyncio


async def worker(n):
    for i in range(6):
        await asyncio.sleep((n * 7 + i * 13) % 10 / 10)
    return n


async def main():
    tasks = [asyncio.create_task(worker(n), name=f"w{n}") for n in range(1000)]
    results = await asyncio.gather(*tasks)
    print(sum(results))


asyncio.run(main())
`;

const FRAME_MS = 1000 / 60;

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const ms = (value) => `${value.toFixed(2)} ms`;

/** In a child process with --expose-gc: the replay model alone, on the engine's real trace. */
async function measureReplay() {
  const { NodeEngine } = await import('../src-engine/node/engine.ts');
  const { Replay } = await import('../src-renderer/replay/replay.ts');
  const views = await import('../src-renderer/replay/view-model.ts');
  const { narrate } = await import('../src-renderer/replay/narration.ts');
  const { createLocale } = await import('../src-renderer/i18n/format.ts');
  const engine = new NodeEngine({ cacheDir: null });
  const { events } = await engine.run({ code: THOUSAND_TASKS, filename: 'main.py' });
  await engine.close();

  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  const eventsCopy = JSON.parse(JSON.stringify(events));
  globalThis.gc();
  const afterEvents = process.memoryUsage().heapUsed;
  let started = performance.now();
  const replay = new Replay(eventsCopy);
  const indexMs = performance.now() - started;
  globalThis.gc();
  const afterReplay = process.memoryUsage().heapUsed;

  const locale = createLocale('en');
  const seeks = [];
  const frames = [];
  let previous = new Map();
  for (let i = 0; i < 1000; i++) {
    const step = Math.floor(Math.random() * (replay.length + 1));
    started = performance.now();
    const state = replay.stateAt(step);
    seeks.push(performance.now() - started);
    // What one frame of the UI derives from the state, besides drawing it.
    const loop = views.currentLoop(state);
    views.deriveReadyQueueWindow(state, loop, 14, 5);
    views.deriveTimers(state, loop);
    const cards = views.deriveTaskCards(state, replay.eventAt(step), replay, previous);
    previous = new Map(cards.map((card) => [card.id, card]));
    narrate(replay, step, state, locale, 'loop');
    frames.push(performance.now() - started);
  }
  // A trace of exactly 100,000 events, as the aim names it (the program's trace is
  // shorter since the engine folds tight loops).
  const long = new Replay(longTrace(100_000));
  const longSeeks = [];
  for (let i = 0; i < 1000; i++) {
    const step = Math.floor(Math.random() * (long.length + 1));
    started = performance.now();
    long.stateAt(step);
    longSeeks.push(performance.now() - started);
  }
  return {
    longEvents: long.length,
    longSeekP95: percentile(longSeeks, 95),
    longSeekMax: Math.max(...longSeeks),
    events: replay.length,
    tasks: replay.timeline.lanes.size,
    snapshots: replay.snapshotCount,
    indexMs,
    eventsMb: (afterEvents - before) / 2 ** 20,
    replayMb: (afterReplay - afterEvents) / 2 ** 20,
    seekMean: seeks.reduce((a, b) => a + b, 0) / seeks.length,
    seekP95: percentile(seeks, 95),
    seekMax: Math.max(...seeks),
    frameP95: percentile(frames, 95),
    frameMax: Math.max(...frames),
  };
}

/** In headless Chromium: the web edition, opened, then playing 1,000 tasks. */
async function measureBrowser() {
  const web = await openWebEdition({ viewport: { width: 1600, height: 900 }, locale: 'en-US' });
  const { page, idle } = web;
  try {
    let started = performance.now();
    await web.open();
    const firstOpenMs = performance.now() - started;
    started = performance.now();
    await page.reload();
    await idle();
    const reopenMs = performance.now() - started;

    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(THOUSAND_TASKS);
    started = performance.now();
    await page.locator('[data-control=run]').click();
    await idle();
    const runMs = performance.now() - started;
    const length = Number(await page.locator('[data-control=scrubber]').getAttribute('max'));

    /** Frame intervals over `ms` while `action` runs in the page. */
    const frameTimes = (seconds, action) =>
      page.evaluate(
        ({ seconds, action }) =>
          new Promise((resolve) => {
            const deltas = [];
            const input = document.querySelector('[data-control=scrubber]');
            let last = performance.now();
            const end = last + seconds * 1000;
            const tick = (now) => {
              deltas.push(now - last);
              last = now;
              if (action === 'scrub') {
                input.value = String(Math.floor(Math.random() * Number(input.max)));
                input.dispatchEvent(new Event('input', { bubbles: true }));
              }
              if (now < end) requestAnimationFrame(tick);
              else resolve(deltas.slice(1));
            };
            requestAnimationFrame(tick);
          }),
        { seconds, action },
      );

    // Play from the middle of the run, where 1,000 tasks wait in the heap and the queue.
    await page.locator('[data-control=speed]').selectOption('8');
    await page.evaluate(
      (step) => {
        const input = document.querySelector('[data-control=scrubber]');
        input.value = String(step);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      },
      Math.floor(length / 3),
    );
    await page.keyboard.press('Space');
    const playing = await frameTimes(5, 'play');
    await page.keyboard.press('Space');
    const scrubbing = await frameTimes(3, 'scrub');
    return { firstOpenMs, reopenMs, runMs, length, playing, scrubbing };
  } finally {
    await web.close();
  }
}

/** Prints the longest main-thread task in the page while each huge input is opened. */
async function measureLargeInputs() {
  const web = await openWebEdition({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
  const { page, idle } = web;
  // Every task over 50 ms the page's main thread runs, as Chromium reports it.
  await page.addInitScript(() => {
    globalThis.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) globalThis.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  /** Runs `action`, waits for the page to settle, and records the longest task meanwhile. */
  const measure = async (label, action) => {
    await page.evaluate(() => (globalThis.__longTasks = []));
    const started = performance.now();
    await action();
    await idle();
    // The frame after the work: a task that drew what was loaded ends before it.
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 200))),
    );
    const tasks = await page.evaluate(() => globalThis.__longTasks);
    const notice = await page
      .locator('[data-status=notice], [data-status=outcome]')
      .allInnerTexts();
    const result = {
      label,
      longest: Math.max(0, ...tasks),
      over: tasks.filter((d) => d > 200).length,
      seconds: (performance.now() - started) / 1000,
      notice: notice.join(' / ').replace(/\s+/g, ' ').slice(0, 140),
    };
    console.log(
      `${label}: longest main-thread task ${ms(result.longest)} (aim: none over 200 ms; ` +
        `${result.over} were), done in ${result.seconds.toFixed(1)} s; says: ${result.notice || '(nothing)'}`,
    );
  };
  const setCode = async (code) => {
    await page.locator('.cm-content').click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(code);
  };
  /** Playwright hands the page at most 50 MB as a buffer, slowly: files go by path. */
  const withFile = async (name, text, use) => {
    // A folder of its own, so that the page sees the file under its own name.
    const folder = mkdtempSync(join(tmpdir(), 'loopscope-bench-'));
    const path = join(folder, name);
    writeFileSync(path, text);
    try {
      await use(path);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  };
  /** Waits until the app is idle, saying "discard" when it asks whether to replace edited code. */
  const settle = async () => {
    await page.waitForFunction(
      () => /idle|asking/.test(document.documentElement.dataset.state),
      null,
      {
        timeout: 600_000,
      },
    );
    if ((await page.locator('html').getAttribute('data-state')) === 'asking') {
      await page.locator('[data-control=replace-discard]').click();
    }
    await idle();
  };
  const openTrace = (name, text) =>
    withFile(name, text, async (path) => {
      await page.locator('[data-control=trace-file]').setInputFiles(path);
      await page
        .locator('[data-status=notice]', { hasText: 'Opening' })
        .waitFor({ timeout: 60_000 });
      await settle();
      await page
        .locator('[data-status=notice]', { hasText: `Replaying the trace ${name}` })
        .waitFor({ timeout: 600_000 });
    });
  try {
    await web.open();
    const lesson = hugeLesson();
    await measure(`a ${(lesson.length / 2 ** 20).toFixed(1)} MB lesson`, async () => {
      await page.locator('[data-control=open-menu]').click();
      const chooser = page.waitForEvent('filechooser');
      await page.locator('[data-control=open-lesson]').click();
      await withFile('huge.en.md', lesson, async (path) => (await chooser).setFiles(path));
      await settle();
      await page
        .locator('[data-control=lesson] option:checked', { hasText: 'A very long lesson' })
        .waitFor({ state: 'attached', timeout: 300_000 });
    });
    await measure('a run printing 16 MB', async () => {
      await setCode(HUGE_OUTPUT);
      await page.locator('[data-control=run]').click();
      await idle();
      await page.keyboard.press('End');
    });
    await measure('a run with 100,000 tasks', async () => {
      await setCode(HUNDRED_THOUSAND_TASKS);
      await page.locator('[data-control=run]').click();
      await idle();
      await page.keyboard.press('End');
    });
    const events = longTrace(1_000_000);
    await measure('a 1,000,000-event trace (JSON Lines)', () =>
      openTrace('million.jsonl', traceAsJsonLines(events)),
    );
    await measure('a 1,000,000-event replay file', () =>
      openTrace('million.loopscope.json', traceAsReplayFile(events)),
    );
    await measure('a 1,000,000-event trace as one flat JSON array', () =>
      openTrace('flat.json', JSON.stringify(events)),
    );
  } finally {
    await web.close();
  }
}

function describeFrames(label, deltas) {
  const over = deltas.filter((d) => d > 2 * FRAME_MS).length;
  const mean = deltas.reduce((a, b) => a + b, 0) / Math.max(1, deltas.length);
  console.log(
    `${label}: ${(1000 / mean).toFixed(1)} fps, frame p95 ${ms(percentile(deltas, 95))}, ` +
      `max ${ms(Math.max(...deltas))}, ${over} of ${deltas.length} frames over 33 ms`,
  );
}

export async function benchRenderer() {
  await measureLargeInputs();
  if (process.argv.includes('--large-only')) return;
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', SELF, '--replay'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const replay = JSON.parse(output.trim().split('\n').at(-1));
  console.log(
    `trace: ${replay.events} events, ${replay.tasks} tasks; indexed in ${ms(replay.indexMs)}, ${replay.snapshots} snapshots`,
  );
  console.log(
    `seek to a random step: mean ${ms(replay.seekMean)}, p95 ${ms(replay.seekP95)}, max ${ms(replay.seekMax)} ` +
      `(aim: under ${ms(FRAME_MS)})`,
  );
  console.log(
    `seek in a synthetic ${replay.longEvents}-event trace: p95 ${ms(replay.longSeekP95)}, ` +
      `max ${ms(replay.longSeekMax)} (aim: under ${ms(FRAME_MS)})`,
  );
  console.log(
    `seek and derive every view's data: p95 ${ms(replay.frameP95)}, max ${ms(replay.frameMax)}`,
  );
  console.log(
    `memory: the events ${replay.eventsMb.toFixed(1)} MB, the replay model on top ${replay.replayMb.toFixed(1)} MB`,
  );

  const browser = await measureBrowser();
  console.log(
    `web edition: first scenario ready to play ${ms(browser.firstOpenMs)} after opening (cold), ` +
      `${ms(browser.reopenMs)} on reopening`,
  );
  console.log(
    `1,000-task scenario: run and streamed in ${ms(browser.runMs)} (${browser.length} events)`,
  );
  describeFrames('playing it at 8x (aim: 60 fps, no frame over 33 ms)', browser.playing);
  describeFrames('scrubbing it, a random step every frame', browser.scrubbing);
}

if (process.argv.includes('--replay')) {
  console.log(JSON.stringify(await measureReplay()));
  process.exit(0);
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const { register } = await import('tsx/esm/api');
  register();
  await benchRenderer();
  process.exit(0);
}
