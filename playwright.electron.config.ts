/**
 * The Electron end-to-end tests (tests/e2e-electron/), with Playwright's `_electron`.
 * They need the Electron binary: where it is not installed (this build machine, where
 * `npm install` ran with --ignore-scripts) every test is skipped with the reason.
 * Run with `npm run test:electron` (under `xvfb-run -a` on a Linux machine without a display).
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './tests/e2e-electron',
  testMatch: /.*\.spec\.ts$/,
  globalSetup: './tests/e2e-electron/global-setup.ts',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report/electron' }]]
    : [['list']],
  outputDir: 'test-results/electron',
  use: { trace: 'retain-on-failure' },
});
