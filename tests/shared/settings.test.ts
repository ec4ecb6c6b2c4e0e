import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src-shared/api.ts';
import {
  addRecent,
  clampZoom,
  MAX_RECENT,
  parseSettingsPatch,
  repairSettings,
  SettingsError,
  SPEED_RANGE,
  SPEEDS,
  ZOOM_RANGE,
} from '../../src-shared/settings.ts';

describe('a settings change from a page', () => {
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

  it('is accepted at the ends of the ranges', () => {
    expect(parseSettingsPatch({ speed: SPEED_RANGE.min, zoom: ZOOM_RANGE.max })).toEqual({
      speed: 0.25,
      zoom: 3,
    });
  });

  it.each([
    [{ language: 'de' }],
    [{ theme: 'neon' }],
    [{ speed: 0 }],
    [{ speed: 9 }],
    [{ speed: Number.NaN }],
    [{ zoom: '2' }],
    [{ zoom: 0.49 }],
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

describe('settings read back from storage', () => {
  it('keep every valid field and default the others', () => {
    expect(repairSettings({ language: 'ru', theme: 'purple', speed: 100, zoom: 2 })).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'ru',
      zoom: 2,
    });
  });

  it('are all defaults when they are not an object', () => {
    for (const value of [null, 'nonsense', 3, [], undefined])
      expect(repairSettings(value)).toEqual(DEFAULT_SETTINGS);
  });

  it('take nothing but the settings, whatever else was stored', () => {
    expect(
      Object.keys(repairSettings({ speed: 2, evil: '<script>', __proto__: {} })).sort(),
    ).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
  });
});

describe('the limits', () => {
  it('offer speeds from one end of the valid range to the other, each valid', () => {
    expect(SPEEDS[0]).toBe(SPEED_RANGE.min);
    expect(SPEEDS.at(-1)).toBe(SPEED_RANGE.max);
    for (const speed of SPEEDS) expect(parseSettingsPatch({ speed })).toEqual({ speed });
  });

  it('keep a zoom within its range, rounded to a hundredth', () => {
    expect(clampZoom(10)).toBe(ZOOM_RANGE.max);
    expect(clampZoom(0.1)).toBe(ZOOM_RANGE.min);
    expect(clampZoom(1.1 * 1.1)).toBe(1.21);
    expect(parseSettingsPatch({ zoom: clampZoom(1.1 ** 30) })).toEqual({ zoom: 3 });
  });
});

describe('a recent list', () => {
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

  it('puts the newest first and keeps each entry once, as `same` compares them', () => {
    expect(addRecent(['B', 'a'], 'A', same)).toEqual(['A', 'B']);
  });

  it(`keeps at most ${MAX_RECENT} entries, or the number given`, () => {
    const many = Array.from({ length: 20 }, (_, i) => String(i));
    expect(addRecent(many, 'new', same)).toHaveLength(MAX_RECENT);
    expect(addRecent(['1', '2', '3'], '4', same, 3)).toEqual(['4', '1', '2']);
  });
});
