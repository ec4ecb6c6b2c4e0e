import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../src-shared/api.ts';
import { buildMenuTemplate, type MenuActions } from '../../src-main/menu-template.ts';

const actions = (): MenuActions => ({
  open: vi.fn(),
  openFolder: vi.fn(),
  openRecent: vi.fn(),
  clearRecent: vi.fn(),
  command: vi.fn(),
  about: vi.fn(),
});

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

const build = (language: Language, platform: NodeJS.Platform, a = actions()) =>
  buildMenuTemplate({
    language,
    platform,
    recent: [{ token: 't1', name: 'tasks.md' }],
    presentation: false,
    developer: false,
    actions: a,
  });

describe('the native menus', () => {
  it.each([
    ['en', ['&File', '&Edit', '&View', '&Run', '&Help']],
    ['ru', ['&Файл', '&Правка', '&Вид', '&Запуск', '&Справка']],
  ] as const)('are File, Edit, View, Run and Help in %s', (language, labels) => {
    expect(build(language, 'linux').map((m) => m.label)).toEqual(labels);
  });

  it('add the application and window menus on macOS', () => {
    expect(build('en', 'darwin').map((m) => m.label)).toEqual([
      'Loopscope',
      '&File',
      '&Edit',
      '&View',
      '&Run',
      '&Window',
      '&Help',
    ]);
  });

  it('have no accelerator twice and no single-key accelerator that would steal typing', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const accelerators = flatten(build('en', platform))
        .map((item) => item.accelerator)
        .filter((a): a is string => typeof a === 'string');
      expect(new Set(accelerators).size).toBe(accelerators.length);
      for (const accelerator of accelerators) expect(accelerator).toMatch(/\+|^F\d+$/);
    }
  });

  it('give F11 to the presentation mode, as the renderer does, and not to full screen', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const items = flatten(build('en', platform));
      expect(items.find((item) => item.accelerator === 'F11')?.label).toBe('&Presentation Mode');
      expect(items.find((item) => item.role === 'togglefullscreen')?.accelerator).not.toBe('F11');
    }
  });

  it('open lessons with Ctrl/Cmd+O and send replay commands to the renderer', () => {
    const a = actions();
    const items = flatten(build('en', 'linux', a));
    const open = items.find((item) => item.accelerator === 'CmdOrCtrl+O');
    open?.click?.({} as never, undefined, {} as never);
    expect(a.open).toHaveBeenCalled();
    items
      .find((item) => item.label === '&Run Scenario')
      ?.click?.({} as never, undefined, {} as never);
    expect(a.command).toHaveBeenCalledWith('run');
    items.find((item) => item.label === 'tasks.md')?.click?.({} as never, undefined, {} as never);
    expect(a.openRecent).toHaveBeenCalledWith('t1');
  });

  it('save the replay and open the Export dialog from the File menu, with their shortcuts', () => {
    for (const language of ['en', 'ru'] as const) {
      const a = actions();
      const items = flatten(build(language, 'linux', a));
      const file = build(language, 'linux', a)[0];
      const fileItems = Array.isArray(file?.submenu) ? file.submenu : [];
      for (const [accelerator, command] of [
        ['CmdOrCtrl+Alt+S', 'save-replay'],
        ['CmdOrCtrl+E', 'export'],
      ] as const) {
        const item = items.find((entry) => entry.accelerator === accelerator);
        expect(fileItems).toContainEqual(expect.objectContaining({ accelerator }));
        expect(item?.label).toMatch(language === 'en' ? /Replay|Export/ : /запись|Экспорт/);
        item?.click?.({} as never, undefined, {} as never);
        expect(a.command).toHaveBeenCalledWith(command);
      }
    }
  });

  it('show the developer tools only in development', () => {
    const roles = (developer: boolean) =>
      flatten(
        buildMenuTemplate({
          language: 'en',
          platform: 'linux',
          recent: [],
          presentation: true,
          developer,
          actions: actions(),
        }),
      ).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});
