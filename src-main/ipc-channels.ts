/**
 * The names of the IPC channels between the main process and its two preloads. Only the
 * preloads and the main process use them; pages see `LoopscopeApi` and `EngineBridge`.
 */

/** The app page calls these with `ipcRenderer.invoke`. */
export const INVOKE = {
  appInfo: 'app:info',
  engineStatus: 'engine:status',
  engineRun: 'engine:run',
  engineStop: 'engine:stop',
  lessonsCourse: 'lessons:course',
  lessonsOpenBundled: 'lessons:open-bundled',
  lessonsOpenDialog: 'lessons:open-dialog',
  lessonsOpenDropped: 'lessons:open-dropped',
  lessonsRecent: 'lessons:recent',
  lessonsOpenRecent: 'lessons:open-recent',
  lessonsSaveCode: 'lessons:save-code',
  lessonsSaveFile: 'lessons:save-file',
  settingsGet: 'settings:get',
  settingsSet: 'settings:set',
  draftsLoad: 'drafts:load',
  draftsSave: 'drafts:save',
  progressGet: 'progress:get',
  progressSave: 'progress:save',
} as const;

/** The app page sends these with `ipcRenderer.send`; no answer. */
export const SEND = {
  setDirty: 'app:set-dirty',
  openLink: 'app:open-link',
  /** The page subscribed to `lessons.onOpened`: what the host opened before can be sent. */
  lessonsListening: 'lessons:listening',
} as const;

/** Main sends these to the app page. */
export const PUSH = {
  engineStatus: 'engine:status-changed',
  engineEvents: 'engine:events',
  lessonsOpened: 'lessons:opened',
  lessonsChanged: 'lessons:changed',
  menuCommand: 'menu:command',
} as const;

/** Between main and the hidden engine page. */
export const ENGINE = {
  /** Page to main. */
  status: 'engine-page:status',
  events: 'engine-page:events',
  runFailed: 'engine-page:run-failed',
  loadSnapshot: 'engine-page:load-snapshot',
  saveSnapshot: 'engine-page:save-snapshot',
  /** Main to page. */
  run: 'engine-page:run',
  stop: 'engine-page:stop',
} as const;
