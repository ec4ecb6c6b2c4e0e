/**
 * The About box: the versions of the app, Electron, Chromium, Node.js and the Python inside.
 */
import { app, dialog, type BrowserWindow } from 'electron';
import type { AppInfo, Language } from '../src-shared/api.ts';
import { createTranslator } from '../src-shared/i18n/translate.ts';
import { mainCatalog } from './i18n/catalog-main.ts';

export function appInfo(python: string | null): AppInfo {
  return {
    app: app.getVersion(),
    electron: process.versions.electron ?? null,
    chrome: process.versions.chrome ?? null,
    python,
    platform: 'electron',
  };
}

export async function showAbout(
  window: BrowserWindow | null,
  language: Language,
  python: string | null,
): Promise<void> {
  const t = createTranslator(mainCatalog, language);
  const info = appInfo(python);
  const options = {
    type: 'info' as const,
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
  };
  if (window) await dialog.showMessageBox(window, options);
  else await dialog.showMessageBox(options);
}
