/**
 * The session ties what is open (OpenLesson), the code in the editor (CodeDocument) and the
 * run under way (Runner) to what the user does: open a lesson, a scenario, a dropped file or
 * a saved trace, switch the language, run, stop. It decides; the three parts keep the state.
 */
import type {
  Language,
  LessonFile,
  LoopscopeApi,
  OpenResult,
  ReplayBytes,
} from '../../src-shared/api.ts';
import type { Params } from '../../src-shared/i18n/translate.ts';
import type { Scenario } from '../../src-shared/lesson/model.ts';
import {
  createReplayFile,
  type ReplayFile,
  type ReplayLesson,
} from '../../src-shared/replay-file.ts';
import { isReplayFileName } from '../../src-shared/save-kinds.ts';
import { finishInSlices } from '../../src-shared/slices.ts';
import { parseLessonOffThread } from '../lib/lesson-parser.ts';
import {
  finishedTrace,
  lessonOfScenario,
  openReplayBytes,
  readReplayBytes,
  replayBaseName,
} from '../export/replay-io.ts';
import type { UiKey } from '../i18n/catalog-ui.ts';
import { Replay } from '../replay/replay.ts';
import { CodeDocument } from './code-document.svelte.ts';
import { OpenLesson } from './open-lesson.svelte.ts';
import { Player } from './player.svelte.ts';
import { PROGRAM_FILE, Runner } from './runner.svelte.ts';
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

export class Session {
  readonly player: Player;
  readonly open = new OpenLesson();
  readonly document: CodeDocument;
  readonly runner: Runner;

  /** Set when the trace on show was opened from a file rather than run. */
  traceName = $state<string | null>(null);
  /** The lesson a replay opened from a file came from, as the file says. */
  replayLesson = $state.raw<ReplayLesson | null>(null);
  /** The version of the Loopscope running, for the replay files it saves. */
  private appVersion: string | null = null;
  /** What the status line says besides the run's outcome: one message, or one per file. */
  notices = $state.raw<Notice[]>([]);
  /** Lessons and traces being opened: the app is not idle until they are shown. */
  opening = $state(0);
  /** Lessons presented so far: only the last one is shown. */
  private presentings = 0;
  /** Trace files opened so far: only the last one opened is shown. */
  private traceOpenings = 0;
  started = $state(false);
  /**
   * The text runs give the program's `input()`, once the user typed some (the program asked
   * for input); null to run without. It stays for the code in the editor, until other code
   * replaces it.
   */
  stdin = $state<string | null>(null);

  constructor(
    private readonly api: LoopscopeApi,
    speed: () => number,
    private readonly language: () => Language,
    private readonly askReplace: AskReplace = () => Promise.resolve('discard'),
  ) {
    this.player = new Player(speed, () => this.runner.running);
    this.runner = new Runner(api, this.player);
    this.document = new CodeDocument((dirty) => api.setDirty(dirty));
  }

  // What the components read, in one place.
  get engine() {
    return this.runner.engine;
  }
  get running(): boolean {
    return this.runner.running;
  }
  get course() {
    return this.open.course;
  }
  get recent() {
    return this.open.recent;
  }
  get lessonId(): string | null {
    return this.open.lessonId;
  }
  get lessonFile(): LessonFile | null {
    return this.open.file;
  }
  get lesson() {
    return this.open.lesson;
  }
  get scenarioId(): string | null {
    return this.open.scenarioId;
  }
  get scenario(): Scenario | null {
    return this.open.scenario;
  }
  get code(): string {
    return this.document.code;
  }
  get edited(): boolean {
    return this.document.edited;
  }
  get dirty(): boolean {
    return this.document.dirty;
  }

  /**
   * Starts the session on the course's first lesson, or on what `restore` shows instead (a
   * draft of unsaved code, drafts.svelte.ts), which is then not run.
   */
  async start(restore: () => Promise<boolean> = () => Promise.resolve(false)): Promise<void> {
    this.runner.listen();
    // Only the replay files saved later need it: a host that cannot say leaves it out.
    void Promise.resolve()
      .then(() => this.api.appInfo())
      .then(
        (info) => (this.appVersion = info.app),
        () => {},
      );
    // What the host opened by itself (the command line, "Open with") is shown, not the course.
    let hostOpened = false;
    this.api.lessons.onOpened((result) => {
      hostOpened = true;
      void this.opened(() => this.openResult(result));
    });
    this.api.lessons.onChanged((file) => void this.reloadChanged(file));
    await this.runner.refreshStatus();
    void this.refreshRecent();
    let restored = false;
    try {
      this.open.course = await this.api.lessons.course();
      restored = await restore();
      const first = this.open.course.lessons[0];
      if (first && !restored && !hostOpened) await this.openBundled(first.id);
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
    if (!restored && !hostOpened && this.scenario?.runnable) await this.run();
  }

  /** Counts an opening in `opening` while it lasts, so that the app never looks idle in between. */
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
    await this.present(file, id, false);
  }

