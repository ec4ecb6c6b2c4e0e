/**
 * The menus feature: the native menus (menu-template.ts), whose commands open lessons, show
 * the About box, or go to the renderer; rebuilt when the language, the presentation mode or
 * the recent list changes.
 */
import { Menu } from 'electron';
import type { Language, MenuCommand } from '../src-shared/api.ts';
import type { Lessons } from './lessons.ts';
import { buildMenuTemplate, type MenuActions } from './menu-template.ts';
import type { SettingsStore } from './settings-store.ts';

export interface AppMenuOptions {
  /** Development builds get the developer tools. */
  developer: boolean;
  store: Pick<SettingsStore, 'settings' | 'onSettingsChange' | 'onRecentChange'>;
  language: () => Language;
  lessons: Pick<Lessons, 'openWithDialog' | 'openRecent' | 'clearRecent' | 'recent'>;
  about: () => void;
  /** Sends a command to the renderer. */
  command: (command: MenuCommand) => void;
}

export function setupMenu(options: AppMenuOptions): void {
  const { store, lessons } = options;
  const actions: MenuActions = {
    open: () => void lessons.openWithDialog('files'),
    openFolder: () => void lessons.openWithDialog('folder'),
    openRecent: (token) => void lessons.openRecent(token),
    clearRecent: () => lessons.clearRecent(),
    command: options.command,
    about: options.about,
  };
  const rebuild = () => {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          language: options.language(),
          platform: process.platform,
          recent: lessons.recent(),
          presentation: store.settings.presentation,
          developer: options.developer,
          actions,
        }),
      ),
    );
  };
  rebuild();
  store.onSettingsChange(rebuild);
  store.onRecentChange(rebuild);
}
