/**
 * Huge inputs open and the page keeps responding: a lesson at the size limit, a run printing
 * its whole output budget, 100,000 tasks, and a million-event trace in both file formats. The
 * page counts the frames it draws while it is busy with them: a page frozen by one long task
 * draws none. How long each takes is the benchmark's to say (`npm run bench renderer`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  HUGE_OUTPUT,
  HUNDRED_THOUSAND_TASKS,
  hugeLesson,
  longTrace,
  traceAsJsonLines,
  traceAsReplayFile,
} from '../../scripts/large-inputs.mjs';
import { expect, test, type LoopscopeApp } from './fixtures.ts';

test.describe.configure({ timeout: 600_000 });

test.beforeEach(async ({ app }) => {
  await app.setLanguage('en');
  await app.chooseLesson('create-task');
  await app.page.evaluate(() => {
    const counter = globalThis as typeof globalThis & {
      busyFrames?: number;
      longestBusyGap?: number;
    };
    // One counter for the page's life: it counts the frames drawn while the app is busy, and
    // the longest wait for a frame then (a page frozen by one long task waits as long).
    if (counter.busyFrames === undefined) {
      let last = performance.now();
      const tick = (now: number) => {
        if (document.documentElement.dataset.state !== 'idle') {
          counter.busyFrames = (counter.busyFrames ?? 0) + 1;
          counter.longestBusyGap = Math.max(counter.longestBusyGap ?? 0, now - last);
        }
        last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }
    counter.busyFrames = 0;
    counter.longestBusyGap = 0;
  });
});

function busyFrames(app: LoopscopeApp): Promise<number> {
  return app.page.evaluate(
    () => (globalThis as typeof globalThis & { busyFrames?: number }).busyFrames ?? 0,
  );
}

/** The page drew frames while it worked, and still answers a click. */
async function expectResponsive(app: LoopscopeApp): Promise<void> {
  expect(await busyFrames(app)).toBeGreaterThan(5);
  await app.control('settings-menu').click();
  await expect(app.control('language')).toBeVisible();
  await app.control('settings-menu').click();
  await expect(app.control('language')).toBeHidden();
}

/** A screenshot at a classroom projector's 1280×720, the shared page's size kept after it. */
async function screenshotAt720(app: LoopscopeApp, name: string): Promise<void> {
  const size = app.page.viewportSize();
  await app.page.setViewportSize({ width: 1280, height: 720 });
  try {
    await app.screenshot(name);
  } finally {
    if (size) await app.page.setViewportSize(size);
  }
}

/** Hands the page a file by path: Playwright passes no buffer over 50 MB. */
async function openTraceFile(app: LoopscopeApp, name: string, text: string): Promise<void> {
  // A folder of its own, so that the page sees the file under its own name.
  const folder = mkdtempSync(join(tmpdir(), 'loopscope-e2e-'));
  const path = join(folder, name);
  writeFileSync(path, text);
  try {
    await app.control('trace-file').setInputFiles(path);
    const status = app.view('status').locator('[data-status=notice]');
    await expect(status).toContainText(`Opening the trace ${name}`);
    await app.settle();
    await expect(status).toContainText(`Replaying the trace ${name}`, { timeout: 300_000 });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

test('a lesson at the 5 MB limit opens, the page drawing as it is parsed', async ({ app }) => {
  const lesson = hugeLesson();
  await app.control('open-menu').click();
  const chooser = app.page.waitForEvent('filechooser');
  await app.control('open-lesson').click();
  await (
    await chooser
  ).setFiles({ name: 'huge.en.md', mimeType: 'text/markdown', buffer: Buffer.from(lesson) });
  await app.settle();
  await expect(app.control('lesson').locator('option:checked')).toHaveText('A very long lesson');
  await expect(app.view('code')).toContainText("create_task(greet('report')");
  await expectResponsive(app);
});

test('16 MB of output: the console shows its end and says the rest is not shown', async ({
  app,
}) => {
  await app.setCode(HUGE_OUTPUT);
  await app.run();
  await app.press('End');
  const console = app.view('console');
  await expect(console.locator('[data-status=console-hidden]')).toContainText(
    /Not shown: \d+ lines printed earlier/,
  );
  // The window holds the newest output only: a few dozen kilobytes, not megabytes.
  const shown = (await app.consoleText()).length;
  expect(shown).toBeGreaterThan(1000);
  expect(shown).toBeLessThanOrEqual(64 * 1024);
  await screenshotAt720(app, 'large-inputs-16mb-output');
  await expectResponsive(app);
});

test('100,000 tasks run and replay, the page drawing as they stream', async ({ app }) => {
  await app.setCode(HUNDRED_THOUSAND_TASKS);
  await app.control('run').click();
  await app.idle(300_000);
  const outcome = app.view('status').locator('[data-status=outcome]');
  await expect(outcome).toBeVisible();
  await app.press('End');
  await expect(app.view('tasks')).toContainText(/\d{2,3},?\d{3} tasks/);
  await screenshotAt720(app, 'large-inputs-100k-tasks');
  await expectResponsive(app);
  await app.press('Home');
  await app.press('ArrowRight');
  await expect(app.control('scrubber')).not.toHaveValue('0');
});

test('a million-event trace from the command line (JSON Lines) opens in slices', async ({
  app,
}) => {
  await openTraceFile(app, 'million.jsonl', traceAsJsonLines(longTrace(1_000_000)));
  await expectResponsive(app);
  await app.press('End');
  await expect(app.view('console')).toContainText('142843');
});

test('a million-event replay file opens in slices', async ({ app }) => {
  await openTraceFile(app, 'million.loopscope.json', traceAsReplayFile(longTrace(1_000_000)));
  await expectResponsive(app);
  await app.press('End');
  await expect(app.view('console')).toContainText('142843');
});

test('a replay written as one flat JSON document is read off the page: no long freeze', async ({
  app,
}) => {
  // One JSON.parse of the whole file, on the page, held it for seconds.
  const events = longTrace(1_000_000);
  await openTraceFile(app, 'flat.json', JSON.stringify(events));
  await expectResponsive(app);
  const longest = await app.page.evaluate(
    () => (globalThis as typeof globalThis & { longestBusyGap?: number }).longestBusyGap ?? 0,
  );
  // Frames came at least every two seconds (the page alone waited 4.6 s for one such parse).
  expect(longest).toBeLessThan(2000);
  await app.press('End');
  await expect(app.view('console')).toContainText('142843');
});
