/**
 * Hostile lessons against the web edition: the same lessons (lessons.ts), run through the
 * web edition's `window.loopscope` as its renderer runs programs, on the site as
 * `scripts/web.mjs` serves it (its CSP and cross-origin isolation). Each must fail harmlessly
 * with a clear message, reach no other origin, and leave the engine working.
 */
import { expect, test, type Page } from '@playwright/test';
import type { TraceEvent } from '../../src-shared/trace.ts';
import { validateTrace } from '../../src-shared/trace-validate.ts';
import { ensureBuilt } from '../../scripts/build-state.mjs';
import { startWebServer } from '../../scripts/web.mjs';
import {
  CANARY,
  CANARY_OUTPUT,
  readHostileLessons,
  runThroughApi,
  stdoutOf,
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

/**
 * The engine client ends a run whose worker failed before sending anything with a lone
 * `run.end` (seq 0), without the `run.start` a trace begins with. The desktop app's engine
 * host completes such a trace; the web edition passes it on as it is. Until the engine
 * client sends the `run.start` itself, such a trace is completed here, and the test says so.
 */
function completeKnownIssue(events: TraceEvent[]): TraceEvent[] {
  const [first] = events;
  if (events.length !== 1 || first?.kind !== 'run.end' || first.seq !== 0) return events;
  test.info().annotations.push({
    type: 'known issue',
    description:
      'the engine client sent a lone run.end without run.start (src-engine/core/engine-client.ts)',
  });
  const start: TraceEvent = {
    seq: 0,
    t: 0,
    kind: 'run.start',
    version: 1,
    python: '',
    file: '',
    source: '',
  };
  return [start, { ...first, seq: 1 }];
}

for (const lesson of readHostileLessons()) {
  test(`hostile lesson ${lesson.file} fails harmlessly in the web edition`, async () => {
    const started = performance.now();
    const trace = validateTrace(
      completeKnownIssue(
        await runThroughApi(page, {
          code: lesson.code,
          filename: 'lesson.py',
          stdin: `${target.origin}/exfil/${lesson.file}\n`,
          budgets: lesson.budgets,
        }),
      ),
    );
    const end = trace.at(-1);
    const text = visibleText(trace);
    console.log(
      `${lesson.file}: ${end?.kind === 'run.end' ? end.outcome : '?'} in ` +
        `${Math.round(performance.now() - started)} ms — ${text.trim().split('\n').at(-1)?.slice(0, 160)}`,
    );
    expect(end).toMatchObject({ kind: 'run.end', outcome: lesson.outcome });
    expect(text).toMatch(lesson.message);
    expect(stdoutOf(trace)).not.toContain('LEAKED');
    expect(target.contacts).toEqual([]);

    const after = validateTrace(await runThroughApi(page, { code: CANARY, filename: 'canary.py' }));
    expect(after.at(-1)).toMatchObject({ kind: 'run.end', outcome: 'completed' });
    expect(visibleText(after)).toContain(CANARY_OUTPUT);
  });
}
