/**
 * The recent-files list: the newest first, each path once (as the platform compares paths),
 * at most MAX_RECENT entries.
 */
import { basename } from 'node:path';
import type { RecentFile } from '../src-shared/api.ts';
import { addRecent as addToList, MAX_RECENT } from '../src-shared/settings.ts';
import type { TokenRegistry } from './lesson-tokens.ts';

export function addRecent(list: readonly string[], path: string, max = MAX_RECENT): string[] {
  return addToList(list, path, (a, b) => samePath(a, b), max);
}

export function removeRecent(list: readonly string[], path: string): string[] {
  return list.filter((p) => !samePath(p, path));
}

/**
 * Windows and macOS file systems usually ignore case, so `C:\Lessons\a.md` and
 * `c:\lessons\A.md` are one file there; elsewhere they are two.
 */
export function samePath(
  a: string,
  b: string,
  platform: NodeJS.Platform = process.platform,
): boolean {
  return platform === 'win32' || platform === 'darwin'
    ? a.toLowerCase() === b.toLowerCase()
    : a === b;
}

/** The store's part that keeps the list (settings-store.ts). */
export interface RecentStore {
  readonly recent: readonly string[];
  setRecent(paths: readonly string[]): void;
}

/**
 * The recent list as the app uses it: kept in the settings store, shown to the page and the
 * menu as names with tokens (never paths).
 */
export interface RecentFiles {
  /** Newest first, as the page and the File menu show them. */
  list(): RecentFile[];
  /** Puts these paths first, the first of them newest. */
  add(paths: readonly string[]): void;
  /** The path of a token, only while that path is in the list. */
  pathOf(token: string): string | null;
  remove(path: string): void;
  clear(): void;
}

export function createRecentFiles(store: RecentStore, tokens: TokenRegistry): RecentFiles {
  return {
    list: () =>
      store.recent.map((path) => ({ token: tokens.tokenFor(path), name: basename(path) })),
    add(paths) {
      if (paths.length === 0) return;
      let recent = [...store.recent];
      for (const path of paths.toReversed()) recent = addRecent(recent, path);
      store.setRecent(recent);
    },
    pathOf(token) {
      const path = tokens.pathOf(token);
      return path !== null && store.recent.some((p) => samePath(p, path)) ? path : null;
    },
    remove: (path) => store.setRecent(removeRecent(store.recent, path)),
    clear: () => store.setRecent([]),
  };
}
