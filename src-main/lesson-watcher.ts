/**
 * Watching the open lessons on disk, so that an author who edits a lesson in their editor sees
 * it change in the app. The folders are watched rather than the files: many editors save by
 * writing a new file and renaming it over the old one, which a watch on the old file misses.
 * Bursts of events (an editor writes, renames, touches) are collapsed into one read, and a
 * read that finds the same text as before is not reported.
 */
import { watch } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { LessonFile } from '../src-shared/api.ts';
import { readLessonFile } from './lesson-reader.ts';
import type { TokenRegistry } from './lesson-tokens.ts';

export interface Watcher {
  close(): void;
}

/** Calls `listener` with the changed entry's name (null when the system does not say). */
export type WatchFolder = (folder: string, listener: (name: string | null) => void) => Watcher;

export const watchFolderWithNode: WatchFolder = (folder, listener) => {
  const watcher = watch(folder, { persistent: false }, (_event, name) =>
    listener(name === null ? null : String(name)),
  );
  // A folder that disappears, or a system out of watches, must not bring the app down.
  watcher.on('error', () => watcher.close());
  return watcher;
};

export interface LessonWatcherOptions {
  watchFolder?: WatchFolder;
  /** The file's text as the app shows it, or null when it cannot be read right now. */
  read(path: string): Promise<string | null>;
  onChange(path: string, text: string): void;
  debounceMs?: number;
}

export interface LessonWatcher {
  /** Watches exactly these files from now on, knowing their current text. */
  watchFiles(files: readonly { path: string; text: string }[]): void;
  close(): void;
}

export function createLessonWatcher(options: LessonWatcherOptions): LessonWatcher {
  const watchFolder = options.watchFolder ?? watchFolderWithNode;
  const debounceMs = options.debounceMs ?? 250;
  /** path → the text last read. */
  const known = new Map<string, string>();
  const folders = new Map<string, Watcher>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let generation = 0;

  const schedule = (path: string) => {
    const pending = timers.get(path);
    if (pending) clearTimeout(pending);
    const started = generation;
    timers.set(
      path,
      setTimeout(() => {
        timers.delete(path);
        void options.read(path).then(
          (text) => {
            // The set of files may have changed while reading.
            if (started !== generation || text === null || !known.has(path)) return;
            if (known.get(path) === text) return;
            known.set(path, text);
            options.onChange(path, text);
          },
          () => {},
        );
      }, debounceMs),
    );
  };

  const onFolderEvent = (folder: string, name: string | null) => {
    for (const path of known.keys()) {
      if (dirname(path) === folder && (name === null || name === basename(path))) schedule(path);
    }
  };

  const clear = () => {
    generation += 1;
    for (const timer of timers.values()) clearTimeout(timer);
    timers.clear();
    for (const watcher of folders.values()) watcher.close();
    folders.clear();
    known.clear();
  };

  return {
    watchFiles(files) {
      clear();
      for (const { path, text } of files) {
        known.set(path, text);
        const folder = dirname(path);
        if (folders.has(folder)) continue;
        try {
          folders.set(
            folder,
            watchFolder(folder, (name) => onFolderEvent(folder, name)),
          );
        } catch {
          // A folder that cannot be watched: the lesson still works, it just won't reload.
        }
      }
    },
    close: clear,
  };
}

/**
 * The watcher of the lessons the user opened: a changed file is read again as a lesson file
 * (lesson-reader.ts: a `.py` file becomes a lesson again), and sent under the token it was
 * opened with, so that the page knows which lesson changed.
 */
export function watchOpenLessons(options: {
  tokens: TokenRegistry;
  send(file: LessonFile): void;
  watchFolder?: WatchFolder;
  debounceMs?: number;
}): LessonWatcher {
  return createLessonWatcher({
    watchFolder: options.watchFolder,
    debounceMs: options.debounceMs,
    read: async (path) => {
      const read = await readLessonFile(path);
      return read.ok ? read.text : null;
    },
    onChange: (path, text) =>
      options.send({
        token: options.tokens.tokenFor(path),
        name: basename(path),
        bundled: false,
        text,
      }),
  });
}
