/**
 * The drafts feature: the app page sends the code the user has not saved as they type (it
 * waits a moment between keystrokes), and the main process keeps it (draft-file.ts), so that a
 * crash of the page or of the app, or a restart, loses none of it. Every draft is checked
 * (`parseDraftRequest`: its shape and sizes) before it is written.
 */
import { createDraftFile, type DraftFile } from './draft-file.ts';
import { handleAppInvoke, type ContentsGetter } from './ipc-handlers.ts';
import { INVOKE } from './ipc-channels.ts';
import { parseDraftRequest } from './ipc-validate.ts';

export function setupDrafts(options: { file: string; appContents: ContentsGetter }): DraftFile {
  const drafts = createDraftFile(options.file);
  handleAppInvoke(INVOKE.draftsLoad, options.appContents, () => drafts.load());
  handleAppInvoke(INVOKE.draftsSave, options.appContents, (draft) =>
    drafts.save(parseDraftRequest(draft)),
  );
  return drafts;
}
