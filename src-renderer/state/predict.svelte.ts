/**
 * Predict mode: the student says what the program on show will print, by writing it or by
 * putting its lines (shuffled) in order, before seeing it; then the replay plays from the start
 * and the prediction is compared, line by line, with what has been printed so far.
 *
 * The lines come from the run itself, not from the lesson: what CPython really printed is the
 * answer, and a program without an expected output in its lesson can be predicted too.
 */
import {
  judgePrediction,
  moveItem,
  printedLines,
  shuffledOrder,
  type PredictionVerdict,
  type PrintedLine,
} from '../../src-shared/predict.ts';
import type { Scenario } from '../../src-shared/lesson/model.ts';
import type { Player } from './player.svelte.ts';
import type { ProgressState } from './progress.svelte.ts';
import type { Session } from './session.svelte.ts';

export type PredictMode = 'write' | 'order';
export type PredictPhase = 'predicting' | 'revealing';

/** A line of the comparison at the step on show. */
export interface RevealRow {
  predicted: string | null;
  /** The program's line, once printed at the step on show. */
  printed: string | null;
  state: 'right' | 'wrong' | 'pending' | 'after';
}

export class PredictState {
  #on = $state(false);
  #scenario = $state.raw<Scenario | null>(null);
  #code = $state('');
  phase = $state<PredictPhase>('predicting');
  mode = $state<PredictMode>('write');
  /** What the student wrote. */
  text = $state('');
  /** The offered lines' order after the student's moves (indices into `printed`); null: as offered. */
  #moved = $state.raw<number[] | null>(null);
  #random = 0;
  verdict = $state.raw<PredictionVerdict | null>(null);

  constructor(
    private readonly session: Session,
    private readonly player: Player,
    private readonly progress: ProgressState,
  ) {}

  /** On while the code it was started for is on show: other code ends it. */
  get active(): boolean {
    return this.#on && this.session.scenario === this.#scenario && this.session.code === this.#code;
  }

  /**
   * What the run printed, once it has ended and while it is the run of the code on show (a
   * replay opened from a file included: its program is the code on show).
   */
  printed = $derived.by((): PrintedLine[] | null => {
    if (this.player.runEnd === null || this.session.running || this.session.edited) return null;
    if (this.session.document.traced === null) return null;
    void this.player.length;
    return printedLines(this.player.replay.events);
  });

  /** Why the prediction cannot be checked yet, if it cannot. */
  get blocker(): 'edited' | 'waiting' | null {
    if (this.session.edited) return 'edited';
    return this.printed === null ? 'waiting' : null;
  }

  /** The lines in the order offered to be put in order: shuffled once per prediction. */
  offered = $derived.by((): number[] => {
    const printed = this.printed;
    if (printed === null) return [];
    let seed = this.#random;
    // A small generator seeded once, so that the offered order stays put as the replay grows.
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    return shuffledOrder(
      printed.map((line) => line.text),
      random,
    );
  });

  /** The lines in the student's order (indices into `printed`). */
  get order(): number[] {
    return this.#moved ?? this.offered;
  }

  /** Starts predicting the code on show: its output and the lesson's answer are hidden. */
  start(): void {
    this.#on = true;
    this.#scenario = this.session.scenario;
    this.#code = this.session.code;
    this.phase = 'predicting';
    this.verdict = null;
    this.text = '';
    this.#moved = null;
    this.#random = 1 + Math.floor(Math.random() * 2147483645);
    this.player.start();
  }

  close(): void {
    this.#on = false;
    this.verdict = null;
  }

  /** Back to predicting, keeping what was written or ordered. */
  again(): void {
    this.phase = 'predicting';
    this.verdict = null;
    this.player.start();
  }

  move(from: number, to: number): void {
    const order = this.order;
    if (to < 0 || to >= order.length || from === to) return;
    this.#moved = moveItem(order, from, to);
  }

  /** Compares the prediction with the run, keeps the verdict, and plays the run from its start. */
  check(): void {
    const printed = this.printed;
    if (printed === null) return;
    const prediction =
      this.mode === 'write'
        ? this.text
        : this.order.map((index) => printed[index]?.text ?? '').join('\n');
    const verdict = judgePrediction(prediction, printed, this.player.length);
    this.verdict = verdict;
    this.phase = 'revealing';
    const key = this.progress.key;
    if (key) this.progress.record(key, { predicted: verdict.right ? 'right' : 'wrong' });
    this.player.start();
    this.player.play();
  }

  /** Shows the step that printed the line where the prediction went wrong. */
  jumpToWrong(): void {
    const step = this.verdict?.step;
    if (step === null || step === undefined) return;
    this.player.pause();
    this.player.seek(step);
  }

  /** How many of the program's lines are printed at the step on show. */
  get shown(): number {
    const printed = this.printed ?? [];
    const step = this.player.frame.step;
    let count = 0;
    while (count < printed.length && (printed[count]?.step ?? Infinity) <= step) count++;
    return count;
  }

  /** Whether the first wrong line can be told at the step on show. */
  get wrongShown(): boolean {
    const verdict = this.verdict;
    return verdict?.step != null && this.player.frame.step >= verdict.step;
  }

  /** The comparison, line by line, as far as the step on show has printed. */
  get rows(): RevealRow[] {
    const verdict = this.verdict;
    const printed = this.printed ?? [];
    if (verdict === null) return [];
    const shown = this.shown;
    const atEnd = this.player.frame.step >= this.player.length;
    const count = Math.max(verdict.predicted.length, shown);
    const rows: RevealRow[] = [];
    for (let i = 0; i < count; i++) {
      const line = i < shown ? (printed[i]?.text ?? null) : null;
      const known = i < shown || atEnd;
      const wrong = verdict.firstWrong;
      let state: RevealRow['state'] = 'pending';
      if (wrong !== null && i > wrong) state = known ? 'after' : 'pending';
      else if (wrong === i) state = this.wrongShown ? 'wrong' : 'pending';
      else if (known) state = 'right';
      rows.push({ predicted: verdict.predicted[i] ?? null, printed: line, state });
    }
    return rows;
  }
}
