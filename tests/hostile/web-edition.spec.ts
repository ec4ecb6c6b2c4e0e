/**
 * Hostile lessons against the web edition: the same lessons (lessons.ts), run through the
 * web edition's `window.loopscope` as its renderer runs programs, on the site as
 * `scripts/web.mjs` serves it (its CSP and cross-origin isolation). Each must fail harmlessly
 * with a clear message, reach no other origin, and leave the engine working; the runs after a
 * lesson that tries to outlive its run must be untouched, and the tab alive.
 */
import { expect, test, type Page } from '@playwright/test';
import { validateTrace } from '../../src-shared/trace-validate.ts';
import { ensureBuilt } from '../../scripts/build-state.mjs';
import { startWebServer } from '../../scripts/web.mjs';
import {
  CANARY,
  CANARY_OUTPUT,
  createTally,
  describeTally,
  expectContained,
  readHostileLessons,
  runThroughApi,
  visibleText,
} from './lessons.ts';
import { startRecordingServer, type RecordingServer } from './static-server.ts';

let page: Page;
let site: { url: string; close(): Promise<unknown> };
let target: RecordingServer;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  await ensureBuilt('renderer');
  site = await startWebServer({ port: 0 });
  target = await startRecordingServer();
  page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') console.log(`[web edition] ${message.text()}`);
  });
  await page.goto(site.url);
  await page.waitForFunction(() => 'loopscope' in window);
});

test.afterAll(async () => {
  await page?.close();
  await site?.close();
  await target?.close();
});

test('the web edition runs a plain program', async () => {
  const events = validateTrace(await runThroughApi(page, { code: CANARY, filename: 'canary.py' }));
  expect(events.at(-1)).toMatchObject({ kind: 'run.end', outcome: 'completed' });
  expect(visibleText(events)).toContain(CANARY_OUTPUT);
});

/** The snapshot the web edition keeps in IndexedDB: its build, and its size. */
function readKeptSnapshot(): Promise<{ build: string; size: number } | null> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const opening = indexedDB.open('loopscope-engine');
        opening.onsuccess = () => {
          const db = opening.result;
          if (!db.objectStoreNames.contains('snapshots')) return resolve(null);
          const get = db.transaction('snapshots').objectStore('snapshots').get('interpreter');
          get.onsuccess = () => {
            const kept = get.result as { build: string; bytes: Blob } | undefined;
            resolve(kept ? { build: kept.build, size: kept.bytes.size } : null);
          };
        };
      }),
  );
}

test('the web edition keeps its snapshot under its build, and drops a forged one', async () => {
  // The page kept the snapshot its first worker made (written in the background).
  await expect.poll(readKeptSnapshot, { timeout: 30_000 }).toMatchObject({
    size: expect.any(Number),
  });
  const kept = await readKeptSnapshot();
  expect(kept?.size).toBeGreaterThan(1_000_000);
  // A forged snapshot under the same build: it does not load, and a new one replaces it.
  await page.evaluate(
    (build) =>
      new Promise<void>((resolve) => {
        const opening = indexedDB.open('loopscope-engine');
        opening.onsuccess = () => {
          const bytes = new Blob([new Uint8Array(64 * 1024).fill(0x66)]);
          const put = opening.result
            .transaction('snapshots', 'readwrite')
            .objectStore('snapshots')
            .put({ build, bytes }, 'interpreter');
          put.onsuccess = () => resolve();
        };
      }),
    kept?.build ?? '',
  );
  await page.reload();
  await page.waitForFunction(() => 'loopscope' in window);
  const events = validateTrace(await runThroughApi(page, { code: CANARY, filename: 'canary.py' }));
  expect(visibleText(events)).toContain(CANARY_OUTPUT);
  await expect
    .poll(async () => (await readKeptSnapshot())?.size, { timeout: 30_000 })
    .toBe(kept?.size);
});

const tally = createTally();

for (const lesson of readHostileLessons()) {
  test(`hostile lesson ${lesson.file} fails harmlessly in the web edition`, async () => {
    test.setTimeout(test.info().timeout + lesson.residentFor * 1000);
    await expectContained(
      lesson,
      (code, options = {}) => runThroughApi(page, { code, filename: 'lesson.py', ...options }),
      `${target.origin}/exfil/${lesson.file}`,
      tally,
      () => page.workers(),
    );
    expect(target.contacts).toEqual([]);
  });
}

test.afterAll(() => console.log(describeTally('web edition', tally)));
