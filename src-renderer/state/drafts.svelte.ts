/**
 * Keeps what the user types: while the editor's code differs from what was shown (a
 * scenario's code, a trace's, or what was last saved), the host is given a draft of it a
 * moment after each change, and at once when the page goes away; once it is the same again,
 * the draft is forgotten. At the next start the draft is given back where it was written (its
 * lesson and scenario), with a notice that offers to discard it. Restored code is not run by
 * itself: it may be what brought the page down.
 */
import type { Language, LessonFile, LoopscopeApi } from '../../src-shared/api.ts';
import type { Draft, DraftLesson } from '../../src-shared/drafts.ts';
import type { Session } from './session.svelte.ts';

/** How long the typing must pause before a draft is written. */
export const DRAFT_DELAY_MS = 400;

/** What a draft holds, read from the session, compared by reference to tell a change. */
interface Shown {
  code: string;
  file: LessonFile | null;
  lessonId: string | null;
  scenario: number | null;
}

function sameShown(a: Shown | null, b: Shown | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.code === b.code && a.file === b.file && a.lessonId === b.lessonId && a.scenario === b.scenario
  );
}

function lessonOf({ file, lessonId }: Shown): DraftLesson | null {
  if (!file) return null;
  return file.bundled && lessonId !== null
    ? { bundled: true, id: lessonId, name: file.name }
    : { bundled: false, name: file.name, text: file.text };
}

/** When a draft was typed, as the notice says it: the time today, else the date and time. */
export function formatSavedAt(savedAt: number, now: number, language: Language): string {
  const day = new Intl.DateTimeFormat('en', { dateStyle: 'short' });
  const today = day.format(savedAt) === day.format(now);
  return new Intl.DateTimeFormat(
    language,
    today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' },
  ).format(savedAt);
}

export class DraftKeeper {
  /** When the draft given back at the start was typed; null once the user dealt with it. */
  private restoredAt = $state<number | null>(null);

  /** What the host keeps now (null: no draft). */
  private kept: Shown | null = null;
  /** A change not yet given to the host: a draft, null to forget it, undefined for none. */
  private waiting: Draft | null | undefined = undefined;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly api: LoopscopeApi,
    private readonly session: Session,
    private readonly delayMs = DRAFT_DELAY_MS,
  ) {}

  /** The notice's time while the restored code is still unsaved in the editor, else null. */
  get notice(): number | null {
    return this.restoredAt !== null && this.session.dirty ? this.restoredAt : null;
  }

  /** The draft as the session shows it now, or null when there is nothing unsaved. */
  private shown(): Shown | null {
    const { session } = this;
    if (!session.dirty) return null;
    return {
      code: session.code,
      file: session.lessonFile,
      lessonId: session.lessonId,
      scenario: session.scenario?.number ?? null,
    };
  }

  /**
   * Shows the draft an earlier visit kept, if there is one: its lesson, its scenario, its
   * code. Resolves with whether it did (then the session has what to show).
   */
  async restore(): Promise<boolean> {
    const draft = await this.api.drafts.load().catch(() => null);
    if (!draft) return false;
    const { session } = this;
    const lesson = draft.lesson;
    const first = session.course.lessons[0];
    if (lesson?.bundled === false) {
      // The file may be gone: the lesson comes back from the draft, under a token of its own.
      await session.showFile({
        token: `draft:${crypto.randomUUID()}`,
        name: lesson.name,
        bundled: false,
        text: lesson.text,
      });
    } else {
      const id = lesson?.id ?? first?.id;
      // A lesson the course no longer has gives way to its first one.
      if (id) await session.openBundled(id).catch(() => first && session.openBundled(first.id));
    }
    const scenarios = session.lesson?.scenarios ?? [];
    const scenario =
      scenarios.find((s) => s.number === draft.scenario) ??
      scenarios.find((s) => s.runnable) ??
      scenarios[0];
    session.selectScenario(scenario?.id ?? null, false);
    session.setCode(draft.code);
    this.kept = this.shown();
    if (session.dirty) this.restoredAt = draft.savedAt;
    return true;
  }

  /** Starts keeping drafts as the session changes; returns a function that stops it. */
  track(): () => void {
    const stop = $effect.root(() => {
      $effect(() => this.update());
    });
    // The page going away (a reload, a closed tab) writes what is waiting at once.
    const flush = () => this.flush();
    globalThis.addEventListener?.('pagehide', flush);
    return () => {
      stop();
      globalThis.removeEventListener?.('pagehide', flush);
      this.flush();
    };
  }

  /** Notes what the session shows now: a change is given to the host after the pause. */
  update(): void {
    const shown = this.shown();
    if (sameShown(shown, this.kept)) return;
    this.waiting =
      shown === null
        ? null
        : {
            code: shown.code,
            lesson: lessonOf(shown),
            scenario: shown.scenario,
            savedAt: Date.now(),
          };
    this.kept = shown;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.delayMs);
  }

  /** Gives the host the change still waiting, now. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const draft = this.waiting;
    this.waiting = undefined;
    if (draft !== undefined) void this.api.drafts.save(draft).catch(() => {});
  }

  /** The user lets the restored code go: the scenario's own code comes back. */
  discard(): void {
    this.restoredAt = null;
    const { session } = this;
    session.selectScenario(session.scenarioId);
  }

  /** The user keeps the restored code: the notice goes, the draft stays kept. */
  keep(): void {
    this.restoredAt = null;
  }
}
