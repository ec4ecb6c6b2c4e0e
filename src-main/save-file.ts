/**
 * Saving a replay or an export (a PNG, an SVG, a GIF, a WebM video, an HTML replay) where the
 * user chooses, written atomically: a crash mid-write leaves the old file whole. What the page
 * asks to write is checked first: a known kind, data of that kind's shape, a bounded size, and
 * a base name that the dialog only suggests.
 */
import { dirname, join } from 'node:path';
import type { Language } from '../src-shared/api.ts';
import { createTranslator } from '../src-shared/i18n/translate.ts';
import {
  isSaveKind,
  MAX_SAVE_BYTES,
  SAVE_KINDS,
  saveFileName,
  type SaveKind,
} from '../src-shared/save-kinds.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { mainCatalog, type MainMessageKey } from './i18n/catalog-main.ts';
import type { LessonDialogOptions } from './lesson-dialogs.ts';

export interface SaveFileRequest {
  data: string | Uint8Array;
  fileName: string;
  kind: SaveKind;
}

/** The kinds written as text; the others are bytes. */
const TEXT_KINDS: ReadonlySet<SaveKind> = new Set(['replay', 'svg', 'html']);

const FILTERS: Record<SaveKind, MainMessageKey> = {
  replay: 'dialog.filter.replay',
  png: 'dialog.filter.png',
  svg: 'dialog.filter.svg',
  gif: 'dialog.filter.gif',
  webm: 'dialog.filter.webm',
  html: 'dialog.filter.html',
};

/** Checks what the page asks to save; throws on anything else. */
export function parseSaveFile(
  data: unknown,
  suggestedName: unknown,
  kind: unknown,
): SaveFileRequest {
  if (!isSaveKind(kind)) throw new Error('unknown kind of file to save');
  if (typeof suggestedName !== 'string' || suggestedName.length > 260) {
    throw new Error('the suggested name must be a short string');
  }
  const text = TEXT_KINDS.has(kind);
  if (!(text ? typeof data === 'string' : data instanceof Uint8Array)) {
    throw new Error(`a ${kind} file is saved as ${text ? 'text' : 'bytes'}`);
  }
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) throw new Error('no data');
  const size = typeof data === 'string' ? data.length : data.byteLength;
  if (size === 0 || size > MAX_SAVE_BYTES)
    throw new Error('the file to save is empty or too large');
  return { data, kind, fileName: saveFileName(suggestedName, kind) };
}

/** Asks where to save a file of `kind`, suggesting `fileName`; null when the user cancels. */
async function askWhereToSave(
  request: SaveFileRequest,
  options: LessonDialogOptions,
  t: (key: MainMessageKey) => string,
): Promise<string | null> {
  // The dialog's filter takes the extension's last part: `.loopscope.json` is filtered as json.
  const extension = SAVE_KINDS[request.kind].extension.split('.').pop() ?? '';
  const answer = await options.dialogs.showSaveDialog({
    title: t(request.kind === 'replay' ? 'dialog.save-replay.title' : 'dialog.export.title'),
    defaultPath: join(options.folder.current ?? options.documents(), request.fileName),
    filters: [{ name: t(FILTERS[request.kind]), extensions: [extension] }],
    properties: ['showOverwriteConfirmation', 'createDirectory'],
  });
  return answer.canceled || !answer.filePath ? null : answer.filePath;
}

/** True once the file is on disk; false when the user cancelled; a failed write throws. */
export async function saveFile(
  request: SaveFileRequest,
  options: LessonDialogOptions & {
    language: () => Language;
    write?: (path: string, data: string | Uint8Array) => Promise<void>;
  },
): Promise<boolean> {
  const t = createTranslator(mainCatalog, options.language());
  const path = await askWhereToSave(request, options, t);
  if (path === null) return false;
  const write = options.write ?? writeFileAtomic;
  try {
    await write(path, request.data);
  } catch (error) {
    throw new Error(`${t('dialog.save-file.failed')} ${String(error)}`, { cause: error });
  }
  options.folder.current = dirname(path);
  return true;
}
