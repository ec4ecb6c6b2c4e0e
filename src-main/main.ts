/**
 * The Electron main process. It only puts the features together, in the order Electron needs
 * them: each feature lives in its own module (`setupX()`, `createX()`); docs/architecture.md
 * explains the processes and their security.
 */
import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import type { Language } from '../src-shared/api.ts';
import { COURSE_DIR, MAIN_BUNDLES, RENDERER_DIR } from '../src-shared/build-paths.mjs';
import { APP_CSP } from '../src-shared/security-headers.mjs';
import { setupAbout } from './about.ts';
import { registerAppScheme, setupAppProtocol } from './app-protocol.ts';
import { createAppWindow, focusAppWindow, liveWindow } from './app-window.ts';
import { lessonPathsFromArgv } from './command-line.ts';
import { createDeliveryQueue, type DeliveryQueue } from './delivery-queue.ts';
import { setupDrafts } from './drafts.ts';
import { setupProgress } from './progress.ts';
import { setupEngine } from './engine.ts';
import { createSnapshotStore, snapshotKey } from './engine-snapshot.ts';
import { sendToApp } from './ipc-handlers.ts';
import { PUSH } from './ipc-channels.ts';
import { setupLessons } from './lessons.ts';
import { setupMenu } from './menu.ts';
import { lockDownSession, setupSecurity } from './security.ts';
import { languageOf, setupSettings } from './settings.ts';
import { loadSettingsStore } from './settings-store.ts';
import { claimSingleInstance } from './single-instance.ts';
import { dialogsFor } from './window-dialogs.ts';

// Before anything else: every renderer sandboxed, and the app's scheme privileged.
app.enableSandbox();
registerAppScheme();

const developer = !app.isPackaged;
/** The one app window, once it exists. */
let appWindow: BrowserWindow | null = null;

main();

function main(): void {
  // End-to-end tests run the app with a user-data folder of their own.
  const userDataOverride = process.env.LOOPSCOPE_USER_DATA_DIR;
  if (userDataOverride) app.setPath('userData', userDataOverride);

  const launchPaths = lessonPathsFromArgv(process.argv, {
    packaged: app.isPackaged,
    cwd: process.cwd(),
  });
  // Lesson paths wait here until the window can take them.
  const lessonPaths = createDeliveryQueue<string>();
  lessonPaths.post(...launchPaths);
  const onSecondInstance = (paths: string[]) => {
    if (appWindow) focusAppWindow(appWindow);
    lessonPaths.post(...paths);
  };
  if (!claimSingleInstance(launchPaths, onSecondInstance)) {
    app.quit();
    return;
  }
  setupSecurity();
  // "Open with" on macOS, at launch or later.
  app.on('will-finish-launching', () => {
    app.on('open-file', (event, path) => {
      event.preventDefault();
      lessonPaths.post(path);
    });
  });
  app.whenReady().then(
    () => onReady(lessonPaths),
    (error: unknown) => {
      console.error(error);
      app.exit(1);
    },
  );
}

async function onReady(lessonPaths: DeliveryQueue<string>): Promise<void> {
  const userData = app.getPath('userData');
  const root = join(app.getAppPath(), RENDERER_DIR);
  const store = await loadSettingsStore({ file: join(userData, 'settings.json') });
  const language = (): Language => languageOf(store.settings);

  lockDownSession(session.defaultSession);
  setupAppProtocol(session.defaultSession, { root, csp: APP_CSP });

  const window = createAppWindow({
    store,
    preload: join(__dirname, MAIN_BUNDLES.preload),
    developer,
    language,
  });
  appWindow = window;
  const appContents = () => liveWindow(window)?.webContents ?? null;
  const dialogs = dialogsFor(() => liveWindow(window));

  const engine = setupEngine({
    preload: join(__dirname, MAIN_BUNDLES.enginePreload),
    root,
    developer,
    appContents,
    snapshots: createSnapshotStore(join(userData, 'engine'), await snapshotKey(root)),
  });
  setupSettings({ store, appContents });
  setupProgress({ store, appContents });
  const drafts = setupDrafts({ file: join(userData, 'drafts.json'), appContents });
  const lessons = setupLessons({
    store,
    lessonsDir: join(app.getAppPath(), COURSE_DIR),
    appContents,
    dialogs,
    language,
    documents: () => app.getPath('documents'),
  });
  const about = setupAbout({ appContents, dialogs, language, python: () => engine.pythonVersion });

  setupMenu({
    developer,
    store,
    language,
    lessons,
    about: () => void about.show(),
    command: (name) => sendToApp(appContents, PUSH.menuCommand, name),
  });

  window.webContents.on('did-start-loading', () => lessons.pageReloaded());
  lessonPaths.deliverTo((paths) => void lessons.openPaths(paths));

  quitWithTheWindow(window);
  finishBeforeQuit(() => {
    engine.dispose();
    lessons.close();
    return Promise.all([store.flush(), drafts.flush()]);
  });
}

/**
 * The app has one window: closing it quits (the hidden engine window does not keep the app
 * running), and on macOS the Dock's icon brings it back when nothing is showing.
 */
function quitWithTheWindow(window: BrowserWindow): void {
  window.on('closed', () => app.quit());
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().every((w) => !w.isVisible())) focusAppWindow(window);
  });
}

/**
 * After every window closed (the close guard may have cancelled the quit before that): holds
 * the quit until `finish` is done (the engine stopped, the settings and the last draft
 * written), then quits.
 */
function finishBeforeQuit(finish: () => Promise<unknown>): void {
  let finished = false;
  app.on('will-quit', (event) => {
    if (finished) return;
    event.preventDefault();
    void finish().finally(() => {
      finished = true;
      app.quit();
    });
  });
}
