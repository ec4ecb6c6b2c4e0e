import { isAbsolute } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src-shared/api.ts';
import { DEFAULT_WINDOW, repairState } from '../../src-main/settings-schema.ts';
import { MAX_RECENT } from '../../src-shared/settings.ts';

describe('the settings file read back', () => {
  it('keeps every valid setting and defaults the others', () => {
    const state = repairState(
      { settings: { language: 'ru', theme: 'purple', speed: 100, zoom: 2 } },
      isAbsolute,
    );
    expect(state.settings).toEqual({ ...DEFAULT_SETTINGS, language: 'ru', zoom: 2 });
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

  it('keeps the valid course progress and leaves out the rest', () => {
    const state = repairState(
      {
        progress: {
          en: { gather: { 'scenario-1': { seen: true, predicted: 'wrong' }, x: { seen: 1 } } },
          ru: 'all',
        },
      },
      isAbsolute,
    );
    expect(state.progress).toEqual({
      en: { gather: { 'scenario-1': { seen: true, predicted: 'wrong' } } },
      ru: {},
    });
    expect(repairState({}, isAbsolute).progress).toEqual({ en: {}, ru: {} });
  });
});
