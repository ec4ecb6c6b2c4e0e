/**
 * What the desktop app remembers between sessions in settings.json, and how what is read back
 * is checked: anything that is not exactly right falls back to its default. The settings
 * themselves are checked by src-shared/settings.ts, as the web edition checks them.
 */
import { DEFAULT_SETTINGS, type Settings } from '../src-shared/api.ts';
import { MAX_RECENT, repairSettings } from '../src-shared/settings.ts';
import { isRecord } from '../src-shared/is-record.ts';
import { emptyProgress, repairProgress, type CourseProgress } from '../src-shared/progress.ts';

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
  /** The student's progress through the bundled course. */
  progress: CourseProgress;
}

export const DEFAULT_WINDOW: Readonly<WindowState> = Object.freeze({
  x: null,
  y: null,
  width: 1280,
  height: 800,
  maximized: false,
  fullScreen: false,
});

/** The version of the file's layout; a file of another version is read as far as it matches. */
export const STATE_VERSION = 1;

const MAX_PATH_LENGTH = 4096;

export function defaultState(): StoredState {
  return {
    settings: { ...DEFAULT_SETTINGS },
    window: { ...DEFAULT_WINDOW },
    recent: [],
    progress: emptyProgress(),
  };
}

/** `Number.isSafeInteger`, which TypeScript does not read as a check that `v` is a number. */
function isInteger(v: unknown): v is number {
  return Number.isSafeInteger(v);
}

function repairWindow(value: unknown): WindowState {
  const window: WindowState = { ...DEFAULT_WINDOW };
  if (!isRecord(value)) return window;
  const coordinate = (v: unknown) => (isInteger(v) && Math.abs(v) < 100_000 ? v : null);
  const size = (v: unknown, min: number) => (isInteger(v) && v >= min && v <= 20_000 ? v : null);
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
    progress: repairProgress(value.progress),
  };
}
