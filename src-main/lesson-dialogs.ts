/**
 * The lessons feature's file dialogs: choosing lesson files or a folder of lessons to open,
 * and where to save code. Both start in the folder the user was last in.
 */
import { join } from 'node:path';
import type { Language } from '../src-shared/api.ts';
import { createTranslator } from '../src-shared/i18n/translate.ts';
import { mainCatalog } from './i18n/catalog-main.ts';
import type { Dialogs } from './window-dialogs.ts';

/** Where the dialogs start: the folder of the lesson last opened or the code last saved. */
export interface DialogFolder {
  current: string | null;
}

export interface LessonDialogOptions {
  dialogs: Pick<Dialogs, 'showOpenDialog' | 'showSaveDialog'>;
  language: () => Language;
  folder: DialogFolder;
  /** Where the save dialog starts before the user has been anywhere: the documents folder. */
  documents: () => string;
}

/** Asks for lesson files (Markdown or Python), or for one folder; null when the user cancels. */
export async function askForLessonPaths(
  kind: 'files' | 'folder',
  options: LessonDialogOptions,
): Promise<string[] | null> {
  const t = createTranslator(mainCatalog, options.language());
  const start = options.folder.current;
  const answer = await options.dialogs.showOpenDialog({
    title: t(kind === 'files' ? 'dialog.open.title' : 'dialog.open-folder.title'),
    ...(start ? { defaultPath: start } : {}),
    properties: kind === 'files' ? ['openFile', 'multiSelections'] : ['openDirectory'],
    filters:
      kind === 'files'
        ? [
            {
              name: t('dialog.filter.lessons'),
              extensions: ['md', 'markdown', 'py', 'json', 'jsonl'],
            },
            { name: t('dialog.filter.markdown'), extensions: ['md', 'markdown'] },
            { name: t('dialog.filter.python'), extensions: ['py'] },
            { name: t('dialog.filter.replays'), extensions: ['json', 'jsonl'] },
          ]
        : [],
  });
  return answer.canceled || answer.filePaths.length === 0 ? null : answer.filePaths;
}

/** Asks where to save a Python file, suggesting `fileName`; null when the user cancels. */
export async function askWhereToSaveCode(
  fileName: string,
  options: LessonDialogOptions,
): Promise<string | null> {
  const t = createTranslator(mainCatalog, options.language());
  const answer = await options.dialogs.showSaveDialog({
    title: t('dialog.save.title'),
    defaultPath: join(options.folder.current ?? options.documents(), fileName),
    filters: [{ name: t('dialog.filter.python'), extensions: ['py'] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  });
  return answer.canceled || !answer.filePath ? null : answer.filePath;
}
