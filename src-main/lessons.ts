/**
 * The lessons feature: the bundled course, lesson files and folders the user opens (dialog,
 * drop, command line, a second launch, "Open with", the recent list), watching them for edits,
 * and saving code. The renderer gets lesson text and opaque tokens, never paths.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import {
  app,
  dialog,
  type BrowserWindow,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import type {
  CourseIndex,
  Language,
  LessonFile,
  OpenResult,
  RecentFile,
} from '../src-shared/api.ts';
import { createTranslator } from '../src-shared/i18n/translate.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { bundledLessonPath, loadCourseIndex } from './course.ts';
import { mainCatalog } from './i18n/catalog-main.ts';
import { handleAppInvoke, handleAppMessage, type ContentsGetter } from './ipc-handlers.ts';
import { INVOKE, PUSH, SEND } from './ipc-channels.ts';
import {
  parseDroppedPaths,
  parseLanguage,
  parseLessonId,
  parseSaveCode,
  parseToken,
} from './ipc-validate.ts';
import { openLessonPaths, type OpenOutcome } from './lesson-opener.ts';
import { readLessonFile, type LessonFileSystem } from './lesson-reader.ts';
import { createTokenRegistry } from './lesson-tokens.ts';
import { createLessonWatcher } from './lesson-watcher.ts';
import { addRecent, removeRecent, samePath } from './recent-files.ts';
import type { SettingsStore } from './settings-store.ts';

export interface LessonsOptions {
  store: SettingsStore;
  /** The bundled course's folder, `assets/lessons`. */
  lessonsDir: string;
  appWindow: () => BrowserWindow | null;
  appContents: ContentsGetter;
  language: () => Language;
  onRecentChange: () => void;
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

/** Bundled lessons live in the app (perhaps inside its asar archive): read them whole. */
const bundledFileSystem: LessonFileSystem = {
  stat: (path) => stat(path),
  readHead: async (path) => new Uint8Array(await readFile(path)),
};

