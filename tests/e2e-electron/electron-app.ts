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
/** Screenshots, uploaded by CI with the browser suite's. */
export const ARTIFACTS = join(REPO, 'tests/artifacts');

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

/** Waits until the app is idle: nothing loading, running or playing (`<html data-state>`). */
export async function waitForIdle(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-state', 'idle', { timeout: 90_000 });
}

/**
 * Chooses a menu item as the user does, found by its accelerator (the same in every language)
 * in the application menu that main built, and clicked through Electron's Menu API.
 */
export async function chooseMenuItem(app: ElectronApplication, accelerator: string): Promise<void> {
  await app.evaluate(({ BrowserWindow, Menu }, accelerator) => {
    type Item = Electron.MenuItem;
    const find = (items: Item[]): Item | null => {
      for (const item of items) {
        if (item.accelerator === accelerator) return item;
        const inner = item.submenu ? find(item.submenu.items) : null;
        if (inner) return inner;
      }
      return null;
    };
    const item = find(Menu.getApplicationMenu()?.items ?? []);
    if (!item) throw new Error(`the menus have no item for ${accelerator}`);
    const window = BrowserWindow.getAllWindows().find((w) => w.isVisible());
    item.click(undefined, window, window?.webContents);
  }, accelerator);
}

/** Answers the next "Open" dialogs in main with `path`, as the user choosing that file. */
export async function answerOpenDialog(app: ElectronApplication, path: string): Promise<void> {
  await app.evaluate(({ dialog }, path) => {
    dialog.showOpenDialog = (async () => ({
      canceled: false,
      filePaths: [path],
    })) as typeof dialog.showOpenDialog;
  }, path);
}

/** Answers the next "Save" dialogs in main with `path`, as the user choosing that file. */
export async function answerSaveDialog(app: ElectronApplication, path: string): Promise<void> {
  await app.evaluate(({ dialog }, path) => {
    dialog.showSaveDialog = (async () => ({
      canceled: false,
      filePath: path,
    })) as typeof dialog.showSaveDialog;
  }, path);
}

/**
 * Quits the app. With unsaved edits, closing the window asks first (a native dialog): the
 * user answers "Close Without Saving", their draft being kept.
 */
export async function quitApp(app: ElectronApplication): Promise<void> {
  await app
    .evaluate(({ dialog }) => {
      dialog.showMessageBox = (async () => ({
        response: 0,
        checkboxChecked: false,
      })) as typeof dialog.showMessageBox;
    })
    .catch(() => {});
  await app.close();
}

export function outputOf(events: TraceEvent[]): string {
  return events.map((event) => (event.kind === 'output' ? event.text : '')).join('');
}
