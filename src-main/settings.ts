/**
 * The settings feature: the app page reads and changes the user's settings; the main process
 * keeps them (settings-store.ts) and applies what concerns it: the theme of native dialogs
 * and menus, and the language of the menus.
 */
import { app, nativeTheme } from 'electron';
import type { Language, Settings } from '../src-shared/api.ts';
import { languageFromLocale } from '../src-shared/i18n/translate.ts';
import { handleAppInvoke, type ContentsGetter } from './ipc-handlers.ts';
import { INVOKE } from './ipc-channels.ts';
import { parseSettingsPatch } from '../src-shared/settings.ts';
import type { SettingsStore } from './settings-store.ts';

export function applyTheme(settings: Settings): void {
  nativeTheme.themeSource =
    settings.theme === 'light' || settings.theme === 'dark' ? settings.theme : 'system';
}

/** The language the settings choose, or the system's when they leave it to the system. */
export function languageOf(settings: Settings): Language {
  return settings.language === 'system'
    ? languageFromLocale(app.getPreferredSystemLanguages()[0] ?? app.getLocale())
    : settings.language;
}

export function setupSettings(options: {
  store: SettingsStore;
  appContents: ContentsGetter;
}): void {
  const { store } = options;
  applyTheme(store.settings);
  store.onSettingsChange(applyTheme);
  handleAppInvoke(INVOKE.settingsGet, options.appContents, () => store.settings);
  handleAppInvoke(INVOKE.settingsSet, options.appContents, (patch) =>
    store.updateSettings(parseSettingsPatch(patch)),
  );
}
