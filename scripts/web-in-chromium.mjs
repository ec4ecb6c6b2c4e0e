// The web edition as the benchmarks open it: built when its build is older than its sources,
// served by scripts/web.mjs on a free port, and a page of headless Chromium (the system's, or
// CHROMIUM_PATH) to open it in.

/**
 * Starts the server and the browser, and opens a page with `contextOptions` (a new context:
 * empty storage and HTTP cache, as on a first visit). `open()` loads the site and waits until
 * its first scenario is ready to play, `idle()` until the page is idle again; `close()` ends
 * the browser and the server.
 */
export async function openWebEdition(contextOptions = {}) {
  const { chromium } = await import('playwright-core');
  const { ensureBuilt } = await import('./build-state.mjs');
  const { startWebServer } = await import('./web.mjs');
  await ensureBuilt('renderer');
  const server = await startWebServer({ port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  const page = await (await browser.newContext(contextOptions)).newPage();
  const idle = () =>
    page.waitForFunction(() => document.documentElement.dataset.state === 'idle', null, {
      timeout: 120_000,
    });
  return {
    page,
    idle,
    async open() {
      await page.goto(server.url);
      await idle();
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
