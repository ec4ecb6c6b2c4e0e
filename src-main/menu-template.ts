/**
 * The native menus (File, Edit, View, Run, Help), as data: built from the language's catalog
 * and the recent-files list, so that their content can be checked without Electron.
 * Commands that act on the lesson or the replay are sent to the renderer as `MenuCommand`s.
 *
 * Accelerators avoid single keys and the editor's own shortcuts: a menu accelerator takes
 * the key before the page sees it, so Space or Ctrl+Z here would break typing in the editor.
 * Each menu is one function, in the order the menu bar shows them.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Language, MenuCommand, RecentFile } from '../src-shared/api.ts';
import { createTranslator } from '../src-shared/i18n/translate.ts';
import { mainCatalog, type MainMessageKey } from './i18n/catalog-main.ts';

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
  const menu: MenuContext = {
    ...options,
    t: createTranslator(mainCatalog, options.language),
    mac: options.platform === 'darwin',
    command: (name) => () => options.actions.command(name),
  };
  return menu.mac
    ? [
        appMenu(menu),
        fileMenu(menu),
        editMenu(menu),
        viewMenu(menu),
        runMenu(menu),
        windowMenu(menu),
        helpMenu(menu),
      ]
    : [fileMenu(menu), editMenu(menu), viewMenu(menu), runMenu(menu), helpMenu(menu)];
}

/** What every menu is built from. */
interface MenuContext extends MenuOptions {
  t: (key: MainMessageKey) => string;
  mac: boolean;
  /** A click that sends the command to the renderer. */
  command(name: MenuCommand): () => void;
}

/** macOS only: the application's own menu. */
function appMenu({ t, actions }: MenuContext): MenuItemConstructorOptions {
  return {
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
}

function fileMenu(menu: MenuContext): MenuItemConstructorOptions {
  const { t, actions } = menu;
  return {
    label: t('menu.file'),
    submenu: [
      { label: t('menu.file.open'), accelerator: 'CmdOrCtrl+O', click: () => actions.open() },
      {
        label: t('menu.file.open-folder'),
        accelerator: 'CmdOrCtrl+Shift+O',
        click: () => actions.openFolder(),
      },
      { label: t('menu.file.recent'), submenu: recentMenu(menu) },
      { type: 'separator' },
      {
        label: t('menu.file.save-code'),
        accelerator: 'CmdOrCtrl+Shift+S',
        click: menu.command('save-code'),
      },
      {
        label: t('menu.file.save-replay'),
        accelerator: 'CmdOrCtrl+Alt+S',
        click: menu.command('save-replay'),
      },
      { label: t('menu.file.export'), accelerator: 'CmdOrCtrl+E', click: menu.command('export') },
      { type: 'separator' },
      { label: t('menu.file.close'), role: 'close' },
      ...(menu.mac ? [] : [{ label: t('menu.file.quit'), role: 'quit' } as const]),
    ],
  };
}

/** File → Open Recent: the recent files, newest first, or a note that there are none. */
function recentMenu({ t, actions, recent }: MenuContext): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: t('menu.file.recent.empty'), enabled: false }];
  return [
    ...recent.map((file): MenuItemConstructorOptions => ({
      // An underscore or ampersand in a file name is not a mnemonic.
      label: file.name.replace(/&/g, '&&'),
      click: () => actions.openRecent(file.token),
    })),
    { type: 'separator' },
    { label: t('menu.file.recent.clear'), click: () => actions.clearRecent() },
  ];
}

function editMenu({ t }: MenuContext): MenuItemConstructorOptions {
  return {
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
}

function viewMenu({
  t,
  command,
  mac,
  presentation,
  developer,
}: MenuContext): MenuItemConstructorOptions {
  return {
    label: t('menu.view'),
    submenu: [
      {
        label: t('menu.view.presentation'),
        type: 'checkbox',
        checked: presentation,
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
      ...(developer ? [{ label: t('menu.view.devtools'), role: 'toggleDevTools' } as const] : []),
    ],
  };
}

function runMenu({ t, command }: MenuContext): MenuItemConstructorOptions {
  return {
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
}

/** macOS only: the Window menu. */
function windowMenu({ t }: MenuContext): MenuItemConstructorOptions {
  return {
    label: t('menu.window'),
    submenu: [
      { label: t('menu.window.minimize'), role: 'minimize' },
      { label: t('menu.window.zoom'), role: 'zoom' },
      { type: 'separator' },
      { label: t('menu.window.front'), role: 'front' },
    ],
  };
}

function helpMenu({ t, actions }: MenuContext): MenuItemConstructorOptions {
  return {
    label: t('menu.help'),
    role: 'help',
    submenu: [{ label: t('menu.help.about'), click: () => actions.about() }],
  };
}
