/**
 * The app window: sandboxed, context-isolated, no Node, its page served from `app://`. It
 * comes back where it was (if that is still on a screen), goes full screen with the
 * presentation mode, does not close without asking when there are unsaved edits (the
 * renderer asks before a lesson replaces them), and opens the https links the user clicks in
 * the system browser. Each of these is one function below.
 */
import {
  app,
  BrowserWindow,
  dialog,
  nativeTheme,
  screen,
  shell,
  type BrowserWindowConstructorOptions,
} from 'electron';
import type { Language } from '../src-shared/api.ts';
import { createTranslator } from '../src-shared/i18n/translate.ts';
import { APP_PAGE_URL } from './app-origin.ts';
import { createLinkOpener } from './external-links.ts';
import { mainCatalog } from './i18n/catalog-main.ts';
import { handleAppMessage, type ContentsGetter } from './ipc-handlers.ts';
import { SEND } from './ipc-channels.ts';
import { parseBoolean } from './ipc-validate.ts';
import { lockedDownPreferences } from './security.ts';
import type { SettingsStore } from './settings-store.ts';
import { placeWindow } from './window-state.ts';

export interface AppWindowOptions {
  store: SettingsStore;
  /** The built app preload, `dist/main/preload.cjs`. */
  preload: string;
  developer: boolean;
  language: () => Language;
}

export function createAppWindow(options: AppWindowOptions): BrowserWindow {
  const { store } = options;
  const window = new BrowserWindow(appWindowOptions(options));
  const appContents = () => liveWindow(window)?.webContents ?? null;
  showWhenReady(window, store);
  rememberPlace(window, store);
  followPresentationMode(window, store);
  guardUnsavedEdits(window, appContents, options.language);
  openClickedLinks(appContents);
  void window.loadURL(APP_PAGE_URL);
  return window;
}

/** The window, or null once it is closed. */
export function liveWindow(window: BrowserWindow): BrowserWindow | null {
  return window.isDestroyed() ? null : window;
}

/** Brings the window to the front (a second launch, or the Dock's icon on macOS). */
export function focusAppWindow(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

function appWindowOptions(options: AppWindowOptions): BrowserWindowConstructorOptions {
  return {
    ...placeWindow(
      options.store.window,
      screen.getAllDisplays().map((display) => display.workArea),
      screen.getPrimaryDisplay().workArea,
    ),
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Loopscope',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1d22' : '#ffffff',
    webPreferences: {
      ...lockedDownPreferences(options.preload, options.developer),
      safeDialogs: true,
    },
  };
}

/** Shows the window once its page is drawn, maximized or full screen as it was left. */
function showWhenReady(window: BrowserWindow, store: SettingsStore): void {
  window.once('ready-to-show', () => {
    if (store.window.maximized) window.maximize();
    if (store.window.fullScreen) window.setFullScreen(true);
    window.show();
  });
}

/** Keeps where the window is, a moment after it last moved, and when it closes. */
function rememberPlace(window: BrowserWindow, store: SettingsStore): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (window.isDestroyed()) return;
    store.setWindow({
      ...window.getNormalBounds(),
      maximized: window.isMaximized(),
      fullScreen: window.isFullScreen(),
    });
  };
  const saveSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('enter-full-screen', saveSoon);
  window.on('leave-full-screen', saveSoon);
  window.on('close', save);
}

/**
 * Every permission is refused, the page's full-screen request too: presentation mode gets
 * full screen from here instead, when the renderer switches it.
 */
function followPresentationMode(window: BrowserWindow, store: SettingsStore): void {
  let presentation = store.settings.presentation;
  store.onSettingsChange((settings) => {
    if (settings.presentation === presentation || window.isDestroyed()) return;
    presentation = settings.presentation;
    window.setFullScreen(presentation);
  });
}

/**
 * The renderer says when it holds edits not saved (`setDirty`); closing the window then asks
 * first, and a quit that closed it goes on once the user agrees.
 */
function guardUnsavedEdits(
  window: BrowserWindow,
  appContents: ContentsGetter,
  language: () => Language,
): void {
  let dirty = false;
  let closeConfirmed = false;
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  handleAppMessage(SEND.setDirty, appContents, (value) => {
    dirty = parseBoolean(value, 'dirty');
  });
  window.webContents.on('did-start-loading', () => {
    dirty = false;
  });

  /** Asks whether to close and lose the unsaved edits; true to close. */
  const confirmClose = async (): Promise<boolean> => {
    const t = createTranslator(mainCatalog, language());
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
}

/** Opens the https links the user really clicked in the system browser, at most one a second. */
function openClickedLinks(appContents: ContentsGetter): void {
  const links = createLinkOpener((url) => {
    void shell.openExternal(url);
  });
  handleAppMessage(SEND.openLink, appContents, (url) => {
    links.open(url);
  });
}
