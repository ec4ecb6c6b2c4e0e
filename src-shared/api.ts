/**
 * The one contract between the user interface and its host: the Electron preload provides it
 * (`... satisfies LoopscopeApi`) and the web edition's host implements it in the page.
 * Everything crossing it is structured-clone data; functions only appear as callbacks.
 */
import type { Draft } from './drafts.ts';
import type { CourseProgress } from './progress.ts';
import type { SaveKind } from './save-kinds.ts';
import type { RunRequest, TraceEvent } from './trace.ts';

export type Unsubscribe = () => void;

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LanguageSetting = Language | 'system';
export type Theme = 'light' | 'dark' | 'contrast' | 'system';

export interface Settings {
  language: LanguageSetting;
  theme: Theme;
  /** Playback speed, within SPEED_RANGE (settings.ts). */
  speed: number;
  presentation: boolean;
  /** UI zoom factor, within ZOOM_RANGE (settings.ts). */
  zoom: number;
  /** Whether the why-arrows (cause → effect, for the step on show) are drawn. */
  whyArrows: boolean;
  /** How play moves: step by step at `speed`, or by the virtual clock at `timeScale`. */
  pace: Pace;
  /** While playing by virtual time: real seconds per virtual second, one of TIME_SCALES. */
  timeScale: number;
}

export type Pace = 'steps' | 'time';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  language: 'system',
  theme: 'system',
  speed: 1,
  presentation: false,
  zoom: 1,
  whyArrows: true,
  pace: 'steps',
  timeScale: 1,
});

export type EngineState = 'loading' | 'ready' | 'running' | 'crashed';

export interface EngineStatus {
  state: EngineState;
  /** While loading: 0 to 1. */
  progress?: number;
  /** The Python version inside, once known. */
  python?: string;
  /** A translated-key-free technical detail when the engine crashed. */
  error?: string;
}

/** A lesson file's text as the host read it. The renderer parses it with src-shared's parser. */
export interface LessonFile {
  /** An opaque token the host understands; the renderer never sees a file system path. */
  token: string;
  /** The file name to show, such as `create_task.ru.md`. */
  name: string;
  /** True for a lesson of the bundled course. */
  bundled: boolean;
  text: string;
}

/** The bundled course's table of contents (assets/lessons/index.json). */
export interface CourseIndex {
  lessons: CourseLesson[];
}

export interface CourseLesson {
  id: string;
  title: Record<Language, string>;
  file: Record<Language, string>;
}

export interface RecentFile {
  token: string;
  name: string;
}

/** Commands the host's menus and shortcuts send to the user interface. */
export type MenuCommand =
  | 'run'
  | 'stop'
  | 'play-pause'
  | 'step-forward'
  | 'step-back'
  | 'save-code'
  | 'save-replay'
  | 'export'
  | 'toggle-presentation'
  | 'zoom-in'
  | 'zoom-out'
  | 'zoom-reset';

export interface AppInfo {
  app: string;
  electron: string | null;
  chrome: string | null;
  python: string | null;
  platform: 'electron' | 'web';
}

/** Why a lesson could not be opened: a key of the i18n catalogs' `error.*` group, and its values. */
export interface OpenFailure {
  name: string;
  reason:
    'not-found' | 'empty' | 'too-large' | 'binary' | 'not-utf8' | 'unsupported' | 'unreadable';
}

/**
 * A replay or trace file (`.loopscope.json`, the command line's `--trace` JSON Lines) that the
 * host read for the page: the page checks and parses it (src-shared/replay-file.ts). A file
 * larger than a replay may be comes with its size and no bytes.
 */
export interface ReplayBytes {
  name: string;
  size: number;
  bytes: Uint8Array;
}

export interface OpenResult {
  files: LessonFile[];
  failures: OpenFailure[];
  /** Replays and traces opened with the lessons (the dialog, the command line, a drop). */
  replays?: ReplayBytes[];
}

export interface LoopscopeApi {
  readonly platform: 'electron' | 'web';
  appInfo(): Promise<AppInfo>;
  engine: {
    status(): Promise<EngineStatus>;
    onStatus(listener: (status: EngineStatus) => void): Unsubscribe;
    /** Starts a run; its events arrive through `onEvents` in batches, in order, tagged by run id. */
    run(request: RunRequest): Promise<string>;
    stop(runId: string): Promise<void>;
    onEvents(listener: (runId: string, events: TraceEvent[]) => void): Unsubscribe;
  };
  lessons: {
    course(): Promise<CourseIndex>;
    openBundled(id: string, language: Language): Promise<LessonFile>;
    /** Asks the user for lesson files or a folder; null when they cancel. */
    openDialog(): Promise<OpenResult | null>;
    /** Files dropped on the window. */
    openDropped(files: File[]): Promise<OpenResult>;
    recent(): Promise<RecentFile[]>;
    openRecent(token: string): Promise<OpenResult>;
    /** Lessons the host opened by itself: the command line, a second launch, the menu. */
    onOpened(listener: (result: OpenResult) => void): Unsubscribe;
    /** An open lesson changed on disk. */
    onChanged(listener: (file: LessonFile) => void): Unsubscribe;
    /** Saves code as a `.py` file the user chooses; false when they cancel. */
    saveCode(code: string, suggestedName: string): Promise<boolean>;
    /**
     * Saves a replay or an export (save-kinds.ts) where the user chooses (the desktop's save
     * dialog, the browser's downloads); false when they cancel.
     */
    saveFile(data: string | Uint8Array, suggestedName: string, kind: SaveKind): Promise<boolean>;
  };
  settings: {
    get(): Promise<Settings>;
    set(patch: Partial<Settings>): Promise<Settings>;
  };
  /** Unsaved code, kept as the user types so that a crash, a reload or a restart loses none. */
  drafts: {
    /** The draft kept by an earlier visit, or null. */
    load(): Promise<Draft | null>;
    /** Keeps a draft in place of the one before; null forgets it. */
    save(draft: Draft | null): Promise<void>;
  };
  /** The student's progress through the bundled course (src-shared/progress.ts). */
  progress: {
    get(): Promise<CourseProgress>;
    /** Keeps the progress in place of the one before; refused when it is not valid. */
    save(progress: CourseProgress): Promise<void>;
  };
  /** Tells the host whether there are unsaved edits, so that closing asks first. */
  setDirty(dirty: boolean): void;
  onMenuCommand(listener: (command: MenuCommand) => void): Unsubscribe;
}
