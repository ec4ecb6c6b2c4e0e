/**
 * Saving the editor's code as a `.py` file where the user chooses, written atomically (a crash
 * mid-write leaves the old file whole). The dialogs then start in that folder.
 */
import { dirname } from 'node:path';
import { createTranslator } from '../src-shared/i18n/translate.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { mainCatalog } from './i18n/catalog-main.ts';
import type { SaveCodeRequest } from './ipc-validate.ts';
import { askWhereToSaveCode, type LessonDialogOptions } from './lesson-dialogs.ts';

/** True once the code is on disk; false when the user cancelled; a failed write throws. */
export async function saveCode(
  request: SaveCodeRequest,
  options: LessonDialogOptions & { write?: (path: string, text: string) => Promise<void> },
): Promise<boolean> {
  const path = await askWhereToSaveCode(request.fileName, options);
  if (path === null) return false;
  const write = options.write ?? writeFileAtomic;
  try {
    await write(path, request.code);
  } catch (error) {
    const t = createTranslator(mainCatalog, options.language());
    throw new Error(`${t('dialog.save.failed')} ${String(error)}`, { cause: error });
  }
  options.folder.current = dirname(path);
  return true;
}
