import { isAbsolute } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src-shared/api.ts';
import {
  DEFAULT_WINDOW,
  MAX_RECENT,
  parseSettingsPatch,
  repairSettings,
  repairState,
  SettingsError,
} from '../../src-main/settings-schema.ts';

describe('a settings change from the renderer', () => {
  it('is accepted when every field is valid', () => {
    expect(
      parseSettingsPatch({
        language: 'ru',
        theme: 'dark',
        speed: 2,
        presentation: true,
        zoom: 1.5,
      }),
    ).toEqual({
      language: 'ru',
      theme: 'dark',
      speed: 2,
      presentation: true,
      zoom: 1.5,
    });
    expect(parseSettingsPatch({})).toEqual({});
  });

  it.each([
    [{ language: 'de' }],
    [{ theme: 'neon' }],
    [{ speed: 0 }],
    [{ speed: 9 }],
    [{ speed: Number.NaN }],
    [{ zoom: '2' }],
    [{ presentation: 'yes' }],
    [{ unknown: 1 }],
    [{ __proto__: { polluted: true }, language: 'xx' }],
  ])('is refused when a field is wrong: %j', (patch) => {
    expect(() => parseSettingsPatch(patch)).toThrow(SettingsError);
  });

  it('is refused when it is not an object', () => {
    for (const value of [null, 'en', 3, ['language']])
      expect(() => parseSettingsPatch(value)).toThrow(SettingsError);
  });
});

describe('the settings file read back', () => {
  it('keeps every valid field and defaults the others', () => {
    expect(repairSettings({ language: 'ru', theme: 'purple', speed: 100, zoom: 2 })).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'ru',
      zoom: 2,
    });
  });

  it('is all defaults when it is not an object', () => {
    const state = repairState('nonsense', isAbsolute);
    expect(state.settings).toEqual(DEFAULT_SETTINGS);
    expect(state.window).toEqual(DEFAULT_WINDOW);
    expect(state.recent).toEqual([]);
  });

  it('forgets a window position without both coordinates, and sizes out of range', () => {
    const state = repairState(
      { window: { x: 10, width: 50, height: 700, maximized: true } },
      isAbsolute,
    );
    expect(state.window).toEqual({ ...DEFAULT_WINDOW, height: 700, maximized: true });
  });

  it('keeps only absolute recent paths, each once, at most MAX_RECENT', () => {
    const paths = Array.from({ length: 15 }, (_, i) => `/lessons/${i}.md`);
    const state = repairState(
      { recent: ['relative.md', '/a.md', '/a.md', 7, '/bad\0.md', ...paths] },
      isAbsolute,
    );
    expect(state.recent[0]).toBe('/a.md');
    expect(state.recent).toHaveLength(MAX_RECENT);
    expect(new Set(state.recent).size).toBe(MAX_RECENT);
    expect(state.recent).not.toContain('relative.md');
  });
});
