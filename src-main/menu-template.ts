/**
 * The native menus (File, Edit, View, Run, Help), as data: built from the language's catalog
 * and the recent-files list, so that their content can be checked without Electron.
 * Commands that act on the lesson or the replay are sent to the renderer as `MenuCommand`s.
 *
 * Accelerators avoid single keys and the editor's own shortcuts: a menu accelerator takes
 * the key before the page sees it, so Space or Ctrl+Z here would break typing in the editor.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Language, MenuCommand, RecentFile } from '../src-shared/api.ts';
import { createTranslator } from '../src-shared/i18n/translate.ts';
import { mainCatalog } from './i18n/catalog-main.ts';

export interface MenuActions {
  open(): void;
  openFolder(): void;
  openRecent(token: string): void;
  clearRecent(): void;
  command(command: MenuCommand): void;
  about(): void;
}

export interface MenuOptions {
  language: Language;
  platform: NodeJS.Platform;
  recent: readonly RecentFile[];
  presentation: boolean;
  /** Development builds get the developer tools. */
  developer: boolean;
  actions: MenuActions;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const t = createTranslator(mainCatalog, options.language);
  const { actions } = options;
  const mac = options.platform === 'darwin';
  const command = (name: MenuCommand) => () => actions.command(name);

  const recent: MenuItemConstructorOptions[] =
    options.recent.length === 0
      ? [{ label: t('menu.file.recent.empty'), enabled: false }]
      : [
          ...options.recent.map((file): MenuItemConstructorOptions => ({
            // An underscore or ampersand in a file name is not a mnemonic.
            label: file.name.replace(/&/g, '&&'),
            click: () => actions.openRecent(file.token),
          })),
          { type: 'separator' },
          { label: t('menu.file.recent.clear'), click: () => actions.clearRecent() },
        ];

  const appMenu: MenuItemConstructorOptions = {
    label: 'Loopscope',
    submenu: [
      { label: t('menu.app.about'), click: () => actions.about() },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { label: t('menu.app.hide'), role: 'hide' },
      { label: t('menu.app.hide-others'), role: 'hideOthers' },
      { label: t('menu.app.show-all'), role: 'unhide' },
      { type: 'separator' },
      { label: t('menu.app.quit'), role: 'quit' },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: [
      { label: t('menu.file.open'), accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
      {
        label: t('menu.file.open-folder'),
        accelerator: 'CmdOrCtrl+Shift+O',
        click: () => actions.openFolder(),
      },
      { label: t('menu.file.recent'), submenu: recent },
      { type: 'separator' },
      {
        label: t('menu.file.save-code'),
        accelerator: 'CmdOrCtrl+Shift+S',
        click: command('save-code'),
      },
      { type: 'separator' },
      { label: t('menu.file.close'), role: 'close' },
      ...(mac ? [] : [{ label: t('menu.file.quit'), role: 'quit' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      { label: t('menu.edit.undo'), role: 'undo' },
      { label: t('menu.edit.redo'), role: 'redo' },
      { type: 'separator' },
      { label: t('menu.edit.cut'), role: 'cut' },
      { label: t('menu.edit.copy'), role: 'copy' },
      { label: t('menu.edit.paste'), role: 'paste' },
      { label: t('menu.edit.select-all'), role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      {
        label: t('menu.view.presentation'),
        type: 'checkbox',
        checked: options.presentation,
        // The renderer's own key for it, too.
        accelerator: 'F11',
        click: command('toggle-presentation'),
      },
      { type: 'separator' },
      { label: t('menu.view.zoom-in'), accelerator: 'CmdOrCtrl+=', click: command('zoom-in') },
      { label: t('menu.view.zoom-out'), accelerator: 'CmdOrCtrl+-', click: command('zoom-out') },
      {
        label: t('menu.view.zoom-reset'),
        accelerator: 'CmdOrCtrl+0',
        click: command('zoom-reset'),
      },
      { type: 'separator' },
      {
        label: t('menu.view.fullscreen'),
        role: 'togglefullscreen',
        // Not the role's F11 on Windows and Linux: F11 is the presentation mode's.
        accelerator: mac ? 'Ctrl+Cmd+F' : 'Shift+F11',
      },
      ...(options.developer
        ? [{ label: t('menu.view.devtools'), role: 'toggleDevTools' } as const]
        : []),
    ],
  };

  const run: MenuItemConstructorOptions = {
    label: t('menu.run'),
    submenu: [
      { label: t('menu.run.run'), accelerator: 'CmdOrCtrl+Enter', click: command('run') },
      { label: t('menu.run.stop'), accelerator: 'CmdOrCtrl+.', click: command('stop') },
      { type: 'separator' },
      { label: t('menu.run.play-pause'), accelerator: 'F8', click: command('play-pause') },
      { label: t('menu.run.step-forward'), accelerator: 'F10', click: command('step-forward') },
      { label: t('menu.run.step-back'), accelerator: 'Shift+F10', click: command('step-back') },
    ],
  };

  const window: MenuItemConstructorOptions = {
    label: t('menu.window'),
    submenu: [
      { label: t('menu.window.minimize'), role: 'minimize' },
      { label: t('menu.window.zoom'), role: 'zoom' },
      { type: 'separator' },
      { label: t('menu.window.front'), role: 'front' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: t('menu.help'),
    role: 'help',
    submenu: [{ label: t('menu.help.about'), click: () => actions.about() }],
  };

  return mac ? [appMenu, file, edit, view, run, window, help] : [file, edit, view, run, help];
}
