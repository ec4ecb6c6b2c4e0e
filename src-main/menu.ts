/**
 * The native menus, rebuilt when the language, the presentation mode or the recent list
 * changes.
 */
import { Menu } from 'electron';
import type { Language, RecentFile } from '../src-shared/api.ts';
import { buildMenuTemplate, type MenuActions } from './menu-template.ts';

export interface MenuState {
  language(): Language;
  presentation(): boolean;
  recent(): RecentFile[];
}

export function setupMenu(options: {
  state: MenuState;
  actions: MenuActions;
  developer: boolean;
}): () => void {
  const rebuild = () => {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          language: options.state.language(),
          platform: process.platform,
          recent: options.state.recent(),
          presentation: options.state.presentation(),
          developer: options.developer,
          actions: options.actions,
        }),
      ),
    );
  };
  rebuild();
  return rebuild;
}
