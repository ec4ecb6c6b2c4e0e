/**
 * What the web edition keeps in the browser between visits: the settings, the recent files,
 * and the draft of unsaved code, in localStorage. Whatever is read back is checked as the
 * desktop app checks its files (src-shared/settings.ts, src-shared/drafts.ts): storage is
 * shared by every page of the origin, and may hold anything. localStorage rather than
 * IndexedDB because it is synchronous: the draft written as the page goes away is written.
 */
import type { LessonFile, Settings } from '../src-shared/api.ts';
import { readDraft, type Draft } from '../src-shared/drafts.ts';
import { repairProgress, type CourseProgress } from '../src-shared/progress.ts';
import { isRecord } from '../src-shared/is-record.ts';
import { MAX_LESSON_BYTES } from '../src-shared/lesson/decode.ts';
import { addRecent, MAX_RECENT, repairSettings } from '../src-shared/settings.ts';
import { isLessonFileName } from './files.ts';

const SETTINGS_KEY = 'loopscope.settings';
const RECENT_KEY = 'loopscope.recent';
const DRAFT_KEY = 'loopscope.draft';
const PROGRESS_KEY = 'loopscope.progress';
const MAX_NAME_LENGTH = 260;
const MAX_TOKEN_LENGTH = 100;

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

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
  /** The draft kept by an earlier visit, or null. */
  readonly draft: Draft | null;
  /** Keeps a draft (null forgets it); false when storage could not take it. */
  saveDraft(draft: Draft | null): boolean;
  /** The course progress kept by earlier visits, checked as the desktop app checks its file. */
  readonly progress: CourseProgress;
  /** Keeps already checked progress; false when storage could not take it. */
  saveProgress(progress: CourseProgress): boolean;
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
  /** How many of the recent files storage holds (the newest ones). */
  let storedRecent = recent.length;

  const writeRecent = (count: number) => {
    if (write(storage, RECENT_KEY, recent.slice(0, count))) storedRecent = count;
    return storedRecent === count;
  };

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
      for (let kept = recent.length; kept > 0; kept--) if (writeRecent(kept)) break;
    },
    get draft() {
      return readDraft(read(storage, DRAFT_KEY));
    },
    get progress() {
      return repairProgress(read(storage, PROGRESS_KEY));
    },
    saveProgress(progress) {
      return write(storage, PROGRESS_KEY, progress);
    },
    /**
     * What the user typed matters more than copies of files they can open again: when the
     * draft does not fit, recent files are left out of storage, the oldest first, and then the
     * draft is kept without its lesson's text (the code comes back in the course's lesson).
     */
    saveDraft(draft) {
      if (draft === null) {
        storage.removeItem(DRAFT_KEY);
        return true;
      }
      const attempts =
        draft.lesson?.bundled === false ? [draft, { ...draft, lesson: null }] : [draft];
      for (const attempt of attempts) {
        if (write(storage, DRAFT_KEY, attempt)) return true;
        for (let kept = storedRecent - 1; kept >= 0; kept--) {
          writeRecent(kept);
          if (write(storage, DRAFT_KEY, attempt)) return true;
        }
      }
      return false;
    },
  };
}
