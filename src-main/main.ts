/**
 * The Electron main process: it only puts the features together. Each feature lives in its
 * own module (`setupX()`); docs/architecture.md explains the processes and their security.
 */
import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import type { Language, MenuCommand } from '../src-shared/api.ts';
import { COURSE_DIR, MAIN_BUNDLES, RENDERER_DIR } from '../src-shared/build-paths.mjs';
import { APP_CSP } from '../src-shared/security-headers.mjs';
import { languageFromLocale } from '../src-shared/i18n/translate.ts';
import { appInfo, showAbout } from './about.ts';
import { registerAppScheme, setupAppProtocol } from './app-protocol.ts';
import { createAppWindow } from './app-window.ts';
import { setupDrafts } from './drafts.ts';
import { lessonPathsFromArgv } from './command-line.ts';
import { setupEngine } from './engine.ts';
import { createSnapshotStore, snapshotKey } from './engine-snapshot.ts';
import { handleAppInvoke } from './ipc-handlers.ts';
import { INVOKE, PUSH } from './ipc-channels.ts';
import { setupLessons } from './lessons.ts';
import { setupMenu } from './menu.ts';
import { lockDownSession, setupSecurity } from './security.ts';
import { setupSettings } from './settings.ts';
import { loadSettingsStore } from './settings-store.ts';
import { claimSingleInstance } from './single-instance.ts';

// Before anything else: every renderer sandboxed, and the app's scheme privileged.
app.enableSandbox();
registerAppScheme();

// End-to-end tests run the app with a user-data folder of their own.
const userDataOverride = process.env.LOOPSCOPE_USER_DATA_DIR;
if (userDataOverride) app.setPath('userData', userDataOverride);

const developer = !app.isPackaged;
const launchPaths = lessonPathsFromArgv(process.argv, {
  packaged: app.isPackaged,
  cwd: process.cwd(),
});
/** Paths handed over before the window can take them ("Open with" on macOS, a second launch). */
const earlyPaths: string[] = [...launchPaths];
let openPaths: (paths: string[]) => void = (paths) => earlyPaths.push(...paths);
let focusWindow: () => void = () => {};

const onSecondInstance = (paths: string[]) => {
  focusWindow();
  openPaths(paths);
};
if (!claimSingleInstance(launchPaths, onSecondInstance)) {
  app.quit();
} else {
  setupSecurity();
  app.on('will-finish-launching', () => {
    app.on('open-file', (event, path) => {
      event.preventDefault();
      openPaths([path]);
    });
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error(error);
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const root = join(app.getAppPath(), RENDERER_DIR);
  const store = await loadSettingsStore({ file: join(app.getPath('userData'), 'settings.json') });
  const language = (): Language =>
    store.settings.language === 'system'
      ? languageFromLocale(app.getPreferredSystemLanguages()[0] ?? app.getLocale())
      : store.settings.language;

  lockDownSession(session.defaultSession);
  setupAppProtocol(session.defaultSession, { root, csp: APP_CSP });

  const appWindow = createAppWindow({
    store,
    preload: join(__dirname, MAIN_BUNDLES.preload),
    developer,
    language,
  });
  const { window } = appWindow;
  const appContents = () => (window.isDestroyed() ? null : window.webContents);
  const command = (name: MenuCommand) => appContents()?.send(PUSH.menuCommand, name);

  const engine = setupEngine({
    preload: join(__dirname, MAIN_BUNDLES.enginePreload),
    root,
    developer,
    appContents,
    snapshots: createSnapshotStore(
      join(app.getPath('userData'), 'engine'),
      await snapshotKey(root),
    ),
  });
  setupSettings({ store, appContents });
  const drafts = setupDrafts({ file: join(app.getPath('userData'), 'drafts.json'), appContents });
  let rebuildMenu = () => {};
  const lessons = setupLessons({
    store,
    lessonsDir: join(app.getAppPath(), COURSE_DIR),
    appWindow: () => (window.isDestroyed() ? null : window),
    appContents,
    language,
    onRecentChange: () => rebuildMenu(),
  });
  handleAppInvoke(INVOKE.appInfo, appContents, () => appInfo(engine.pythonVersion));

  rebuildMenu = setupMenu({
    developer,
    state: {
      language,
      presentation: () => store.settings.presentation,
      recent: () => lessons.recent(),
    },
    actions: {
      open: () => void lessons.openWithDialog('files'),
      openFolder: () => void lessons.openWithDialog('folder'),
      openRecent: (token) => void lessons.openRecent(token),
      clearRecent: () => lessons.clearRecent(),
      command,
      about: () =>
        void showAbout(window.isDestroyed() ? null : window, language(), engine.pythonVersion),
    },
  });
  store.onSettingsChange(() => rebuildMenu());

  window.webContents.on('did-start-loading', () => lessons.pageReloaded());
  focusWindow = () => {
    if (window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  };
  openPaths = (paths) => void lessons.openPaths(paths);
  openPaths(earlyPaths.splice(0));

  // The app has one window; the hidden engine window does not keep it running.
  window.on('closed', () => app.quit());
  // After every window closed (the close guard may have cancelled the quit before that):
  // stop the engine and write the settings and the last draft before the process ends.
  let flushed = false;
  app.on('will-quit', (event) => {
    if (flushed) return;
    event.preventDefault();
    engine.dispose();
    lessons.close();
    void Promise.all([store.flush(), drafts.flush()]).finally(() => {
      flushed = true;
      app.quit();
    });
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().every((w) => !w.isVisible())) focusWindow();
  });
}
