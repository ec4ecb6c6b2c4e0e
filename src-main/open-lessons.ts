/**
 * The lessons the user has open from the disk. Whatever opens them (the dialog, a drop, the
 * command line, a second launch, "Open with", the recent list) goes through `open`: the files
 * are read (lesson-opener.ts) and watched from then on, in place of those open before; the
 * dialogs start in their folder next time; and what opened goes first in the recent list.
 */
import { dirname } from 'node:path';
import type { OpenResult } from '../src-shared/api.ts';
import type { DialogFolder } from './lesson-dialogs.ts';
import { openLessonPaths, type OpenOutcome } from './lesson-opener.ts';
import type { TokenRegistry } from './lesson-tokens.ts';
import type { LessonWatcher } from './lesson-watcher.ts';
import type { RecentFiles } from './recent-files.ts';

export interface OpenLessons {
  open(paths: readonly string[]): Promise<OpenResult>;
  /** Opens a recent entry by its token; an entry that no longer opens leaves the list. */
  openRecent(token: string): Promise<OpenResult>;
}

export interface OpenLessonsOptions {
  tokens: TokenRegistry;
  recent: RecentFiles;
  watcher: Pick<LessonWatcher, 'watchFiles'>;
  folder: DialogFolder;
  openPaths?: (paths: readonly string[]) => Promise<OpenOutcome>;
}

export function createOpenLessons(options: OpenLessonsOptions): OpenLessons {
  const { recent, watcher, folder } = options;
  const openPaths =
    options.openPaths ?? ((paths) => openLessonPaths(paths, { tokens: options.tokens }));

  const accept = (outcome: OpenOutcome): OpenResult => {
    const [first] = outcome.opened;
    if (first) {
      watcher.watchFiles(outcome.opened.map(({ path, file }) => ({ path, text: file.text })));
      folder.current = dirname(first.path);
    }
    recent.add(outcome.recent);
    return outcome.result;
  };

  return {
    open: async (paths) => accept(await openPaths(paths)),
    async openRecent(token) {
      const path = recent.pathOf(token);
      if (path === null) return { files: [], failures: [{ name: '', reason: 'not-found' }] };
      const outcome = await openPaths([path]);
      if (outcome.result.files.length === 0) recent.remove(path);
      return accept(outcome);
    },
  };
}
