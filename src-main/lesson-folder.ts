/**
 * A folder of lessons: its Markdown and Python files (not its subfolders, nor hidden files),
 * in natural order, so that `2-tasks.md` comes before `10-queues.md`.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isLessonFileName } from './lesson-reader.ts';

/** The most files one folder may add at once. */
export const MAX_FOLDER_FILES = 200;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

export async function listLessonFolder(
  folder: string,
  list: (folder: string) => Promise<string[]> = (f) => readdir(f),
): Promise<{ paths: string[]; truncated: boolean }> {
  const names = (await list(folder))
    .filter((name) => !name.startsWith('.') && isLessonFileName(name))
    .sort(collator.compare);
  return {
    paths: names.slice(0, MAX_FOLDER_FILES).map((name) => join(folder, name)),
    truncated: names.length > MAX_FOLDER_FILES,
  };
}
