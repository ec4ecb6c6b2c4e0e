/**
 * The drafts feature: the app page sends the code the user has not saved as they type (it
 * waits a moment between keystrokes), and the main process keeps it in `drafts.json` in the
 * user-data folder, so that a crash of the page or of the app, or a restart, loses none of it.
 * Every draft is checked (`parseDraftRequest`) before it is written, one write at a time,
 * each atomic; a newer draft replaces one still waiting to be written.
 */
import { readFile, rm, stat } from 'node:fs/promises';
import { MAX_DRAFT_CODE, readDraft, type Draft } from '../src-shared/drafts.ts';
import { MAX_LESSON_BYTES } from '../src-shared/lesson/decode.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { handleAppInvoke, type ContentsGetter } from './ipc-handlers.ts';
import { INVOKE } from './ipc-channels.ts';
import { parseDraftRequest } from './ipc-validate.ts';

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
        if (draft) await writeFileAtomic(file, JSON.stringify(draft));
        else await rm(file, { force: true });
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

export function setupDrafts(options: { file: string; appContents: ContentsGetter }): DraftFile {
  const drafts = createDraftFile(options.file);
  handleAppInvoke(INVOKE.draftsLoad, options.appContents, () => drafts.load());
  handleAppInvoke(INVOKE.draftsSave, options.appContents, (draft) =>
    drafts.save(parseDraftRequest(draft)),
  );
  return drafts;
}
