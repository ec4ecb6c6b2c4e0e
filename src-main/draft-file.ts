/**
 * The file that keeps the draft of unsaved code (`drafts.json` in the user-data folder): one
 * write at a time, each atomic; a newer draft replaces one still waiting to be written. What
 * is read back is used only if it is a valid draft.
 */
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MAX_DRAFT_CODE, readDraft, type Draft } from '../src-shared/drafts.ts';
import { MAX_LESSON_BYTES } from '../src-shared/lesson/decode.ts';
import { writeFileAtomic } from './atomic-write.ts';

/** More than the largest valid draft takes as JSON (code and lesson text, escaped). */
const MAX_FILE_BYTES = 4 * (MAX_DRAFT_CODE + MAX_LESSON_BYTES) + 64 * 1024;

export interface DraftFile {
  /** The draft kept, or null when there is none or it is not a valid one. */
  load(): Promise<Draft | null>;
  /** Keeps a draft (null forgets it); resolves once it is on the disk. */
  save(draft: Draft | null): Promise<void>;
  /** Resolves once every draft given so far is on the disk. */
  flush(): Promise<void>;
}

export function createDraftFile(
  file: string,
  onError: (error: unknown) => void = (error) => console.error('drafts:', error),
): DraftFile {
  let waiting: { draft: Draft | null } | null = null;
  let writing: Promise<void> | null = null;

  const writeAll = async () => {
    while (waiting) {
      const { draft } = waiting;
      waiting = null;
      try {
        if (draft) {
          await mkdir(dirname(file), { recursive: true });
          await writeFileAtomic(file, JSON.stringify(draft));
        } else {
          await rm(file, { force: true });
        }
      } catch (error) {
        onError(error);
      }
    }
    writing = null;
  };

  return {
    async load() {
      try {
        if ((await stat(file)).size > MAX_FILE_BYTES) return null;
        return readDraft(JSON.parse(await readFile(file, 'utf8')) as unknown);
      } catch {
        return null;
      }
    },
    save(draft) {
      waiting = { draft };
      writing ??= writeAll();
      return writing;
    },
    flush: () => writing ?? Promise.resolve(),
  };
}