  /** Shows a lesson file that is not the course's (a draft's copy, say) without running it. */
  showFile(file: LessonFile): Promise<void> {
    return this.present(file, null, false);
  }

  /**
   * Shows a lesson at its first scenario, in place of whatever was shown: the run and the
   * replay of the code it replaces are dropped, and the new scenario runs when asked and able.
   */
  private async present(file: LessonFile, lessonId: string | null, run: boolean): Promise<void> {
    const presenting = ++this.presentings;
    const lesson = await this.opened(() => parseLessonOffThread(file.text, file.name));
    // A lesson opened while this one was parsed is the one wanted.
    if (presenting !== this.presentings) return;
    return this.showScenario(this.open.show(file, lessonId, lesson), run);
  }

  /** Shows a scenario's code, with no trace of other code beside it; runs it when asked. */
  private async showScenario(scenario: Scenario | null, run: boolean): Promise<void> {
    this.replaceCode(scenario?.code ?? '');
    if (run && scenario?.runnable) await this.run();
  }

  /** New code replaces the editor's: the old run stops and its replay goes. */
  private replaceCode(code: string): void {
    this.runner.abandon();
    this.player.load(new Replay());
    this.traceName = null;
    this.replayLesson = null;
    this.stdin = null;
    this.document.traced = null;
    this.document.show(code);
  }

  /**
   * The open lesson changed on disk (its author is editing it): show the new text and keep
   * the user's place and the trace on show; the code is replaced only where the user has not
   * edited it.
   */
  async reloadChanged(file: LessonFile): Promise<void> {
    if (!this.open.file || file.token !== this.open.file.token) return;
    const shown = this.open.file;
    const lesson = await this.opened(() => parseLessonOffThread(file.text, file.name));
    if (this.open.file !== shown) return;
    const same = this.open.reload(file, lesson);
    if (!this.document.dirty) this.document.show(same?.code ?? '');
    this.notices = [
      {
        key: this.document.dirty ? 'lesson.reloaded-kept-edits' : 'lesson.reloaded',
        params: { name: file.name },
        tone: 'info',
      },
    ];
  }

  /** Shows a scenario of the open lesson; runs it when asked and it can run. */
  selectScenario(id: string | null, run = true): Promise<void> {
    return this.showScenario(this.open.choose(id), run);
  }

  /** The user chose a scenario: their edited code is replaced only if they agree. */
  async chooseScenario(id: string): Promise<boolean> {
    const scenario = this.lesson?.scenarios.find((s) => s.id === id);
    if (!(await this.mayReplaceCode(scenario?.title ?? this.lesson?.title ?? id))) return false;
    await this.selectScenario(id);
    return true;
  }

  /** The user chose a lesson of the course: their edited code is replaced only if they agree. */
  async selectLesson(id: string): Promise<boolean> {
    const title = this.course.lessons.find((l) => l.id === id)?.title[this.language()] ?? id;
    if (!(await this.mayReplaceCode(title))) return false;
    await this.opened(async () => {
      const file = await this.api.lessons.openBundled(id, this.language());
      await this.present(file, id, true);
    });
    return true;
  }

  setCode(code: string): void {
    this.document.edit(code);
  }

  /** Saves the editor's code as a file; once saved, replacing it loses nothing. */
  async saveCode(): Promise<boolean> {
    const code = this.document.code;
    const saved = await this.api.lessons.saveCode(code, PROGRAM_FILE).catch(() => false);
    if (saved) this.document.saved(code);
    return saved;
  }

  /**
   * Whether the code in the editor may be replaced by `replacement`: yes when it is as it came,
   * or when the user, asked, saves it or lets it go.
   */
  private async mayReplaceCode(replacement: string): Promise<boolean> {
    if (!this.document.dirty) return true;
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
    this.notices = [];
    this.traceName = null;
    this.replayLesson = null;
    this.document.traced = this.document.code;
    try {
      await this.runner.run(this.document.code, this.stdin);
    } catch (error) {
      this.notices = [{ key: 'engine.crashed', params: { error: String(error) }, tone: 'error' }];
    }
  }

  /** The program asked for input: runs it again, reading `text`. */
  runWithInput(text: string): Promise<void> {
    this.stdin = text;
    return this.run();
  }

  /** Runs without input from now on. */
  clearInput(): void {
    this.stdin = null;
  }

  stop(): Promise<void> {
    return this.runner.stop();
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
    this.open.recent = await this.api.lessons.recent().catch(() => this.open.recent);
  }

