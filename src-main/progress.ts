/**
 * The course progress feature: the app page reads and keeps the student's progress through the
 * bundled course (src-shared/progress.ts). It lives in the settings file (settings-store.ts),
 * read back through `repairProgress`; what the page sends is checked whole (`parseProgress`)
 * before it replaces what was kept.
 */
import { parseProgress } from '../src-shared/progress.ts';
import { handleAppInvoke, type ContentsGetter } from './ipc-handlers.ts';
import { INVOKE } from './ipc-channels.ts';
import type { SettingsStore } from './settings-store.ts';

export function setupProgress(options: {
  store: SettingsStore;
  appContents: ContentsGetter;
}): void {
  const { store } = options;
  handleAppInvoke(INVOKE.progressGet, options.appContents, () => store.progress);
  handleAppInvoke(INVOKE.progressSave, options.appContents, (progress) => {
    store.setProgress(parseProgress(progress));
  });
}
