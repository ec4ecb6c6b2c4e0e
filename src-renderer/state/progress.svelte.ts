/**
 * The student's progress through the bundled course, as the host keeps it: loaded once, then
 * changed here and sent back whole (the host checks it). Only the course's own lessons count,
 * in the language they are shown in, and only while their code is as the lesson wrote it.
 */
import type { Language, LoopscopeApi } from '../../src-shared/api.ts';
import {
  emptyProgress,
  resetProgress,
  scenarioProgress,
  summarizeProgress,
  updateScenario,
  type CourseProgress,
  type ProgressSummary,
  type ScenarioKey,
  type ScenarioProgress,
} from '../../src-shared/progress.ts';
import type { Player } from './player.svelte.ts';
import type { Session } from './session.svelte.ts';

export class ProgressState {
  value = $state.raw<CourseProgress>(emptyProgress());

  constructor(
    private readonly api: LoopscopeApi,
    private readonly session: Session,
    private readonly player: Player,
    private readonly language: () => Language,
  ) {}

  async load(): Promise<void> {
    try {
      this.value = await this.api.progress.get();
    } catch {
      // Nothing kept, or nothing readable: the student starts afresh.
    }
  }

  /** The course scenario on show, unless its code was edited or it is not the course's. */
  get key(): ScenarioKey | null {
    const { lessonId, scenarioId, lessonFile } = this.session;
    if (lessonId === null || scenarioId === null || !lessonFile?.bundled) return null;
    if (this.session.edited || this.session.traceName !== null) return null;
    return { language: this.language(), lessonId, scenarioId };
  }

  of(key: ScenarioKey): ScenarioProgress {
    return scenarioProgress(this.value, key);
  }

  summary(lessonId?: string): ProgressSummary {
    return summarizeProgress(this.value, this.language(), lessonId);
  }

  record(key: ScenarioKey, patch: Partial<ScenarioProgress>): void {
    this.keep(updateScenario(this.value, key, patch));
  }

  /** Forgets the progress in the language on show. */
  reset(): void {
    this.keep(resetProgress(this.value, this.language()));
  }

  /** Counts a course scenario as seen once its replay has been shown to the end. */
  noteSeen(): void {
    const key = this.key;
    const { player } = this;
    if (key === null || player.runEnd === null || this.session.running) return;
    if (player.length > 0 && player.frame.step >= player.length) this.record(key, { seen: true });
  }

  private keep(next: CourseProgress): void {
    if (next === this.value) return;
    this.value = next;
    // A host that cannot keep it still shows it for this visit.
    void this.api.progress.save(next).catch(() => {});
  }
}
