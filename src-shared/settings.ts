/**
 * What the user's settings and recent files may be, checked the same way by both hosts: the
 * desktop app's main process (settings.json in the user-data folder, changes over IPC) and the
 * web edition's host (localStorage). Whatever is read back, from a file, from storage or from
 * a page, goes through these checks before it is used.
 */
import {
  DEFAULT_SETTINGS,
  type LanguageSetting,
  type Pace,
  type Settings,
  type Theme,
} from './api.ts';
import { isRecord } from './is-record.ts';

export const LANGUAGE_SETTINGS: readonly LanguageSetting[] = ['system', 'en', 'ru'];
export const THEMES: readonly Theme[] = ['system', 'light', 'dark', 'contrast'];
/** Any playback speed in this range is valid. */
export const SPEED_RANGE = { min: 0.25, max: 8 } as const;
/** The speeds the controls offer, from one end of the range to the other. */
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;
export const ZOOM_RANGE = { min: 0.5, max: 3 } as const;
export const PACES: readonly Pace[] = ['steps', 'time'];
/** The real seconds one virtual second may last when playing by virtual time. */
export const TIME_SCALES = [0.1, 0.25, 0.5, 1, 2, 5, 10] as const;
/** How many recent files a host remembers. */
export const MAX_RECENT = 10;

export class SettingsError extends Error {
  override name = 'SettingsError';
}

function inRange(value: unknown, range: { min: number; max: number }): value is number {
  return (
    typeof value === 'number' && Number.isFinite(value) && value >= range.min && value <= range.max
  );
}

function isOneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return allowed.some((item) => item === value);
}

/**
 * Checks a change a page asks for. Unlike reading stored settings, a bad value here is an
 * error: the page is ours, so a wrong value is a bug to report, not a file to repair.
 */
export function parseSettingsPatch(value: unknown): Partial<Settings> {
  if (!isRecord(value)) throw new SettingsError('settings must be an object');
  const patch: Partial<Settings> = {};
  for (const [key, field] of Object.entries(value)) {
    switch (key) {
      case 'language':
        if (!isOneOf(field, LANGUAGE_SETTINGS)) throw new SettingsError('bad language');
        patch.language = field;
        break;
      case 'theme':
        if (!isOneOf(field, THEMES)) throw new SettingsError('bad theme');
        patch.theme = field;
        break;
      case 'speed':
        if (!inRange(field, SPEED_RANGE)) throw new SettingsError('bad speed');
        patch.speed = field;
        break;
      case 'presentation':
        if (typeof field !== 'boolean') throw new SettingsError('bad presentation');
        patch.presentation = field;
        break;
      case 'zoom':
        if (!inRange(field, ZOOM_RANGE)) throw new SettingsError('bad zoom');
        patch.zoom = field;
        break;
      case 'whyArrows':
        if (typeof field !== 'boolean') throw new SettingsError('bad whyArrows');
        patch.whyArrows = field;
        break;
      case 'pace':
        if (!isOneOf(field, PACES)) throw new SettingsError('bad pace');
        patch.pace = field;
        break;
      case 'timeScale':
        if (typeof field !== 'number' || !TIME_SCALES.some((scale) => scale === field)) {
          throw new SettingsError('bad timeScale');
        }
        patch.timeScale = field;
        break;
      default:
        throw new SettingsError(`unknown setting "${key}"`);
    }
  }
  return patch;
}

/** Reads stored settings, keeping every valid field and defaulting the rest. */
export function repairSettings(value: unknown): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  if (!isRecord(value)) return settings;
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    try {
      Object.assign(settings, parseSettingsPatch({ [key]: value[key] }));
    } catch {
      // This field keeps its default.
    }
  }
  return settings;
}

/** A zoom factor kept within ZOOM_RANGE, rounded to a hundredth. */
export function clampZoom(zoom: number): number {
  return Math.round(Math.min(ZOOM_RANGE.max, Math.max(ZOOM_RANGE.min, zoom)) * 100) / 100;
}

/**
 * Puts `item` first in a recent list, each entry once (`same` tells entries apart), and keeps
 * at most `max`.
 */
export function addRecent<T>(
  list: readonly T[],
  item: T,
  same: (a: T, b: T) => boolean,
  max: number = MAX_RECENT,
): T[] {
  return [item, ...list.filter((entry) => !same(entry, item))].slice(0, max);
}
