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
} from '../../src-shared/api.ts';
import type { Params } from '../../src-shared/i18n/translate.ts';
import { parseLesson } from '../../src-shared/lesson/parse.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';
import { validateTrace } from '../../src-shared/trace-validate.ts';
import type { UiKey } from '../i18n/catalog-ui.ts';
import { Replay } from '../replay/replay.ts';
import { Player } from './player.svelte.ts';

export interface Notice {
  key: UiKey;
  params?: Params;
  /** Parameters that are themselves messages, translated when shown. */
  keyParams?: Record<string, UiKey>;
  tone: 'error' | 'info';
}

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
  notice = $state<Notice | null>(null);
  started = $state(false);

  running = $derived(this.starting || this.runId !== null);
  edited = $derived(this.tracedCode !== null && this.code !== this.tracedCode);

  readonly player: Player;
  /** Events of runs this session has not yet been told the id of. */
  private early: Record<string, TraceEvent[]> = {};

  constructor(
    private readonly api: LoopscopeApi,
    speed: () => number,
    private readonly language: () => Language,
  ) {
    this.player = new Player(speed, () => this.running);
  }

  async start(): Promise<void> {
    this.api.engine.onStatus((status) => (this.engine = status));
    this.api.engine.onEvents((runId, events) => this.receive(runId, events));
    this.api.lessons.onOpened((result) => this.openResult(result));
    this.engine = await this.api.engine.status().catch(() => this.engine);
    try {
      this.course = await this.api.lessons.course();
      const first = this.course.lessons[0];
      if (first) await this.openBundled(first.id);
    } catch (error) {
      this.notice = {
        key: 'lesson.open-failed',
        params: { name: 'course', reason: String(error) },
        tone: 'error',
      };
    }
    this.started = true;
    if (this.scenario?.runnable) await this.run();
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

  /** Shows a scenario's code; runs it when asked and it can run. */
  selectScenario(id: string | null, run = true): void {
    this.scenarioId = id;
    this.code = this.scenario?.code ?? '';
    this.api.setDirty(false);
    if (run && this.scenario?.runnable) void this.run();
  }

  async selectLesson(id: string): Promise<void> {
    await this.opened(async () => {
      await this.openBundled(id);
      if (this.scenario?.runnable) void this.run();
    });
  }

  setCode(code: string): void {
    this.code = code;
    this.api.setDirty(code !== (this.scenario?.code ?? code));
  }

  async run(): Promise<void> {
    if (this.runId) await this.stop();
    this.notice = null;
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
      this.notice = { key: 'engine.crashed', params: { error: String(error) }, tone: 'error' };
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
      if (result) this.openResult(result);
    });
  }

  /** Dropped files: lessons go to the host, traces (.json) are replayed here. */
  async openDropped(files: File[]): Promise<void> {
    const traces = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
    const lessons = files.filter((f) => !traces.includes(f));
    if (traces[0]) await this.openTrace(traces[0]);
    if (lessons.length > 0) {
      await this.opened(async () => this.openResult(await this.api.lessons.openDropped(lessons)));
    }
  }

  private openResult(result: OpenResult): void {
    const failure = result.failures[0];
    if (failure) {
      this.notice = {
        key: 'lesson.open-failed',
        params: { name: failure.name },
        keyParams: { reason: `open.${failure.reason}` },
        tone: 'error',
      };
    }
    const file = result.files[0];
    if (!file) return;
    this.lessonId = null;
    this.showLesson(file);
    if (this.scenario?.runnable) void this.run();
  }

  /** Replays a trace saved as JSON; a file that is not a valid trace is refused, with why. */
  async openTrace(file: File): Promise<void> {
    let events: TraceEvent[];
    try {
      events = validateTrace(JSON.parse(await this.opened(() => file.text())) as unknown);
      if (events.length === 0) throw new Error('no events');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.notice = {
        key: 'trace.invalid',
        params: { name: file.name, error: reason },
        tone: 'error',
      };
      return;
    }
    if (this.runId) await this.stop();
    this.runId = null;
    const start = events[0];
    this.code = start?.kind === 'run.start' ? start.source : '';
    this.tracedCode = this.code;
    this.traceName = file.name;
    this.notice = { key: 'trace.loaded', params: { name: file.name }, tone: 'info' };
    this.player.load(new Replay(events));
  }

  /** The language changed: a bundled lesson is shown in it, at the same scenario. */
  changeLanguage(): Promise<void> {
    return this.opened(() => this.showInLanguage());
  }

  private async showInLanguage(): Promise<void> {
    const id = this.lessonId;
    const shown = this.lessonFile;
    if (!id || !shown?.bundled || this.edited) return;
    const number = this.scenario?.number;
    const file = await this.api.lessons.openBundled(id, this.language());
    // Another lesson may have been opened meanwhile; then this one is not wanted any more.
    if (this.lessonFile !== shown || file.name === shown.name) return;
    this.lessonFile = file;
    const scenario = parseLesson(file.text, file.name).scenarios.find((s) => s.number === number);
    if (scenario) this.selectScenario(scenario.id);
  }
}
