/**
 * The hostile-lesson suite: lesson code that attacks the app, run by the real engine page and
 * worker in headless Chromium, with the real main-process `EngineHost` on the other side.
 * Run with `npx playwright test -c tests/hostile/playwright.config.ts` (hostile.spec.ts: the
 * desktop app's engine page and engine host; web-edition.spec.ts: the web edition).
 */
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from '../chromium-args.ts';

/** The system's Chromium where there is one (this build machine); else Playwright's own. */
const chromium =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  globalSetup: './global-setup.ts',
  // A lesson that floods the trace streams 500,000 events to the host and, in the web edition,
  // to the page's renderer: on a loaded two-core machine, that alone can take two minutes.
  timeout: 240_000,
  workers: 1,
  reporter: [['list']],
  outputDir: '../../test-results/hostile',
  use: {
    browserName: 'chromium',
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: CHROMIUM_ARGS,
    },
  },
});
