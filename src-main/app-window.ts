/**
 * The app window: sandboxed, context-isolated, no Node, its page served from `app://`. It
 * comes back where it was (if that is still on a screen), and it does not close without
 * asking when there are unsaved edits (the renderer asks before a lesson replaces them).
 */
import { app, BrowserWindow, dialog, nativeTheme, screen, shell } from 'electron';
import type { Language } from '../src-shared/api.ts';
import { createTranslator } from '../src-shared/i18n/translate.ts';
import { APP_PAGE_URL } from './app-origin.ts';
import { createLinkOpener } from './external-links.ts';
import { mainCatalog } from './i18n/catalog-main.ts';
import { handleAppMessage } from './ipc-handlers.ts';
import { SEND } from './ipc-channels.ts';
import { parseBoolean } from './ipc-validate.ts';
import type { SettingsStore } from './settings-store.ts';
import { placeWindow } from './window-state.ts';

export interface AppWindowOptions {
  store: SettingsStore;
  /** The built app preload, `dist/main/preload.cjs`. */
  preload: string;
  developer: boolean;
  language: () => Language;
}

export interface AppWindow {
  readonly window: BrowserWindow;
}

export function createAppWindow(options: AppWindowOptions): AppWindow {
  const { store } = options;
  const placed = placeWindow(
    store.window,
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = new BrowserWindow({
    ...placed,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Loopscope',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1d22' : '#ffffff',
    webPreferences: {
      preload: options.preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: options.developer,
    },
  });
  const contents = window.webContents;
  const appContents = () => (window.isDestroyed() ? null : contents);

  window.once('ready-to-show', () => {
    if (store.window.maximized) window.maximize();
    if (store.window.fullScreen) window.setFullScreen(true);
    window.show();
  });

  // --- Where the window is ----------------------------------------------------------------
  let boundsTimer: ReturnType<typeof setTimeout> | null = null;
  const saveBounds = () => {
    if (window.isDestroyed()) return;
    const bounds = window.getNormalBounds();
    store.setWindow({
      ...bounds,
      maximized: window.isMaximized(),
      fullScreen: window.isFullScreen(),
    });
  };
  const saveBoundsSoon = () => {
    if (boundsTimer) clearTimeout(boundsTimer);
    boundsTimer = setTimeout(saveBounds, 500);
  };
  window.on('resize', saveBoundsSoon);
  window.on('move', saveBoundsSoon);
  window.on('maximize', saveBoundsSoon);
  window.on('unmaximize', saveBoundsSoon);
  window.on('enter-full-screen', saveBoundsSoon);
  window.on('leave-full-screen', saveBoundsSoon);

  // --- Presentation mode ------------------------------------------------------------------
  // Every permission is refused, the page's full-screen request too: presentation mode gets
  // full screen from here instead, when the renderer switches it.
  let presentation = store.settings.presentation;
  store.onSettingsChange((settings) => {
    if (settings.presentation === presentation || window.isDestroyed()) return;
    presentation = settings.presentation;
    window.setFullScreen(presentation);
  });

  // --- Unsaved edits ----------------------------------------------------------------------
  let dirty = false;
  let closeConfirmed = false;
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  handleAppMessage(SEND.setDirty, appContents, (value) => {
    dirty = parseBoolean(value, 'dirty');
  });
  contents.on('did-start-loading', () => {
    dirty = false;
  });

  /** Asks whether to close and lose the unsaved edits; true to close. */
  const confirmClose = async (): Promise<boolean> => {
    if (!dirty) return true;
    const t = createTranslator(mainCatalog, options.language());
    const { response } = await dialog.showMessageBox(window, {
      type: 'warning',
      message: t('dialog.unsaved.close.message'),
      detail: t('dialog.unsaved.detail'),
      buttons: [t('dialog.unsaved.close'), t('dialog.cancel')],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    return response === 0;
  };

  window.on('close', (event) => {
    if (boundsTimer) clearTimeout(boundsTimer);
    saveBounds();
    if (!dirty || closeConfirmed) return;
    event.preventDefault();
    const quitAfter = quitting;
    quitting = false;
    void confirmClose().then((discard) => {
      if (!discard || window.isDestroyed()) return;
      closeConfirmed = true;
      if (quitAfter) app.quit();
      else window.close();
    });
  });

  // --- Links the user clicks --------------------------------------------------------------
  const links = createLinkOpener((url) => {
    void shell.openExternal(url);
  });
  handleAppMessage(SEND.openLink, appContents, (url) => {
    links.open(url);
  });

  void window.loadURL(APP_PAGE_URL);
  return { window };
}
