import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './tests/chromium-args.ts';

/**
 * The web edition in headless Chromium: one browser, one worker, one page shared by the tests
 * (see tests/e2e/fixtures.ts). The global setup builds the site if needed and serves it.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    viewport: { width: 1600, height: 900 },
    launchOptions: {
      // Debian's Chromium (Playwright cannot download browsers here); CHROMIUM_PATH overrides.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
});