  /**
   * Dropped files: lessons (.md) and programs (.py) go to the host, a replay or a trace (.json,
   * .jsonl) is replayed here. What cannot be opened is said, file by file.
   */
  async openDropped(files: File[]): Promise<void> {
    await this.opened(async () => {
      const traces = files.filter((f) => isReplayFileName(f.name));
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
    // One thing replaces the code: a lesson if one opened, else the first replay.
    const replays = result.replays ?? [];
    const replay = file ? undefined : replays[0];
    for (const other of replays) {
      if (other !== replay)
        notices.push({ key: 'open.one-at-a-time', params: { name: other.name }, tone: 'info' });
    }
    this.notices = notices;
    if (result.files.length > 0 || replays.length > 0) void this.refreshRecent();
    if (replay) return this.openReplay(replay, notices);
    if (!file || !(await this.mayReplaceCode(file.name))) return;
    await this.present(file, null, true);
  }

  /** Replays a replay or trace file the user picked or dropped. */
  async openTrace(file: File, earlier: readonly Notice[] = []): Promise<void> {
    const bytes = await this.opened(() => readReplayBytes(file)).catch((): ReplayBytes => ({
      name: file.name,
      size: 0,
      bytes: new Uint8Array(),
    }));
    await this.openReplay(bytes, earlier);
  }

  /**
   * Replays a replay file (`.loopscope.json`) or a trace (the command line's JSON Lines, a JSON
   * array of events); a file that is neither is refused, with why. `earlier` are notices to
   * keep showing alongside.
   */
  async openReplay(file: ReplayBytes, earlier: readonly Notice[] = []): Promise<void> {
    // A long trace takes seconds to read and index, in slices: say so meanwhile, and let a
    // later opening win over this one.
    const opening = ++this.traceOpenings;
    const stale = () => opening !== this.traceOpenings;
    this.notices = [
      ...earlier,
      { key: 'trace.opening', params: { name: file.name }, tone: 'info' },
    ];
    const read = await this.opened(() => openReplayBytes(file, this.language()));
    if (stale()) return;
    if (!read.ok) {
      this.notices = [
        ...earlier,
        { key: 'trace.invalid', params: { name: file.name, error: read.reason }, tone: 'error' },
      ];
      return;
    }
    const { replay } = read;
    const model = new Replay();
    await this.opened(() => finishInSlices(model.appendInSlices(replay.events)));
    if (stale()) return;
    if (!(await this.mayReplaceCode(file.name))) {
      this.notices = [...earlier];
      return;
    }
    const start = replay.events[0];
    this.replaceCode(replay.code);
    // The code that ran is the trace's; the file's code may have been edited after the run.
    this.document.traced = start?.kind === 'run.start' ? start.source : replay.code;
    this.traceName = file.name;
    this.replayLesson = replay.lesson;
    this.notices = [...earlier, { key: 'trace.loaded', params: { name: file.name }, tone: 'info' }];
    this.player.load(model);
  }

  /** The replay on show as a replay file would hold it; null while there is no finished run. */
  replayFile(): ReplayFile | null {
    const events = finishedTrace(this.player.replay.events);
    if (!events) return null;
    const lesson = this.traceName
      ? this.replayLesson
      : lessonOfScenario(this.lesson, this.lessonFile?.name ?? null, this.scenario);
    return {
      code: this.document.code,
      lesson,
      language: this.language(),
      appVersion: this.appVersion,
      events,
    };
  }

  /** A name for what is saved of the replay on show, without an extension. */
  replayName(replay: ReplayFile): string {
    return replayBaseName(replay, this.traceName);
  }

  /** Saves the replay on show as a `.loopscope.json` file; says so when there is none yet. */
  async saveReplay(): Promise<boolean> {
    const replay = this.replayFile();
    if (!replay) {
      this.notices = [{ key: 'replay.nothing-to-save', tone: 'info' }];
      return false;
    }
    try {
      return await this.api.lessons.saveFile(
        createReplayFile(replay),
        this.replayName(replay),
        'replay',
      );
    } catch (error) {
      this.notices = [
        { key: 'replay.save-failed', params: { error: String(error) }, tone: 'error' },
      ];
      return false;
    }
  }

  /** The language changed: a bundled lesson is shown in it, at the same scenario. */
  changeLanguage(): Promise<void> {
    return this.opened(() => this.showInLanguage());
  }

  private async showInLanguage(): Promise<void> {
    const id = this.open.lessonId;
    const shown = this.open.file;
    if (!id || !shown?.bundled) return;
    const file = await this.api.lessons.openBundled(id, this.language());
    // Another lesson may have been opened meanwhile; then this one is not wanted any more.
    if (this.open.file !== shown || file.name === shown.name) return;
    const lesson = await this.opened(() => parseLessonOffThread(file.text, file.name));
    if (this.open.file !== shown) return;
    // The lesson's text and titles follow the language; code the user changed stays as it
    // is, in whatever language it was written, and so does its replay.
    const scenario = this.open.translate(file, lesson);
    if (scenario && !this.document.dirty) await this.showScenario(scenario, true);
  }
}
