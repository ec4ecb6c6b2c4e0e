/**
 * What is open and running: the engine's status, the course, the lesson and its scenario, the
 * code in the editor, and the run whose trace the player shows.
 */
import type {
  CourseIndex,
  EngineStatus,
  Language,
  LessonFile,
  LoopscopeApi,
  OpenResult,
  RecentFile,
} from '../../src-shared/api.ts';
import type { Params } from '../../src-shared/i18n/translate.ts';
import { parseLesson } from '../../src-shared/lesson/parse.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';
import { validateTrace } from '../../src-shared/trace-validate.ts';
import type { UiKey } from '../i18n/catalog-ui.ts';
import { Replay } from '../replay/replay.ts';
import { Player } from './player.svelte.ts';
import type { ReplaceAnswer } from './ui.svelte.ts';

export interface Notice {
  key: UiKey;
  params?: Params;
  /** Parameters that are themselves messages, translated when shown. */
  keyParams?: Record<string, UiKey>;
  tone: 'error' | 'info';
}

/** Asks the user whether their edited code may be replaced by what is named. */
export type AskReplace = (replacement: string) => Promise<ReplaceAnswer>;

/** The file name the engine shows in tracebacks, as `python3 main.py` would. */
const PROGRAM_FILE = 'main.py';
/** Most events a run may record: enough for a large scenario, few enough to replay smoothly. */
const MAX_EVENTS = 300_000;

export class Session {
  engine = $state<EngineStatus>({ state: 'loading', progress: 0 });
  course = $state.raw<CourseIndex>({ lessons: [] });
  lessonId = $state<string | null>(null);
  lessonFile = $state.raw<LessonFile | null>(null);
  lesson = $derived(
    this.lessonFile ? parseLesson(this.lessonFile.text, this.lessonFile.name) : null,
  );
  scenarioId = $state<string | null>(null);
  scenario = $derived(this.lesson?.scenarios.find((s) => s.id === this.scenarioId) ?? null);
  code = $state('');
  /** The code of the trace on show, to tell whether the editor's code has changed since. */
  tracedCode = $state<string | null>(null);
  /** Set when the trace on show was opened from a file rather than run. */
  traceName = $state<string | null>(null);
  runId = $state<string | null>(null);
  /** True from a run's request until the engine names it. */
  starting = $state(false);
  /** Lessons and traces being opened: the app is not idle until they are shown. */
  opening = $state(0);
  private stopRequested = false;
  /** What the status line says besides the run's outcome: one message, or one per file. */
  notices = $state.raw<Notice[]>([]);
  started = $state(false);
  /** Files the host opened recently, newest first. */
  recent = $state.raw<RecentFile[]>([]);
  /** The code as it was shown (a scenario's, a trace's) or last saved: what edits are against. */
  private pristineCode = $state('');

  running = $derived(this.starting || this.runId !== null);
  edited = $derived(this.tracedCode !== null && this.code !== this.tracedCode);
  /** The user changed the code in the editor, and has not saved it: replacing it loses work. */
  dirty = $derived(this.code !== this.pristineCode);

  readonly player: Player;
  /** Events of runs this session has not yet been told the id of. */
  private early: Record<string, TraceEvent[]> = {};

  constructor(
    private readonly api: LoopscopeApi,
    speed: () => number,
    private readonly language: () => Language,
    private readonly askReplace: AskReplace = () => Promise.resolve('discard'),
  ) {
    this.player = new Player(speed, () => this.running);
  }

  /**
   * Starts the session on the course's first lesson, or on what `restore` shows instead (a
   * draft of unsaved code, drafts.svelte.ts), which is then not run.
   */
  async start(restore: () => Promise<boolean> = () => Promise.resolve(false)): Promise<void> {
    this.api.engine.onStatus((status) => (this.engine = status));
    this.api.engine.onEvents((runId, events) => this.receive(runId, events));
    this.api.lessons.onOpened((result) => void this.opened(() => this.openResult(result)));
    this.api.lessons.onChanged((file) => this.reloadChanged(file));
    this.engine = await this.api.engine.status().catch(() => this.engine);
    void this.refreshRecent();
    let restored = false;
    try {
      this.course = await this.api.lessons.course();
      restored = await restore();
      const first = this.course.lessons[0];
      if (first && !restored) await this.openBundled(first.id);
    } catch (error) {
      this.notices = [
        {
          key: 'lesson.open-failed',
          params: { name: 'course', reason: String(error) },
          tone: 'error',
        },
      ];
    }
    this.started = true;
    if (!restored && this.scenario?.runnable) await this.run();
  }

  /**
   * Counts an opening in `opening` while it lasts, and until the run it starts (if any) is
   * under way, so that the app never looks idle in between.
   */
  private async opened<T>(work: () => Promise<T>): Promise<T> {
    this.opening++;
    try {
      return await work();
    } finally {
      this.opening--;
    }
  }

