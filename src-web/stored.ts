/**
 * What the web edition keeps in the browser between visits: the settings and the recent
 * files, in localStorage. Whatever is read back is checked as the desktop app checks its
 * settings file (src-shared/settings.ts): storage is shared by every page of the origin, and
 * may hold anything.
 */
import type { LessonFile, Settings } from '../src-shared/api.ts';
import { isRecord } from '../src-shared/is-record.ts';
import { MAX_LESSON_BYTES } from '../src-shared/lesson/decode.ts';
import { addRecent, MAX_RECENT, repairSettings } from '../src-shared/settings.ts';
import { isLessonFileName } from './files.ts';

const SETTINGS_KEY = 'loopscope.settings';
const RECENT_KEY = 'loopscope.recent';
const MAX_NAME_LENGTH = 260;
const MAX_TOKEN_LENGTH = 100;

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

function read(storage: KeyValueStorage, key: string): unknown {
  try {
    const text = storage.getItem(key);
    return text === null ? null : (JSON.parse(text) as unknown);
  } catch {
    return null;
  }
}

function write(storage: KeyValueStorage, key: string, value: unknown): boolean {
  try {
    storage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    // Storage full or disabled: what was not written lasts for this visit only.
    return false;
  }
}

/** A recent file read back, or null when it is not one this host could have stored. */
function parseStoredFile(value: unknown): LessonFile | null {
  if (!isRecord(value)) return null;
  const { token, name, text } = value;
  if (typeof token !== 'string' || token === '' || token.length > MAX_TOKEN_LENGTH) return null;
  if (typeof name !== 'string' || name.length > MAX_NAME_LENGTH || !isLessonFileName(name))
    return null;
  if (typeof text !== 'string' || text.length > MAX_LESSON_BYTES) return null;
  return { token, name, bundled: false, text };
}

const sameName = (a: LessonFile, b: LessonFile) => a.name === b.name;

export interface WebStore {
  readonly settings: Settings;
  /** Recently opened files with their text, newest first: a browser cannot open a path again. */
  readonly recent: readonly LessonFile[];
  /** Replaces the settings with already checked ones. */
  setSettings(settings: Settings): void;
  /** Puts opened files first in the recent list. */
  remember(files: readonly LessonFile[]): void;
}

export function createWebStore(storage: KeyValueStorage): WebStore {
  let settings = repairSettings(read(storage, SETTINGS_KEY));
  let recent: LessonFile[] = [];
  const stored = read(storage, RECENT_KEY);
  for (const entry of Array.isArray(stored) ? stored : []) {
    const file = parseStoredFile(entry);
    if (file && !recent.some((r) => sameName(r, file))) recent.push(file);
  }
  recent = recent.slice(0, MAX_RECENT);

  return {
    get settings() {
      return settings;
    },
    get recent() {
      return recent;
    },
    setSettings(next) {
      settings = next;
      write(storage, SETTINGS_KEY, settings);
    },
    /**
     * Storage holds a few megabytes: when the list does not fit, the oldest files are left
     * out of it (but stay in the list for this visit).
     */
    remember(files) {
      for (const file of files.toReversed()) recent = addRecent(recent, file, sameName);
      for (let kept = recent.length; kept > 0; kept--) {
        if (write(storage, RECENT_KEY, recent.slice(0, kept))) break;
      }
    },
  };
}
