/**
 * The host of the HTML replay: the app's contract (LoopscopeApi) for a page that only replays.
 * It has no engine, no lessons and no disk: settings live in memory for the page's life, and
 * the one thing it opens is the replay written into the page, handed over as the desktop app
 * hands over a file given on its command line.
 */
import { emptyProgress } from '../../src-shared/progress.ts';
import {
  DEFAULT_SETTINGS,
  type EngineStatus,
  type LoopscopeApi,
  type OpenResult,
  type ReplayBytes,
  type Settings,
} from '../../src-shared/api.ts';
import { parseSettingsPatch } from '../../src-shared/settings.ts';

/** Ready to replay; a run is refused, with why. */
const STATUS: EngineStatus = { state: 'ready' };
const NO_ENGINE = 'This page replays a saved run; it cannot run code.';

export function createReplayHost(look: Partial<Settings>, replay: ReplayBytes): LoopscopeApi {
  let settings: Settings = { ...DEFAULT_SETTINGS, ...look };
  const nothing = () => () => {};
  const none: OpenResult = { files: [], failures: [] };
  return {
    platform: 'web',
    appInfo: () =>
      Promise.resolve({
        app: 'replay',
        electron: null,
        chrome: null,
        python: null,
        platform: 'web',
      }),
    engine: {
      status: () => Promise.resolve(STATUS),
      onStatus: nothing,
      run: () => Promise.reject(new Error(NO_ENGINE)),
      stop: () => Promise.resolve(),
      onEvents: nothing,
    },
    lessons: {
      course: () => Promise.resolve({ lessons: [] }),
      openBundled: () => Promise.reject(new Error('This page has no lessons.')),
      openDialog: () => Promise.resolve(null),
      openDropped: () => Promise.resolve(none),
      recent: () => Promise.resolve([]),
      openRecent: () => Promise.resolve(none),
      onOpened(listener) {
        queueMicrotask(() => listener({ ...none, replays: [replay] }));
        return () => {};
      },
      onChanged: nothing,
      saveCode: () => Promise.resolve(false),
      saveFile: () => Promise.resolve(false),
    },
    settings: {
      get: () => Promise.resolve({ ...settings }),
      async set(patch: Partial<Settings>) {
        settings = { ...settings, ...parseSettingsPatch(patch) };
        return { ...settings };
      },
    },
    drafts: { load: () => Promise.resolve(null), save: () => Promise.resolve() },
    // A replay page keeps no progress: it is a student's copy of one run, not the course.
    progress: { get: () => Promise.resolve(emptyProgress()), save: () => Promise.resolve() },
    setDirty: () => {},
    onMenuCommand: nothing,
  };
}