export function setupLessons(options: LessonsOptions): Lessons {
  const { store } = options;
  const tokens = createTokenRegistry();
  const t = () => createTranslator(mainCatalog, options.language());
  let course: Promise<CourseIndex> | null = null;
  let listening = false;
  const pending: OpenResult[] = [];
  let lastFolder: string | null = null;

  const push = (channel: string, payload: unknown) => {
    const contents = options.appContents();
    if (contents && !contents.isDestroyed()) contents.send(channel, payload);
  };

  const watcher = createLessonWatcher({
    read: async (path) => {
      const read = await readLessonFile(path);
      return read.ok ? read.text : null;
    },
    onChange: (path, text) => {
      const file: LessonFile = {
        token: tokens.tokenFor(path),
        name: basename(path),
        bundled: false,
        text,
      };
      push(PUSH.lessonsChanged, file);
    },
  });

  /**
   * Takes what was opened: watches it, and remembers it in the recent list. (The renderer asks
   * before a lesson replaces edited code, with the choice to save it first.)
   */
  const accept = (outcome: OpenOutcome): OpenResult => {
    if (outcome.opened.length > 0) {
      watcher.watchFiles(outcome.opened.map(({ path, file }) => ({ path, text: file.text })));
      lastFolder = dirname(outcome.opened[0]?.path ?? '') || lastFolder;
    }
    if (outcome.recent.length > 0) {
      let recent = [...store.recent];
      for (const path of [...outcome.recent].reverse()) recent = addRecent(recent, path);
      store.setRecent(recent);
      options.onRecentChange();
    }
    return outcome.result;
  };

  const open = (paths: readonly string[]) => openLessonPaths(paths, { tokens });

  /** Sends what the host opened by itself, once the page listens. */
  const deliver = (result: OpenResult) => {
    if (result.files.length === 0 && result.failures.length === 0) return;
    if (listening) push(PUSH.lessonsOpened, result);
    else pending.push(result);
  };

  const askForPaths = async (kind: 'files' | 'folder'): Promise<string[] | null> => {
    const window = options.appWindow();
    const tr = t();
    const dialogOptions: OpenDialogOptions = {
      title: tr(kind === 'files' ? 'dialog.open.title' : 'dialog.open-folder.title'),
      ...(lastFolder ? { defaultPath: lastFolder } : {}),
      properties: kind === 'files' ? ['openFile', 'multiSelections'] : ['openDirectory'],
      filters:
        kind === 'files'
          ? [
              { name: tr('dialog.filter.lessons'), extensions: ['md', 'markdown', 'py'] },
              { name: tr('dialog.filter.markdown'), extensions: ['md', 'markdown'] },
              { name: tr('dialog.filter.python'), extensions: ['py'] },
            ]
          : [],
    };
    const answer = window
      ? await dialog.showOpenDialog(window, dialogOptions)
      : await dialog.showOpenDialog(dialogOptions);
    return answer.canceled || answer.filePaths.length === 0 ? null : answer.filePaths;
  };

  const openRecentPath = async (token: unknown): Promise<OpenResult> => {
    const path = tokens.pathOf(parseToken(token));
    if (!path || !store.recent.some((p) => samePath(p, path))) {
      return { files: [], failures: [{ name: '', reason: 'not-found' }] };
    }
    const outcome = await open([path]);
    if (outcome.result.files.length === 0) {
      store.setRecent(removeRecent(store.recent, path));
      options.onRecentChange();
    }
    return accept(outcome);
  };

  const recent = (): RecentFile[] =>
    store.recent.map((path) => ({ token: tokens.tokenFor(path), name: basename(path) }));

  // --- The app page's calls ---------------------------------------------------------------

  const { appContents } = options;
  handleAppInvoke(
    INVOKE.lessonsCourse,
    appContents,
    () => (course ??= loadCourseIndex(options.lessonsDir)),
  );
  handleAppInvoke(INVOKE.lessonsOpenBundled, appContents, async (id, language) => {
    const lessonId = parseLessonId(id);
    const lang = parseLanguage(language);
    const index = await (course ??= loadCourseIndex(options.lessonsDir));
    const path = bundledLessonPath(options.lessonsDir, index, lessonId, lang);
    if (!path) throw new Error(`The course has no lesson "${lessonId}".`);
    const read = await readLessonFile(path, bundledFileSystem);
    if (!read.ok)
      throw new Error(`The bundled lesson "${lessonId}" cannot be read (${read.failure.reason}).`);
    return {
      token: tokens.tokenFor(path),
      name: read.name,
      bundled: true,
      text: read.text,
    } satisfies LessonFile;
  });
  handleAppInvoke(INVOKE.lessonsOpenDialog, appContents, async () => {
    const paths = await askForPaths('files');
    return paths ? accept(await open(paths)) : null;
  });
  handleAppInvoke(INVOKE.lessonsOpenDropped, appContents, async (paths) => {
    const dropped = parseDroppedPaths(paths, isAbsolute);
    return accept(await open(dropped));
  });
  handleAppInvoke(INVOKE.lessonsRecent, appContents, () => recent());
  handleAppInvoke(INVOKE.lessonsOpenRecent, appContents, (token) => openRecentPath(token));
  handleAppInvoke(INVOKE.lessonsSaveCode, appContents, async (code, suggestedName) => {
    const request = parseSaveCode(code, suggestedName);
    const window = options.appWindow();
    const tr = t();
    const saveOptions: SaveDialogOptions = {
      title: tr('dialog.save.title'),
      defaultPath: join(lastFolder ?? app.getPath('documents'), request.fileName),
      filters: [{ name: tr('dialog.filter.python'), extensions: ['py'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    };
    const answer = window
      ? await dialog.showSaveDialog(window, saveOptions)
      : await dialog.showSaveDialog(saveOptions);
    if (answer.canceled || !answer.filePath) return false;
    try {
      await writeFileAtomic(answer.filePath, request.code);
    } catch (error) {
      throw new Error(`${tr('dialog.save.failed')} ${String(error)}`, { cause: error });
    }
    lastFolder = dirname(answer.filePath);
    return true;
  });
  handleAppMessage(SEND.lessonsListening, appContents, () => {
    listening = true;
    for (const result of pending.splice(0)) push(PUSH.lessonsOpened, result);
  });

  return {
    openPaths: async (paths) => {
      if (paths.length > 0) deliver(accept(await open(paths)));
    },
    openWithDialog: async (kind) => {
      const paths = await askForPaths(kind);
      if (paths) deliver(accept(await open(paths)));
    },
    openRecent: async (token) => deliver(await openRecentPath(token)),
    clearRecent: () => {
      store.setRecent([]);
      options.onRecentChange();
    },
    recent,
    pageReloaded: () => {
      listening = false;
    },
    close: () => watcher.close(),
  };
}
