/**
 * Navigation by meaning: from an output line to the step that printed it, from a code line
 * to the next (or previous) step where it runs, and within one task's steps. The lookups are
 * the replay's (see replay/meaning-index.ts); this class moves the playhead and keeps what
 * the controls show: the task chosen, and what was not found.
 */
import type { Player } from './player.svelte.ts';

/** Why a move found nowhere to go, said in the controls until the next move. */
export type Notice =
  | { kind: 'line-none'; line: number; backward: boolean; ever: boolean }
  | { kind: 'task-none'; task: number; backward: boolean }
  | { kind: 'output-none' };

export class Navigator {
  /** The task whose steps the task keys walk through, and whose lane is marked. */
  task = $state<number | null>(null);
  notice = $state.raw<Notice | null>(null);

  /** `toggleWhy` switches the why-arrows (a setting the host keeps). */
  constructor(
    private readonly player: Player,
    readonly toggleWhy: () => void,
  ) {}

  private go(step: number | null, notice: Notice): void {
    if (step === null) {
      this.notice = notice;
      return;
    }
    this.notice = null;
    this.player.pause();
    this.player.seek(step);
  }

  /** Shows the step that printed the output chunk `seq`. */
  toOutput(seq: number): void {
    this.go(this.player.replay.meaning.outputStep(seq), { kind: 'output-none' });
  }

  /** Shows the next step where `line` runs, or with `backward` the previous one. */
  toLine(line: number, backward: boolean): void {
    const meaning = this.player.replay.meaning;
    const step = this.player.step;
    const found = backward ? meaning.previousLineRun(line, step) : meaning.nextLineRun(line, step);
    this.go(found, { kind: 'line-none', line, backward, ever: meaning.lineRunCount(line) > 0 });
  }

  /** Chooses a task (null: none): its lane is marked and the task keys walk its steps. */
  selectTask(task: number | null): void {
    this.task = task;
    this.notice = null;
  }

  /** Chooses the next task in creation order (or the previous), wrapping around. */
  cycleTask(backward: boolean): void {
    const ids = [...this.player.timeline.lanes.keys()];
    if (ids.length === 0) return;
    const at = this.task === null ? -1 : ids.indexOf(this.task);
    const next = backward ? (at <= 0 ? ids.length - 1 : at - 1) : (at + 1) % ids.length;
    this.selectTask(ids[next] ?? null);
  }

  /** Shows the chosen task's next step (or previous), skipping every other task's. */
  taskStep(backward: boolean): void {
    const task = this.task;
    if (task === null) return;
    const meaning = this.player.replay.meaning;
    const step = this.player.step;
    const found = backward
      ? meaning.previousTaskStep(task, step)
      : meaning.nextTaskStep(task, step);
    this.go(found, { kind: 'task-none', task, backward });
  }

  /** Forgets what the last move could not find. */
  dismiss(): void {
    this.notice = null;
  }
}
