/**
 * The one helper the Electron end-to-end tests go through: it finds the Electron binary (or
 * says why there is none), launches the app with a user-data folder of its own, and waits for
 * the app window and its engine to be ready, never on sleeps.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  _electron as electron,
  expect,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import type { EngineStatus, LoopscopeApi } from '../../src-shared/api.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The Electron binary, or null with the reason it cannot be used. It is found as
 * `require('electron')` finds it (node_modules/electron/path.txt, then dist/), but without
 * requiring the package: since Electron 45 that starts a download when the binary is missing.
 */
export function findElectron(): { path: string | null; reason: string } {
  const howTo =
    'Install it with `npm install` (with install scripts), then run `npm run test:electron`.';
  let folder: string;
  try {
    folder = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { path: null, reason: `the electron package is not installed. ${howTo}` };
  }
  const pathFile = join(folder, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override
    ? join(override, name ?? 'electron')
    : name
      ? join(folder, 'dist', name)
      : null;
  if (binary && existsSync(binary)) return { path: binary, reason: '' };
  return {
    path: null,
    reason:
      'the Electron binary is not installed (node_modules/electron/dist is missing: npm install ran with ' +
      `--ignore-scripts, or Electron could not be downloaded). ${howTo}`,
  };
}

export interface LaunchedApp {
  app: ElectronApplication;
  /** The app window's page. */
  page: Page;
  userData: string;
}

export async function launchApp(
  options: { args?: string[]; userData?: string } = {},
): Promise<LaunchedApp> {
  const userData = options.userData ?? (await mkdtemp(join(tmpdir(), 'loopscope-e2e-')));
  const { path: executablePath, reason } = findElectron();
  if (!executablePath) throw new Error(reason);
  const app = await electron.launch({
    executablePath,
    args: [REPO, ...(options.args ?? [])],
    cwd: REPO,
    env: { ...process.env, LOOPSCOPE_USER_DATA_DIR: userData, ELECTRON_ENABLE_LOGGING: '1' },
  });
  const page = await appWindow(app);
  await page.waitForFunction(() => 'loopscope' in window);
  return { app, page, userData };
}

/** The app window (the engine's hidden window is a window too). */
async function appWindow(app: ElectronApplication): Promise<Page> {
  const isApp = (page: Page) => page.url().includes('/src-renderer/index.html');
  const found = app.windows().find(isApp);
  if (found) return found;
  return app.waitForEvent('window', { predicate: isApp });
}

/** Waits until the engine is ready, the app's idle signal for running programs. */
export async function waitForEngine(page: Page): Promise<EngineStatus> {
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          (window as unknown as { loopscope: LoopscopeApi }).loopscope.engine.status(),
        ),
      {
        timeout: 60_000,
      },
    )
    .toMatchObject({ state: 'ready' });
  return page.evaluate(() =>
    (window as unknown as { loopscope: LoopscopeApi }).loopscope.engine.status(),
  );
}

export function outputOf(events: TraceEvent[]): string {
  return events.map((event) => (event.kind === 'output' ? event.text : '')).join('');
}
