/**
 * The doctor's findings for the run on show (src-shared/doctor.ts), read once the run has
 * ended, and the finding the student went to: its line is marked in the code while the replay
 * shows its step.
 */
import { diagnose, type Finding } from '../../src-shared/doctor.ts';
import type { Player } from './player.svelte.ts';

export class DoctorState {
  /** The finding the student went to last. */
  shown = $state.raw<Finding | null>(null);

  constructor(private readonly player: Player) {}

  /** Empty until the run has ended: a finding such as "never finishes" needs its end. */
  findings = $derived.by((): Finding[] => {
    if (this.player.runEnd === null) return [];
    void this.player.length;
    return diagnose(this.player.replay.events);
  });

  /** The line to mark: the shown finding's, while its step is on show. */
  flaggedLine = $derived.by((): number | null => {
    const shown = this.shown;
    if (shown === null || !this.findings.includes(shown)) return null;
    return this.player.frame.step === shown.step ? shown.line : null;
  });

  show(finding: Finding): void {
    this.player.pause();
    this.player.seek(finding.step);
    this.shown = finding;
  }
}
