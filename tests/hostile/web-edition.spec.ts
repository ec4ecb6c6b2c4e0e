/**
 * Hostile lessons against the web edition: the same lessons (lessons.ts), run through the
 * web edition's `window.loopscope` as its renderer runs programs, on the site as
 * `scripts/web.mjs` serves it (its CSP and cross-origin isolation). Each must fail harmlessly
 * with a clear message, reach no other origin, and leave the engine working; the runs after a
 * lesson that tries to outlive its run must be untouched, and the tab alive.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { validateTrace } from '../../src-shared/trace-validate.ts';
import { buildRenderer } from '../../scripts/build-renderer.mjs';
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

const BUILT = fileURLToPath(new URL('../../dist/renderer/src-web/index.html', import.meta.url));

let page: Page;
let site: { url: string; close(): Promise<unknown> };
let target: RecordingServer;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(300_000);
  if (!existsSync(BUILT)) await buildRenderer();
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

const tally = createTally();

for (const lesson of readHostileLessons()) {
  test(`hostile lesson ${lesson.file} fails harmlessly in the web edition`, async () => {
    test.setTimeout(test.info().timeout + lesson.residentFor * 1000);
    await expectContained(
      lesson,
      (code, options = {}) => runThroughApi(page, { code, filename: 'lesson.py', ...options }),
      `${target.origin}/exfil/${lesson.file}`,
      tally,
    );
    expect(target.contacts).toEqual([]);
  });
}

test.afterAll(() => console.log(describeTally('web edition', tally)));
