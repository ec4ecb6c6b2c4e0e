/**
 * What the app remembers between sessions, and how what is read back (from disk or from the
 * renderer) is checked: anything that is not exactly right falls back to its default.
 */
import {
  DEFAULT_SETTINGS,
  type LanguageSetting,
  type Settings,
  type Theme,
} from '../src-shared/api.ts';

export interface WindowState {
  x: number | null;
  y: number | null;
  width: number;
  height: number;
  maximized: boolean;
  fullScreen: boolean;
}

export interface StoredState {
  settings: Settings;
  window: WindowState;
  /** Absolute paths of recently opened lesson files and folders, the newest first. */
  recent: string[];
}

export const DEFAULT_WINDOW: Readonly<WindowState> = Object.freeze({
  x: null,
  y: null,
  width: 1280,
  height: 800,
  maximized: false,
  fullScreen: false,
});

export const MAX_RECENT = 10;
/** The version of the file's layout; a file of another version is read as far as it matches. */
export const STATE_VERSION = 1;

const LANGUAGES: readonly LanguageSetting[] = ['system', 'en', 'ru'];
const THEMES: readonly Theme[] = ['system', 'light', 'dark', 'contrast'];
export const SPEED_RANGE = { min: 0.25, max: 8 } as const;
export const ZOOM_RANGE = { min: 0.5, max: 3 } as const;
const MAX_PATH_LENGTH = 4096;

export function defaultState(): StoredState {
  return { settings: { ...DEFAULT_SETTINGS }, window: { ...DEFAULT_WINDOW }, recent: [] };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function inRange(value: unknown, range: { min: number; max: number }): value is number {
  return (
    typeof value === 'number' && Number.isFinite(value) && value >= range.min && value <= range.max
  );
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

/**
 * Checks a change the renderer asks for. Unlike reading the file, a bad value here is an error:
 * the renderer is ours, so a wrong value is a bug to report, not a file to repair.
 */
export function parseSettingsPatch(value: unknown): Partial<Settings> {
  if (!isRecord(value)) throw new SettingsError('settings must be an object');
  const patch: Partial<Settings> = {};
  for (const [key, field] of Object.entries(value)) {
    switch (key) {
      case 'language':
        if (!LANGUAGES.includes(field as LanguageSetting)) throw new SettingsError('bad language');
        patch.language = field as LanguageSetting;
        break;
      case 'theme':
        if (!THEMES.includes(field as Theme)) throw new SettingsError('bad theme');
        patch.theme = field as Theme;
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
      default:
        throw new SettingsError(`unknown setting "${key}"`);
    }
  }
  return patch;
}

/** Reads settings from the file's JSON, keeping every valid field and defaulting the rest. */
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

function repairWindow(value: unknown): WindowState {
  const window: WindowState = { ...DEFAULT_WINDOW };
  if (!isRecord(value)) return window;
  const coordinate = (v: unknown) =>
    Number.isSafeInteger(v) && Math.abs(v as number) < 100_000 ? (v as number) : null;
  const size = (v: unknown, min: number) =>
    Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= 20_000
      ? (v as number)
      : null;
  window.x = coordinate(value.x);
  window.y = coordinate(value.y);
  if (window.x === null || window.y === null) window.x = window.y = null;
  window.width = size(value.width, 400) ?? DEFAULT_WINDOW.width;
  window.height = size(value.height, 300) ?? DEFAULT_WINDOW.height;
  window.maximized = value.maximized === true;
  window.fullScreen = value.fullScreen === true;
  return window;
}

function repairRecent(value: unknown, isAbsolute: (path: string) => boolean): string[] {
  if (!Array.isArray(value)) return [];
  const paths = value.filter(
    (p): p is string =>
      typeof p === 'string' &&
      p.length > 0 &&
      p.length <= MAX_PATH_LENGTH &&
      !p.includes('\0') &&
      isAbsolute(p),
  );
  return [...new Set(paths)].slice(0, MAX_RECENT);
}

/** Reads the whole stored state from the file's JSON (already parsed), repairing what it must. */
export function repairState(value: unknown, isAbsolute: (path: string) => boolean): StoredState {
  if (!isRecord(value)) return defaultState();
  return {
    settings: repairSettings(value.settings),
    window: repairWindow(value.window),
    recent: repairRecent(value.recent, isAbsolute),
  };
}
