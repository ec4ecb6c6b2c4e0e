/**
 * The web edition's host: what the Electron preload provides, implemented in the page. The
 * engine runs in a Web Worker; the bundled course is fetched from the built site; settings
 * and recent files live in localStorage (stored.ts).
 */
import {
  type CourseIndex,
  type EngineStatus,
  type Language,
  type LoopscopeApi,
  type OpenResult,
  type RecentFile,
  type Settings,
} from '../src-shared/api.ts';
import { RunRegistry } from '../src-shared/engine-run.ts';
import type { RunRequest, TraceEvent } from '../src-shared/trace.ts';
import { createBrowserEngine } from '../src-engine/web/engine.ts';
import { WEB_COURSE_DIR } from '../src-shared/build-paths.mjs';
import { parseCourseIndex } from '../src-shared/course.ts';
import { parseDraft, type Draft } from '../src-shared/drafts.ts';
import { codeFileName, SAVE_KINDS, saveFileName, type SaveKind } from '../src-shared/save-kinds.ts';
import { parseSettingsPatch } from '../src-shared/settings.ts';
import { parseProgress, type CourseProgress } from '../src-shared/progress.ts';
import { downloadText, pickFiles, readLessonFiles } from './files.ts';
import { createWebStore } from './stored.ts';

declare global {
  interface Window {
    loopscope: LoopscopeApi;
  }
}

// The page is served as /src-web/index.html or as /; either way the site's root is one up.
const site = new URL('../', location.href);
// The engine checks everything its workers send with the rules every host enforces
// (src-shared/run-guard.ts): a run's trace, its event and output budgets, the rate of its
// messages, the statuses; a worker that breaks one is ended, and its run with it.
const engine = createBrowserEngine(new URL('pyodide/', site));
const eventListeners = new Set<(runId: string, events: TraceEvent[]) => void>();
let nextRun = 1;
const runs = new RunRegistry(
  engine,
  (runId, events) => {
    for (const listener of eventListeners) listener(runId, events);
  },
  () => `run-${nextRun++}`,
);

const store = createWebStore(localStorage);

function remember(result: OpenResult): OpenResult {
  store.remember(result.files);
  return result;
}

async function fetchText(path: string): Promise<string> {
  const response = await fetch(new URL(path, site));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

let course: Promise<CourseIndex> | null = null;

function loadCourse(): Promise<CourseIndex> {
  course ??= fetchText(`${WEB_COURSE_DIR}/index.json`)
    .then((text) => parseCourseIndex(JSON.parse(text) as unknown))
    .catch(() => ({ lessons: [] }));
  return course;
}

let dirty = false;
addEventListener('beforeunload', (event) => {
  if (dirty) event.preventDefault();
});

// Start Python at once: the first scenario should be ready to play as soon as possible.
void engine.ready().catch(() => {});

window.loopscope = {
  platform: 'web',
  async appInfo() {
    const status = engine.status;
    const chrome = /Chrom(?:e|ium)\/([\d.]+)/.exec(navigator.userAgent)?.[1] ?? null;
    return { app: 'web', electron: null, chrome, python: status.python ?? null, platform: 'web' };
  },
  engine: {
    status: () => Promise.resolve(engine.status),
    onStatus: (listener: (status: EngineStatus) => void) => engine.onStatus(listener),
    run: (request: RunRequest) => Promise.resolve(runs.run(request)),
    stop(runId: string) {
      runs.stop(runId);
      return Promise.resolve();
    },
    onEvents(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
  },
  lessons: {
    course: loadCourse,
    async openBundled(id: string, language: Language) {
      const lesson = (await loadCourse()).lessons.find((l) => l.id === id);
      if (!lesson) throw new Error(`no lesson ${id}`);
      const name = lesson.file[language];
      return {
        token: `bundled:${id}:${language}`,
        name,
        bundled: true,
        text: await fetchText(`${WEB_COURSE_DIR}/${name}`),
      };
    },
    async openDialog() {
      const files = await pickFiles('.md,.markdown,.py,.json,.jsonl,text/markdown,text/x-python');
      return files ? remember(await readLessonFiles(files)) : null;
    },
    async openDropped(files: File[]) {
      return remember(await readLessonFiles(files));
    },
    recent: () =>
      Promise.resolve(store.recent.map((r): RecentFile => ({ token: r.token, name: r.name }))),
    openRecent(token: string) {
      const file = store.recent.find((r) => r.token === token);
      return Promise.resolve(
        file
          ? remember({ files: [file], failures: [] })
          : { files: [], failures: [{ name: token, reason: 'not-found' }] },
      );
    },
    // A browser opens nothing by itself and is not told when a file changes.
    onOpened: () => () => {},
    onChanged: () => () => {},
    saveCode(code: string, suggestedName: string) {
      downloadText(code, codeFileName(suggestedName));
      return Promise.resolve(true);
    },
    saveFile(data: string | Uint8Array, suggestedName: string, kind: SaveKind) {
      downloadText(data, saveFileName(suggestedName, kind), SAVE_KINDS[kind].type);
      return Promise.resolve(true);
    },
  },
  settings: {
    get: () => Promise.resolve({ ...store.settings }),
    // A wrong change is refused, as the desktop app's main process refuses it.
    async set(patch: Partial<Settings>) {
      store.setSettings({ ...store.settings, ...parseSettingsPatch(patch) });
      return { ...store.settings };
    },
  },
  drafts: {
    load: () => Promise.resolve(store.draft),
    // Written before the first await (localStorage is synchronous): a draft sent as the page
    // goes away lands. A wrong one is refused, as the desktop app's main process refuses it.
    async save(draft: Draft | null) {
      store.saveDraft(draft === null ? null : parseDraft(draft));
    },
  },
  progress: {
    get: () => Promise.resolve(store.progress),
    // A wrong value is refused, as the desktop app's main process refuses it.
    async save(progress: CourseProgress) {
      store.saveProgress(parseProgress(progress));
    },
  },
  setDirty(value: boolean) {
    dirty = value;
  },
  // Menus are the desktop app's; in the browser the page's own shortcuts do their work.
  onMenuCommand: () => () => {},
} satisfies LoopscopeApi;

// The renderer may have loaded first (bundlers order shared chunks as they like): tell it.
dispatchEvent(new Event('loopscope-ready'));
