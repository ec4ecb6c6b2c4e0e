/**
 * The doctor's findings for the run on show (src-shared/doctor.ts), read once the run has
 * ended, and the finding the student went to: its line is marked in the code while the replay
 * shows its step.
 */
import { diagnose, type Finding } from '../../src-shared/doctor.ts';
import type { Replay } from '../replay/replay.ts';
import type { Player } from './player.svelte.ts';

export class DoctorState {
  /** The finding the student went to last, in the replay it was found in. */
  #shown = $state.raw<{ finding: Finding; replay: Replay } | null>(null);

  constructor(private readonly player: Player) {}

  /** Empty until the run has ended: a finding such as "never finishes" needs its end. */
  findings = $derived.by((): Finding[] => {
    if (this.player.runEnd === null) return [];
    void this.player.length;
    return diagnose(this.player.replay.events);
  });

  /** Whether `finding` is the one the student went to, and its step is on show. */
  isShown(finding: Finding): boolean {
    const shown = this.#shown;
    return (
      shown !== null &&
      shown.replay === this.player.replay &&
      shown.finding.rule === finding.rule &&
      shown.finding.step === finding.step &&
      this.player.frame.step === finding.step
    );
  }

  /** The line to mark: the shown finding's, while its step is on show. */
  get flaggedLine(): number | null {
    const shown = this.#shown;
    return shown !== null && this.isShown(shown.finding) ? shown.finding.line : null;
  }

  show(finding: Finding): void {
    this.player.pause();
    this.player.seek(finding.step);
    this.#shown = { finding, replay: this.player.replay };
  }
}
