// The web edition's engine (`npm run bench web-engine`), in headless Chromium on the site as
// `npm run web` serves it: the time from opening the page to the first scenario ready to play
// (a first visit, then a reopening), and how long a run waits for its engine, run after run.
import { openWebEdition } from './web-in-chromium.mjs';

const REOPEN_AIM_MS = 1500;
const TINY =
  'import asyncio\nasync def main():\n    await asyncio.sleep(1)\n    print("ok")\nasyncio.run(main())\n';

const ms = (value) => `${Math.round(value)} ms`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/**
 * Runs `count` programs through the page's `window.loopscope`, `pauseMs` apart, as a user
 * clicking Run would; for each, the milliseconds from the request to its first event (the
 * wait for an engine) and to its `run.end`.
 */
function measureRuns(page, count, pauseMs) {
  return page.evaluate(
    async ({ code, count, pauseMs }) => {
      const api = window.loopscope;
      const results = [];
      for (let i = 0; i < count; i++) {
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
        const started = performance.now();
        let first = 0;
        let runId = null;
        const early = [];
        await new Promise((resolve) => {
          const take = (batch) => {
            first ||= performance.now() - started;
            if (batch.at(-1)?.kind === 'run.end') {
              unsubscribe();
              results.push({ first, end: performance.now() - started });
              resolve();
            }
          };
          const unsubscribe = api.engine.onEvents((id, batch) => {
            if (runId === null) early.push([id, batch]);
            else if (id === runId) take(batch);
          });
          void api.engine.run({ code, filename: 'main.py' }).then((id) => {
            runId = id;
            for (const [earlyId, batch] of early) if (earlyId === id) take(batch);
          });
        });
      }
      return results;
    },
    { code: TINY, count, pauseMs },
  );
}

export async function benchWebEngine() {
  // A new context: empty storage and HTTP cache, as on a first visit.
  const web = await openWebEdition({ viewport: { width: 1280, height: 720 } });
  const { page, idle } = web;
  try {
    let started = performance.now();
    await web.open();
    const firstMs = performance.now() - started;
    // Let the page keep what it keeps (the snapshot is stored in the background).
    await page.waitForTimeout(2000);
    const reopens = [];
    for (let i = 0; i < 3; i++) {
      started = performance.now();
      await page.reload();
      await idle();
      reopens.push(performance.now() - started);
    }
    console.log(`web edition, first visit to the first scenario ready to play: ${ms(firstMs)}`);
    console.log(
      `web edition, reopening (median of 3): ${ms(median(reopens))}   aim ≤ ${REOPEN_AIM_MS} ms`,
    );

    await page.waitForTimeout(1000);
    for (const pauseMs of [1000, 0]) {
      const runs = await measureRuns(page, 8, pauseMs);
      const label = pauseMs ? `${pauseMs} ms apart, as clicks` : 'back to back';
      console.log(
        `runs ${label}: wait for the engine (request to first event) median ${ms(median(runs.map((r) => r.first)))}, ` +
          `max ${ms(Math.max(...runs.map((r) => r.first)))}; request to run.end median ${ms(median(runs.map((r) => r.end)))}`,
      );
    }
  } finally {
    await web.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchWebEngine();
  process.exit(0);
}