  async openBundled(id: string): Promise<void> {
    const file = await this.opened(() => this.api.lessons.openBundled(id, this.language()));
    this.lessonId = id;
    this.showLesson(file);
  }

  private showLesson(file: LessonFile): void {
    this.lessonFile = file;
    const lesson = parseLesson(file.text, file.name);
    const first = lesson.scenarios.find((s) => s.runnable) ?? lesson.scenarios[0] ?? null;
    this.selectScenario(first?.id ?? null, false);
  }

  /**
   * The open lesson changed on disk (its author is editing it): show the new text and keep
   * the user's place. The same scenario stays selected (by its title, else its position); its
   * code is replaced only where the user has not edited it, and the trace on show stays.
   */
  reloadChanged(file: LessonFile): void {
    if (!this.lessonFile || file.token !== this.lessonFile.token) return;
    const before = this.lesson?.scenarios ?? [];
    const index = before.findIndex((s) => s.id === this.scenarioId);
    const title = this.scenario?.title ?? null;
    this.lessonFile = file;
    const after = this.lesson?.scenarios ?? [];
    const same =
      (title !== null ? after.find((s) => s.title === title) : undefined) ??
      after[index] ??
      after.find((s) => s.runnable) ??
      after[0] ??
      null;
    this.scenarioId = same?.id ?? null;
    if (!this.dirty) this.showCode(same?.code ?? '');
    this.notices = [
      {
        key: this.dirty ? 'lesson.reloaded-kept-edits' : 'lesson.reloaded',
        params: { name: file.name },
        tone: 'info',
      },
    ];
  }

  /** Shows a scenario's code; runs it when asked and it can run. */
  selectScenario(id: string | null, run = true): void {
    this.scenarioId = id;
    this.showCode(this.scenario?.code ?? '');
    if (run && this.scenario?.runnable) void this.run();
  }

  /** The user chose a scenario: their edited code is replaced only if they agree. */
  async chooseScenario(id: string): Promise<boolean> {
    const scenario = this.lesson?.scenarios.find((s) => s.id === id);
    if (!(await this.mayReplaceCode(scenario?.title ?? this.lesson?.title ?? id))) return false;
    this.selectScenario(id);
    return true;
  }

  /** The user chose a lesson of the course: their edited code is replaced only if they agree. */
  async selectLesson(id: string): Promise<boolean> {
    const title = this.course.lessons.find((l) => l.id === id)?.title[this.language()] ?? id;
    if (!(await this.mayReplaceCode(title))) return false;
    await this.opened(async () => {
      await this.openBundled(id);
      if (this.scenario?.runnable) void this.run();
    });
    return true;
  }

  setCode(code: string): void {
    this.code = code;
    this.api.setDirty(this.dirty);
  }

  /** Puts code in the editor as it came: nothing to lose in it yet. */
  private showCode(code: string): void {
    this.code = code;
    this.pristineCode = code;
    this.api.setDirty(false);
  }

  /** Saves the editor's code as a file; once saved, replacing it loses nothing. */
  async saveCode(): Promise<boolean> {
    const code = this.code;
    const saved = await this.api.lessons.saveCode(code, PROGRAM_FILE).catch(() => false);
    if (saved) {
      this.pristineCode = code;
      this.api.setDirty(this.dirty);
    }
    return saved;
  }

  /**
   * Whether the code in the editor may be replaced by `replacement`: yes when it is as it came,
   * or when the user, asked, saves it or lets it go.
   */
  private async mayReplaceCode(replacement: string): Promise<boolean> {
    if (!this.dirty) return true;
    switch (await this.askReplace(replacement)) {
      case 'discard':
        return true;
      case 'save':
        return this.saveCode();
      case 'cancel':
        return false;
    }
  }

  async run(): Promise<void> {
    if (this.runId) await this.stop();
    this.notices = [];
    this.traceName = null;
    this.tracedCode = this.code;
    this.player.load(new Replay());
    this.starting = true;
    this.stopRequested = false;
    let runId: string;
    try {
      runId = await this.api.engine.run({
        code: this.code,
        filename: PROGRAM_FILE,
        budgets: { maxEvents: MAX_EVENTS },
      });
    } catch (error) {
      this.notices = [{ key: 'engine.crashed', params: { error: String(error) }, tone: 'error' }];
      return;
    } finally {
      this.starting = false;
    }
    this.runId = runId;
    if (this.stopRequested) void this.api.engine.stop(runId);
    const early = this.early[runId];
    this.early = {};
    if (early) this.receive(runId, early);
  }

  async stop(): Promise<void> {
    // A stop that comes before the engine has named the run is done as soon as it does.
    if (this.starting) this.stopRequested = true;
    else if (this.runId) await this.api.engine.stop(this.runId);
  }

