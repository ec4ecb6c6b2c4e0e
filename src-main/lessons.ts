/**
 * The lessons feature: the bundled course, lesson files and folders the user opens (dialog,
 * drop, command line, a second launch, "Open with", the recent list), watching them for edits,
 * and saving code. The renderer gets lesson text and opaque tokens, never paths. Each part is
 * its own module; this one puts them together and answers the app page's calls.
 */
import { isAbsolute } from 'node:path';
import type { Language, OpenResult, RecentFile } from '../src-shared/api.ts';
import { createBundledCourse } from './course.ts';
import { createDeliveryQueue } from './delivery-queue.ts';
import {
  handleAppInvoke,
  handleAppMessage,
  sendToApp,
  type ContentsGetter,
} from './ipc-handlers.ts';
import { INVOKE, PUSH, SEND } from './ipc-channels.ts';
import {
  parseDroppedPaths,
  parseLanguage,
  parseLessonId,
  parseSaveCode,
  parseToken,
} from './ipc-validate.ts';
import { askForLessonPaths, type LessonDialogOptions } from './lesson-dialogs.ts';
import { createTokenRegistry } from './lesson-tokens.ts';
import { watchOpenLessons } from './lesson-watcher.ts';
import { createOpenLessons } from './open-lessons.ts';
import { createRecentFiles, type RecentStore } from './recent-files.ts';
import { saveCode } from './save-code.ts';
import { parseSaveFile, saveFile } from './save-file.ts';
import type { Dialogs } from './window-dialogs.ts';

export interface LessonsOptions {
  /** Where the recent list is kept (the settings store). */
  store: RecentStore;
  /** The bundled course's folder, `assets/lessons`. */
  lessonsDir: string;
  appContents: ContentsGetter;
  dialogs: Dialogs;
  language: () => Language;
  /** Where the save dialog starts before the user has been anywhere. */
  documents: () => string;
}

export interface Lessons {
  /** Opens paths the host was given (command line, second launch, "Open with"). */
  openPaths(paths: readonly string[]): Promise<void>;
  /** The File menu's commands. */
  openWithDialog(kind: 'files' | 'folder'): Promise<void>;
  openRecent(token: string): Promise<void>;
  clearRecent(): void;
  recent(): RecentFile[];
  /** The app page (re)loaded: it must subscribe again before it is sent what was opened. */
  pageReloaded(): void;
  close(): void;
}

export function setupLessons(options: LessonsOptions): Lessons {
  const { appContents } = options;
  const push = (channel: string, payload: unknown) => sendToApp(appContents, channel, payload);
  const tokens = createTokenRegistry();
  const course = createBundledCourse(options.lessonsDir, tokens);
  const recent = createRecentFiles(options.store, tokens);
  const watcher = watchOpenLessons({ tokens, send: (file) => push(PUSH.lessonsChanged, file) });
  const dialogOptions: LessonDialogOptions = {
    dialogs: options.dialogs,
    language: options.language,
    documents: options.documents,
    folder: { current: null },
  };
  const lessons = createOpenLessons({ tokens, recent, watcher, folder: dialogOptions.folder });

  // What the host opens by itself waits until the page listens for it.
  const opened = createDeliveryQueue<OpenResult>();
  const deliver = (result: OpenResult) => {
    const any = result.files.length + result.failures.length + (result.replays?.length ?? 0);
    if (any > 0) opened.post(result);
  };
  const openWithDialog = async (kind: 'files' | 'folder') => {
    const paths = await askForLessonPaths(kind, dialogOptions);
    return paths ? lessons.open(paths) : null;
  };

  handleAppInvoke(INVOKE.lessonsCourse, appContents, () => course.index());
  handleAppInvoke(INVOKE.lessonsOpenBundled, appContents, (id, language) =>
    course.open(parseLessonId(id), parseLanguage(language)),
  );
  handleAppInvoke(INVOKE.lessonsOpenDialog, appContents, () => openWithDialog('files'));
  handleAppInvoke(INVOKE.lessonsOpenDropped, appContents, (paths) =>
    lessons.open(parseDroppedPaths(paths, isAbsolute)),
  );
  handleAppInvoke(INVOKE.lessonsRecent, appContents, () => recent.list());
  handleAppInvoke(INVOKE.lessonsOpenRecent, appContents, (token) =>
    lessons.openRecent(parseToken(token)),
  );
  handleAppInvoke(INVOKE.lessonsSaveCode, appContents, (code, suggestedName) =>
    saveCode(parseSaveCode(code, suggestedName), dialogOptions),
  );
  handleAppInvoke(INVOKE.lessonsSaveFile, appContents, (data, suggestedName, kind) =>
    saveFile(parseSaveFile(data, suggestedName, kind), dialogOptions),
  );
  handleAppMessage(SEND.lessonsListening, appContents, () =>
    opened.deliverTo((results) => {
      for (const result of results) push(PUSH.lessonsOpened, result);
    }),
  );

  return {
    openPaths: async (paths) => {
      if (paths.length > 0) deliver(await lessons.open(paths));
    },
    openWithDialog: async (kind) => {
      const result = await openWithDialog(kind);
      if (result) deliver(result);
    },
    openRecent: async (token) => deliver(await lessons.openRecent(token)),
    clearRecent: () => recent.clear(),
    recent: () => recent.list(),
    pageReloaded: () => opened.hold(),
    close: () => watcher.close(),
  };
}
