/**
 * Hostile lessons against the desktop app's engine: Python that attacks the app (reads or
 * writes the user's files, starts processes, reaches the network, escapes into JavaScript,
 * floods the trace, forges engine messages). Each must fail harmlessly with a clear message,
 * and the engine must keep working.
 *
 * The lessons run as in the app: the real engine page and worker (in headless Chromium,
 * under the app's engine CSP and cross-origin isolation), behind the real main-process
 * `EngineHost` behind the app page's engine calls (`createEngineCalls`), which validate every
 * message. What each lesson must do is in its header (lessons.ts). Whatever the lesson, its
 * output must never say "LEAKED", a server on another origin (the lessons get its address as
 * their input and try to reach it) must not be contacted at all, a plain program must run
 * correctly right after, and the runs after a lesson that tries to outlive its run must be
 * untouched.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { EngineStatus } from '../../src-shared/api.ts';
import type { Budgets, TraceEvent } from '../../src-shared/trace.ts';
import { validateTrace } from '../../src-shared/trace-validate.ts';
import {
  createEngineCalls,
  EngineHost,
  type EnginePage,
  type EnginePageHandlers,
} from '../../src-main/engine-host.ts';
import {
  CANARY,
  CANARY_OUTPUT,
  createTally,
  describeTally,
  expectContained,
  readHostileLessons,
  visibleText,
} from './lessons.ts';
import {
  startRecordingServer,
  startStaticServer,
  type RecordingServer,
  type StaticServer,
} from './static-server.ts';

const here = fileURLToPath(new URL('.', import.meta.url));

/** The engine pages open now (the host replaces one that failed), to list their workers. */
const enginePages = new Set<Page>();
const liveWorkers = () => [...enginePages].flatMap((p) => p.workers());

/** The app's engine window, played by a Chromium page. */
function createBrowserEnginePage(
  browser: Browser,
  origin: string,
  handlers: EnginePageHandlers,
): EnginePage {
  let page: Page | null = null;
  let destroyed = false;
  const opened = (async () => {
    const context = await browser.newContext();
    page = await context.newPage();
    enginePages.add(page);
    page.on('crash', () => handlers.gone('its process ended (crashed)'));
    page.on('console', (message) => {
      if (message.type() === 'error') console.log(`[engine page] ${message.text()}`);
    });
    await page.exposeFunction('hostStatus', (status: unknown) => handlers.status(status));
    await page.exposeFunction('hostEvents', (runId: unknown, events: unknown) =>
      handlers.events(runId, events),
    );
    await page.exposeFunction('hostRunFailed', (runId: unknown, message: unknown) =>
      handlers.runFailed(runId, message),
    );
    await page.goto(`${origin}/index.html`);
    return page;
  })();
  opened.catch(
    (error: unknown) => !destroyed && handlers.gone(`it did not load (${String(error)})`),
  );
  const call = (name: 'deliverRun' | 'deliverStop', ...args: unknown[]) =>
    void opened
      .then((p) =>
        p.evaluate(
          ([fn, values]) =>
            (window as unknown as Record<string, (...a: unknown[]) => void>)[fn]?.(...values),
          [name, args] as [string, unknown[]],
        ),
      )
      .catch(() => {});
  return {
    run: (runId, request) => call('deliverRun', runId, request),
    stop: (runId) => call('deliverStop', runId),
    destroy: () => {
      destroyed = true;
      void opened
        .then((p) => {
          enginePages.delete(p);
          return p.context().close();
        })
        .catch(() => {});
    },
  };
}

interface Harness {
  host: EngineHost;
  calls: ReturnType<typeof createEngineCalls>;
  server: StaticServer;
  /** Another origin, which the lessons try to reach. */
  target: RecordingServer;
  statuses: EngineStatus[];
  run(
    code: string,
    options?: { stdin?: string; budgets?: Partial<Budgets> },
  ): Promise<TraceEvent[]>;
}

async function createHarness(browser: Browser): Promise<Harness> {
  const server = await startStaticServer(join(here, '../../dist/hostile'));
  const target = await startRecordingServer();
  const statuses: EngineStatus[] = [];
  const traces = new Map<string, TraceEvent[]>();
  const waiting = new Map<string, (events: TraceEvent[]) => void>();
  const host = new EngineHost({
    createPage: (handlers) => createBrowserEnginePage(browser, server.origin, handlers),
    log: (message) => console.log(`[engine host] ${message}`),
  });
  host.onStatus((status) => statuses.push(status));
  // The app page's engine calls, as src-main/engine.ts puts them over the host.
  const calls = createEngineCalls(host, {
    sendEvents: (runId, events) => {
      const all = [...(traces.get(runId) ?? []), ...events];
      traces.set(runId, all);
      if (all.at(-1)?.kind === 'run.end') waiting.get(runId)?.(all);
    },
  });
  host.start();
  return {
    host,
    calls,
    server,
    target,
    statuses,
    run: (code, options = {}) => {
      const runId = calls.run({
        code,
        filename: 'lesson.py',
        ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
        ...(options.budgets ? { budgets: options.budgets } : {}),
      });
      return new Promise((resolve) => waiting.set(runId, resolve));
    },
  };
}

let harness: Harness;

test.beforeAll(async ({ browser }) => {
  harness = await createHarness(browser);
});

test.afterAll(async () => {
  harness.calls.close();
  await harness.server.close();
  await harness.target.close();
});

test('the engine starts in the sandboxed page and runs a plain program', async () => {
  const started = performance.now();
  const events = await harness.run(CANARY);
  console.log(
    `first run, including the engine's start: ${Math.round(performance.now() - started)} ms`,
  );
  expect(validateTrace(events).at(-1)).toMatchObject({ kind: 'run.end', outcome: 'completed' });
  expect(visibleText(events)).toContain(CANARY_OUTPUT);
  expect(harness.host.status).toMatchObject({
    state: 'ready',
    python: expect.stringMatching(/^3\.14/),
  });
});

const tally = createTally();

for (const lesson of readHostileLessons()) {
  test(`hostile lesson ${lesson.file} fails harmlessly`, async () => {
    test.setTimeout(test.info().timeout + lesson.residentFor * 1000);
    await expectContained(
      lesson,
      harness.run,
      `${harness.target.origin}/exfil/${lesson.file}`,
      tally,
      liveWorkers,
    );
    expect(harness.target.contacts).toEqual([]);
    expect(harness.server.requests.filter((path) => path.startsWith('/exfil'))).toEqual([]);
  });
}

test.afterAll(() => console.log(describeTally('desktop engine page behind EngineHost', tally)));