  private receive(runId: string, events: TraceEvent[]): void {
    if (runId !== this.runId) {
      // A run's first events can overtake the reply that names the run.
      if (this.starting) this.early[runId] = [...(this.early[runId] ?? []), ...events];
      return;
    }
    this.player.append(events);
    if (events.at(-1)?.kind === 'run.end') {
      this.player.flush();
      this.runId = null;
    }
  }

  async openDialog(): Promise<void> {
    await this.opened(async () => {
      const result = await this.api.lessons.openDialog();
      if (result) await this.openResult(result);
    });
  }

  async openRecent(token: string): Promise<void> {
    // A host that cannot find the file names it by the token it was given: say its name.
    const name = this.recent.find((file) => file.token === token)?.name ?? token;
    await this.opened(async () => {
      const result = await this.api.lessons
        .openRecent(token)
        .catch((): OpenResult => ({ files: [], failures: [{ name, reason: 'unreadable' }] }));
      const failures = result.failures.map((f) => (f.name === token ? { ...f, name } : f));
      if (failures.length > 0) void this.refreshRecent();
      await this.openResult({ ...result, failures });
    });
  }

  async refreshRecent(): Promise<void> {
    this.recent = await this.api.lessons.recent().catch(() => this.recent);
  }

  /**
   * Dropped files: lessons (.md) and programs (.py) go to the host, a trace (.json) is replayed
   * here. What cannot be opened is said, file by file.
   */
  async openDropped(files: File[]): Promise<void> {
    await this.opened(async () => {
      const traces = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
      const lessons = files.filter((f) => !traces.includes(f));
      const result: OpenResult = { files: [], failures: [] };
      if (lessons.length > 0) {
        const opened = await this.api.lessons.openDropped(lessons).catch((): OpenResult => ({
          files: [],
          failures: lessons.map((f) => ({ name: f.name, reason: 'unreadable' })),
        }));
        result.files.push(...opened.files);
        result.failures.push(...opened.failures);
      }
      // One thing replaces the code: a lesson if one opened, else the first trace.
      const trace = result.files.length === 0 ? traces[0] : undefined;
      const skipped = [
        ...result.files.slice(1).map((f) => f.name),
        ...traces.filter((f) => f !== trace).map((f) => f.name),
      ];
      await this.openResult(result, skipped);
      if (trace) await this.openTrace(trace, this.notices);
    });
  }

  /**
   * Shows the first file opened (after asking, if the code was edited) and says what could
   * not be opened; `skipped` names files left aside because another was shown.
   */
  private async openResult(result: OpenResult, skipped: readonly string[] = []): Promise<void> {
    const notices: Notice[] = result.failures.map((failure) => ({
      key: 'lesson.open-failed',
      params: { name: failure.name },
      keyParams: { reason: `open.${failure.reason}` },
      tone: 'error',
    }));
    for (const name of skipped) {
      notices.push({ key: 'open.one-at-a-time', params: { name }, tone: 'info' });
    }
    const file = result.files[0];
    this.notices = notices;
    if (result.files.length > 0) void this.refreshRecent();
    if (!file || !(await this.mayReplaceCode(file.name))) return;
    this.lessonId = null;
    this.showLesson(file);
    if (this.scenario?.runnable) void this.run();
  }

  /**
   * Replays a trace saved as JSON; a file that is not a valid trace is refused, with why.
   * `earlier` are notices to keep showing alongside.
   */
  async openTrace(file: File, earlier: readonly Notice[] = []): Promise<void> {
    let events: TraceEvent[];
    try {
      events = validateTrace(JSON.parse(await this.opened(() => file.text())) as unknown);
      if (events.length === 0) throw new Error('no events');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.notices = [
        ...earlier,
        { key: 'trace.invalid', params: { name: file.name, error: reason }, tone: 'error' },
      ];
      return;
    }
    if (!(await this.mayReplaceCode(file.name))) return;
    if (this.runId) await this.stop();
    this.runId = null;
    const start = events[0];
    this.showCode(start?.kind === 'run.start' ? start.source : '');
    this.tracedCode = this.code;
    this.traceName = file.name;
    this.notices = [...earlier, { key: 'trace.loaded', params: { name: file.name }, tone: 'info' }];
    this.player.load(new Replay(events));
  }

  /** The language changed: a bundled lesson is shown in it, at the same scenario. */
  changeLanguage(): Promise<void> {
    return this.opened(() => this.showInLanguage());
  }

  private async showInLanguage(): Promise<void> {
    const id = this.lessonId;
    const shown = this.lessonFile;
    // Code the user changed stays as it is, in whatever language it was written.
    if (!id || !shown?.bundled || this.dirty) return;
    const number = this.scenario?.number;
    const file = await this.api.lessons.openBundled(id, this.language());
    // Another lesson may have been opened meanwhile; then this one is not wanted any more.
    if (this.lessonFile !== shown || file.name === shown.name) return;
    this.lessonFile = file;
    const scenario = parseLesson(file.text, file.name).scenarios.find((s) => s.number === number);
    if (scenario) this.selectScenario(scenario.id);
  }
}
