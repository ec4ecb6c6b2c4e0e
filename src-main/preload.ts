/**
 * The app page's preload: it exposes exactly `LoopscopeApi` as `window.loopscope`, through
 * the context bridge, as narrow functions; the page never gets `ipcRenderer` itself.
 * Sandboxed: this file is bundled into one CommonJS file that requires only 'electron'.
 *
 * It also does two things on the page's behalf that only a trusted context can do well:
 * it opens https links the user really clicked (a trusted click) in the system browser, and
 * it opens lesson files dropped anywhere on the window that the page did not handle itself.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type {
  AppInfo,
  CourseIndex,
  EngineStatus,
  LessonFile,
  LoopscopeApi,
  MenuCommand,
  OpenResult,
  RecentFile,
  Settings,
} from '../src-shared/api.ts';
import type { Draft } from '../src-shared/drafts.ts';
import type { CourseProgress } from '../src-shared/progress.ts';
import type { TraceEvent } from '../src-shared/trace.ts';
import { INVOKE, PUSH, SEND } from './ipc-channels.ts';
import { subscribe } from './preload-subscribe.ts';

function invoke<T>(channel: string, ...args: unknown[]): Promise<T> {
  return ipcRenderer.invoke(channel, ...args) as Promise<T>;
}

/** The paths of files from the disk; a File made in JavaScript has none and is left out. */
function pathsOf(files: unknown): string[] {
  if (!Array.isArray(files)) return [];
  const paths: string[] = [];
  for (const file of files) {
    try {
      const path = webUtils.getPathForFile(file as File);
      if (path) paths.push(path);
    } catch {
      // Not a File.
    }
  }
  return paths;
}

// `onOpened` listeners are kept here, so that a drop the preload handles reaches them too.
const openedListeners = new Set<(result: OpenResult) => void>();
ipcRenderer.on(PUSH.lessonsOpened, (_event, result: OpenResult) => {
  for (const listener of openedListeners) listener(result);
});

const api = {
  platform: 'electron',
  appInfo: () => invoke<AppInfo>(INVOKE.appInfo),
  engine: {
    status: () => invoke<EngineStatus>(INVOKE.engineStatus),
    onStatus: (listener: (status: EngineStatus) => void) => subscribe(PUSH.engineStatus, listener),
    run: (request) => invoke<string>(INVOKE.engineRun, request),
    stop: (runId) => invoke<undefined>(INVOKE.engineStop, runId).then(() => {}),
    onEvents: (listener: (runId: string, events: TraceEvent[]) => void) =>
      subscribe(PUSH.engineEvents, listener),
  },
  lessons: {
    course: () => invoke<CourseIndex>(INVOKE.lessonsCourse),
    openBundled: (id, language) => invoke<LessonFile>(INVOKE.lessonsOpenBundled, id, language),
    openDialog: () => invoke<OpenResult | null>(INVOKE.lessonsOpenDialog),
    openDropped: (files) => invoke<OpenResult>(INVOKE.lessonsOpenDropped, pathsOf(files)),
    recent: () => invoke<RecentFile[]>(INVOKE.lessonsRecent),
    openRecent: (token) => invoke<OpenResult>(INVOKE.lessonsOpenRecent, token),
    onOpened: (listener: (result: OpenResult) => void) => {
      openedListeners.add(listener);
      ipcRenderer.send(SEND.lessonsListening);
      return () => {
        openedListeners.delete(listener);
      };
    },
    onChanged: (listener: (file: LessonFile) => void) => subscribe(PUSH.lessonsChanged, listener),
    saveCode: (code, suggestedName) => invoke<boolean>(INVOKE.lessonsSaveCode, code, suggestedName),
    saveFile: (data, suggestedName, kind) =>
      invoke<boolean>(INVOKE.lessonsSaveFile, data, suggestedName, kind),
  },
  settings: {
    get: () => invoke<Settings>(INVOKE.settingsGet),
    set: (patch) => invoke<Settings>(INVOKE.settingsSet, patch),
  },
  drafts: {
    load: () => invoke<Draft | null>(INVOKE.draftsLoad),
    save: (draft) => invoke<undefined>(INVOKE.draftsSave, draft).then(() => {}),
  },
  progress: {
    get: () => invoke<CourseProgress>(INVOKE.progressGet),
    save: (progress) => invoke<undefined>(INVOKE.progressSave, progress).then(() => {}),
  },
  setDirty: (dirty) => {
    ipcRenderer.send(SEND.setDirty, dirty === true);
  },
  onMenuCommand: (listener: (command: MenuCommand) => void) =>
    subscribe(PUSH.menuCommand, listener),
} satisfies LoopscopeApi;

contextBridge.exposeInMainWorld('loopscope', api);

// --- Links: only https, only when the user clicked ---------------------------------------
function onLinkClick(event: MouseEvent): void {
  const target = event.target;
  const anchor = target instanceof Element ? target.closest('a[href]') : null;
  if (!(anchor instanceof HTMLAnchorElement)) return;
  let url: URL;
  try {
    url = new URL(anchor.href);
  } catch {
    return;
  }
  if (url.protocol === 'app:' && url.host === location.host) return;
  // Leaving the app is never a navigation; at most the system browser opens the link.
  event.preventDefault();
  if (event.isTrusted && url.protocol === 'https:') ipcRenderer.send(SEND.openLink, url.href);
}
window.addEventListener('click', onLinkClick, true);
window.addEventListener('auxclick', onLinkClick, true);

// --- Files dropped on the window ---------------------------------------------------------
window.addEventListener('dragover', (event) => {
  if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
});
window.addEventListener('drop', (event) => {
  if (!event.isTrusted) return;
  // The files must be taken now: a drop's data is gone once the event is over.
  const files = Array.from(event.dataTransfer?.files ?? []);
  if (files.length === 0) return;
  // The preload's listener runs before the page's: decide once every listener has run,
  // and leave the drop to the page if it handled it.
  setTimeout(() => {
    if (event.defaultPrevented) return;
    void invoke<OpenResult>(INVOKE.lessonsOpenDropped, pathsOf(files)).then((result) => {
      if (result.files.length > 0 || result.failures.length > 0) {
        for (const listener of openedListeners) listener(result);
      }
    });
  }, 0);
  // Not prevented here: the window does not navigate to dropped files (navigateOnDragDrop is
  // off, and navigation is refused anyway), and the page must be able to tell its own drop.
});
