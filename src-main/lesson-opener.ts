/**
 * Opening what the user chose (files, folders, or both) as lesson files with tokens.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { LessonFile, OpenFailure, OpenResult, ReplayBytes } from '../src-shared/api.ts';
import { isReplayFileName } from '../src-shared/save-kinds.ts';
import { listLessonFolder } from './lesson-folder.ts';
import { readLessonFile, type ReadLessonResult } from './lesson-reader.ts';
import type { TokenRegistry } from './lesson-tokens.ts';
import { readReplayBytes, type ReadReplayResult } from './replay-reader.ts';

export interface OpenedLesson {
  path: string;
  file: LessonFile;
}

export interface OpenOutcome {
  result: OpenResult;
  /** Every file opened, with its path, for the watcher. */
  opened: OpenedLesson[];
  /** The chosen paths (files or folders) that gave at least one lesson, for the recent list. */
  recent: string[];
}

export interface LessonOpenerDeps {
  tokens: TokenRegistry;
  kindOf?: (path: string) => Promise<'file' | 'folder' | 'missing' | 'other'>;
  readLesson?: (path: string) => Promise<ReadLessonResult>;
  readReplay?: (path: string) => Promise<ReadReplayResult>;
  listFolder?: (folder: string) => Promise<{ paths: string[]; truncated: boolean }>;
}

export async function kindOfPath(path: string): Promise<'file' | 'folder' | 'missing' | 'other'> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'folder' : info.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

export async function openLessonPaths(
  paths: readonly string[],
  deps: LessonOpenerDeps,
): Promise<OpenOutcome> {
  const kindOf = deps.kindOf ?? kindOfPath;
  const readLesson = deps.readLesson ?? ((path: string) => readLessonFile(path));
  const listFolder = deps.listFolder ?? ((folder: string) => listLessonFolder(folder));
  const files: LessonFile[] = [];
  const failures: OpenFailure[] = [];
  const replays: ReplayBytes[] = [];
  const readReplay = deps.readReplay ?? ((path: string) => readReplayBytes(path));
  const opened: OpenedLesson[] = [];
  const recent: string[] = [];

  const openFile = async (path: string): Promise<boolean> => {
    // A replay or a trace is read as it is: the page checks it and replays it.
    if (isReplayFileName(path)) {
      const replay = await readReplay(path);
      if (replay.ok) replays.push(replay.replay);
      else failures.push(replay.failure);
      return replay.ok;
    }
    const read = await readLesson(path);
    if (!read.ok) {
      failures.push(read.failure);
      return false;
    }
    const file: LessonFile = {
      token: deps.tokens.tokenFor(path),
      name: read.name,
      bundled: false,
      text: read.text,
    };
    files.push(file);
    opened.push({ path, file });
    return true;
  };

  for (const path of paths) {
    const kind = await kindOf(path);
    if (kind === 'folder') {
      let listing: { paths: string[]; truncated: boolean };
      try {
        listing = await listFolder(path);
      } catch {
        failures.push({ name: basename(path), reason: 'unreadable' });
        continue;
      }
      let any = false;
      for (const file of listing.paths) any = (await openFile(file)) || any;
      if (any) recent.push(path);
      else if (listing.paths.length === 0)
        failures.push({ name: basename(path), reason: 'unsupported' });
    } else if (kind === 'file') {
      if (await openFile(path)) recent.push(path);
    } else {
      failures.push({
        name: basename(path),
        reason: kind === 'missing' ? 'not-found' : 'unsupported',
      });
    }
  }
  const result: OpenResult = { files, failures };
  if (replays.length > 0) result.replays = replays;
  return { result, opened, recent };
}
