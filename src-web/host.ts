/**
 * The web edition's host: what the Electron preload provides, implemented in the page. The
 * engine runs in a Web Worker; the bundled course is fetched from the built site; settings
 * and recent files live in localStorage.
 */
import {
  DEFAULT_SETTINGS,
  type CourseIndex,
  type EngineStatus,
  type Language,
  type LessonFile,
  type LoopscopeApi,
  type OpenResult,
  type RecentFile,
  type Settings,
} from '../src-shared/api.ts';
import { RunRegistry } from '../src-shared/engine-run.ts';
import type { RunRequest, TraceEvent } from '../src-shared/trace.ts';
import { createBrowserEngine } from '../src-engine/web/engine.ts';
import { downloadText, pickFiles, readLessonFiles } from './files.ts';

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

const SETTINGS_KEY = 'loopscope.settings';
const RECENT_KEY = 'loopscope.recent';
const MAX_RECENT = 8;

function readStored<T>(key: string, fallback: T): T {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : fallback;
  } catch {
    return fallback;
  }
}

function writeStored(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    // Storage full or disabled: what was not written lasts for this visit only.
    return false;
  }
}

let settings: Settings = {
  ...DEFAULT_SETTINGS,
  ...readStored<Partial<Settings>>(SETTINGS_KEY, {}),
};
/** Recently opened files, with their text: a browser cannot open a path again. */
let recent = readStored<unknown[]>(RECENT_KEY, []).filter(isStoredFile);

function isStoredFile(value: unknown): value is LessonFile {
  if (typeof value !== 'object' || value === null) return false;
  const file = value as Partial<Record<keyof LessonFile, unknown>>;
  return (
    typeof file.token === 'string' && typeof file.name === 'string' && typeof file.text === 'string'
  );
}

/**
 * Adds opened files to the recent list, newest first, one entry per name. Storage holds a few
 * megabytes: when the list does not fit, the oldest files are left out of it (but stay in the
 * list for this visit).
 */
function remember(result: OpenResult): OpenResult {
  for (const file of result.files.toReversed()) {
    recent = [file, ...recent.filter((r) => r.name !== file.name)].slice(0, MAX_RECENT);
  }
  for (let kept = recent.length; kept > 0; kept--) {
    if (writeStored(RECENT_KEY, recent.slice(0, kept))) break;
  }
  return result;
}

async function fetchText(path: string): Promise<string> {
  const response = await fetch(new URL(path, site));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.text();
}

let course: Promise<CourseIndex> | null = null;

function loadCourse(): Promise<CourseIndex> {
  course ??= fetchText('lessons/index.json')
    .then((text) => JSON.parse(text) as CourseIndex)
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
        text: await fetchText(`lessons/${name}`),
      };
    },
    async openDialog() {
      const files = await pickFiles('.md,.markdown,.py,text/markdown,text/x-python');
      return files ? remember(await readLessonFiles(files)) : null;
    },
    async openDropped(files: File[]) {
      return remember(await readLessonFiles(files));
    },
    recent: () =>
      Promise.resolve(recent.map((r): RecentFile => ({ token: r.token, name: r.name }))),
    openRecent(token: string) {
      const file = recent.find((r) => r.token === token);
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
      downloadText(code, suggestedName);
      return Promise.resolve(true);
    },
  },
  settings: {
    get: () => Promise.resolve({ ...settings }),
    set(patch: Partial<Settings>) {
      settings = { ...settings, ...patch };
      writeStored(SETTINGS_KEY, settings);
      return Promise.resolve({ ...settings });
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
