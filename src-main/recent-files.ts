/**
 * The recent-files list: the newest first, each path once (as the platform compares paths),
 * at most MAX_RECENT entries.
 */
import { addRecent as addToList, MAX_RECENT } from '../src-shared/settings.ts';

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
