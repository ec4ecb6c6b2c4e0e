/**
 * The user's settings, window placement and recent files, kept in one JSON file in the
 * user-data folder. Changes are written after a short pause (a dragged window or a speed
 * slider makes many in a row), one write at a time, each atomic.
 */
import { readFile, rename } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { Settings } from '../src-shared/api.ts';
import type { CourseProgress } from '../src-shared/progress.ts';
import { writeFileAtomic } from './atomic-write.ts';
import {
  repairState,
  STATE_VERSION,
  defaultState,
  type StoredState,
  type WindowState,
} from './settings-schema.ts';

export interface SettingsStoreOptions {
  /** The settings file, such as `<userData>/settings.json`. */
  file: string;
  /** Milliseconds to wait after a change before writing. */
  debounceMs?: number;
  read?: (file: string) => Promise<string>;
  write?: (file: string, text: string) => Promise<void>;
  /** Where a file that cannot be read as JSON is moved, so that it is not silently lost. */
  quarantine?: (file: string) => Promise<void>;
  onError?: (error: unknown) => void;
}

export interface SettingsStore {
  readonly settings: Readonly<Settings>;
  readonly window: Readonly<WindowState>;
  readonly recent: readonly string[];
  readonly progress: Readonly<CourseProgress>;
  updateSettings(patch: Partial<Settings>): Settings;
  setWindow(window: WindowState): void;
  setRecent(paths: readonly string[]): void;
  /** Keeps already checked progress. */
  setProgress(progress: CourseProgress): void;
  onSettingsChange(listener: (settings: Settings) => void): () => void;
  onRecentChange(listener: (recent: readonly string[]) => void): () => void;
  /** Writes any pending change now; resolves when it is on disk. */
  flush(): Promise<void>;
}

export async function loadSettingsStore(options: SettingsStoreOptions): Promise<SettingsStore> {
  const read = options.read ?? ((file: string) => readFile(file, 'utf8'));
  const write = options.write ?? writeFileAtomic;
  const quarantine =
    options.quarantine ?? ((file: string) => rename(file, `${file}.unreadable-${Date.now()}`));
  const onError = options.onError ?? ((error: unknown) => console.error('settings:', error));
  const debounceMs = options.debounceMs ?? 400;

  let state: StoredState = defaultState();
  let text: string | null = null;
  try {
    text = await read(options.file);
  } catch {
    // No file yet: the first start.
  }
  if (text !== null) {
    try {
      state = repairState(JSON.parse(text) as unknown, isAbsolute);
    } catch (error) {
      onError(error);
      await quarantine(options.file).catch(onError);
    }
  }

  const listeners = new Set<(settings: Settings) => void>();
  const recentListeners = new Set<(recent: readonly string[]) => void>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let writing: Promise<void> = Promise.resolve();
  let dirty = false;

  const writeNow = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!dirty) return writing;
    dirty = false;
    const json = JSON.stringify({ version: STATE_VERSION, ...state }, null, 2);
    writing = writing.then(() => write(options.file, json)).catch(onError);
    return writing;
  };

  const changed = () => {
    dirty = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void writeNow(), debounceMs);
  };

  return {
    get settings() {
      return state.settings;
    },
    get window() {
      return state.window;
    },
    get recent() {
      return state.recent;
    },
    get progress() {
      return state.progress;
    },
    updateSettings(patch) {
      state = { ...state, settings: { ...state.settings, ...patch } };
      changed();
      for (const listener of listeners) listener(state.settings);
      return state.settings;
    },
    setWindow(window) {
      state = { ...state, window: { ...window } };
      changed();
    },
    setRecent(paths) {
      state = { ...state, recent: [...paths] };
      changed();
      for (const listener of recentListeners) listener(state.recent);
    },
    setProgress(progress) {
      state = { ...state, progress };
      changed();
    },
    onSettingsChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onRecentChange(listener) {
      recentListeners.add(listener);
      return () => recentListeners.delete(listener);
    },
    flush: writeNow,
  };
}
