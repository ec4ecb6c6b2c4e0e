/**
 * The About feature: the app page asks for the versions (`appInfo`), and Help → About shows
 * them in a box: the app, Electron, Chromium, Node.js and the Python inside.
 */
import { app } from 'electron';
import type { AppInfo, Language } from '../src-shared/api.ts';
import { createTranslator } from '../src-shared/i18n/translate.ts';
import { mainCatalog } from './i18n/catalog-main.ts';
import { handleAppInvoke, type ContentsGetter } from './ipc-handlers.ts';
import { INVOKE } from './ipc-channels.ts';
import type { Dialogs } from './window-dialogs.ts';

export interface AboutOptions {
  appContents: ContentsGetter;
  dialogs: Pick<Dialogs, 'showMessageBox'>;
  language: () => Language;
  /** The Python version the engine reported, or null while it starts. */
  python: () => string | null;
}

/** Answers the page's `appInfo`; returns what shows the About box. */
export function setupAbout(options: AboutOptions): { show(): Promise<void> } {
  handleAppInvoke(INVOKE.appInfo, options.appContents, () => appInfo(options.python()));
  return { show: () => showAbout(options) };
}

function appInfo(python: string | null): AppInfo {
  return {
    app: app.getVersion(),
    electron: process.versions.electron ?? null,
    chrome: process.versions.chrome ?? null,
    python,
    platform: 'electron',
  };
}

async function showAbout(options: AboutOptions): Promise<void> {
  const t = createTranslator(mainCatalog, options.language());
  const info = appInfo(options.python());
  await options.dialogs.showMessageBox({
    type: 'info',
    title: t('about.title'),
    message: t('about.message', { version: info.app }),
    detail: t('about.detail', {
      electron: info.electron ?? '?',
      chrome: info.chrome ?? '?',
      node: process.versions.node,
      python: info.python ?? t('about.python-loading'),
    }),
    buttons: [t('dialog.ok')],
    noLink: true,
  });
}
