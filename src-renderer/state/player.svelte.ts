/**
 * The playhead: which step of the replay is shown, in which lens, and playback at a speed.
 * Everything the views show derives from `frame`, the state at the playhead.
 *
 * The replay grows in place as a run streams; the player publishes what the views read of it
 * (its length, its end, its marks...) as getters that track their own changes, so a
 * component reads `player.end` and is redrawn when it changes, and never a version counter.
 */
import { stepDuration as eventDuration } from '../../src-shared/export/frame-model.ts';
import type { RunState } from '../../src-shared/loop-state.ts';
import type { EventOf, TraceEvent } from '../../src-shared/trace.ts';
import {
  nextIterationStep,
  nextOutputStep,
  previousIterationStep,
  previousOutputStep,
} from '../replay/navigation.ts';
import { nextStop, previousStop, stopHolding, type Lens, type LensSteps } from '../replay/lens.ts';
import { Replay, type ReplayFault } from '../replay/replay.ts';
import { advanceClock, advanceTowards, stepAtTime } from '../replay/virtual-time.ts';
import type { Mark, Timeline } from '../replay/timeline.ts';

export interface Frame {
  replay: Replay;
  step: number;
  /** The state after `step` events: the replay's own object, read-only, valid for this frame. */
  state: RunState;
  /** The event that led to this step. */
  event: TraceEvent | null;
  lens: Lens;
}

/** A step of the `code` lens says more than one event: it stays a little longer. */
const CODE_STEP_MS = 1600;

/**
 * How long the step that stops at `stop` stays on screen at 1x: an event's own pace, the same
 * as an exported animation's.
 */
function stepDuration(replay: Replay, lens: Lens, stop: number): number {
  return lens === 'code' ? CODE_STEP_MS : eventDuration(replay.eventAt(stop));
}

const STREAM_REDRAW_MS = 150;

/** Longest a single frame may count, so that a stalled tab does not leap ahead. */
const MAX_FRAME_MS = 100;

/** What the views read of the replay, as of the last time it was shown. */
interface Published {
  replay: Replay;
  length: number;
  end: EventOf<'run.end'> | null;
  fault: ReplayFault | null;
  /** A copy: the timeline's own list grows in place. */
  marks: readonly Mark[];
}

function publish(replay: Replay): Published {
  return {
    replay,
    length: replay.length,
    end: replay.end,
    fault: replay.fault,
    marks: replay.timeline.marks.slice(),
  };
}

/** How play moves: step by step at a speed, or by the loop's virtual clock (see virtual-time.ts). */
export type Pace = { kind: 'steps' } | { kind: 'time'; scale: number };

export class Player {
  #published = $state.raw(publish(new Replay()));
  step = $state(0);
  playing = $state(false);
  pace = $state.raw<Pace>({ kind: 'steps' });
  /** While playing by virtual time: the clock's time, which runs ahead of the steps shown. */
  clock = $state<number | null>(null);
  /** The step granularity (see replay/lens.ts). */
  lens = $state<Lens>('loop');

  /** The replay on show. */
  get replay(): Replay {
    return this.#published.replay;
  }

  /** The number of events shown: the last step. */
  get length(): number {
    return this.#published.length;
  }

  /** The run's end, once it has arrived (even when a fault stopped the replay before it). */
  get runEnd(): EventOf<'run.end'> | null {
    return this.#published.end;
  }

  /** Why the replay stops before the trace's end, if it does. */
  get fault(): ReplayFault | null {
    return this.#published.fault;
  }

  /** The marks on the scrubber: output, exceptions, task ends. */
  get marks(): readonly Mark[] {
    return this.#published.marks;
  }

  /**
   * The replay's timeline (lanes, iterations, time spans). It grows in place: read it inside
   * a `$derived`, which this getter makes run again whenever more of the trace is shown.
   */
  get timeline(): Timeline {
    return this.#published.replay.timeline;
  }

  /** The steps of the current lens. Read it inside a `$derived`, like `timeline`. */
  get steps(): LensSteps {
    return this.#published.replay.lenses.steps(this.lens);
  }

  frame = $derived.by((): Frame => {
    const { replay, length } = this.#published;
    const step = Math.min(this.step, length);
    return {
      replay,
      step,
      state: replay.stateAt(step),
      event: replay.eventAt(step),
      lens: this.lens,
    };
  });

  /** The step's number in the lens (1-based; 0 before the first), and how many there are. */
  position = $derived.by(() => {
    const steps = this.steps;
    const { length } = this.#published;
    const step = Math.min(this.step, length);
    return { index: steps.countUpTo(step), count: steps.countUpTo(length) };
  });

  private redraw: ReturnType<typeof setTimeout> | null = null;
  /** Where the scrubber was dragged to, until the next frame shows it. */
  private scrubbedTo: number | null = null;
  private budget = 0;
  private lastTime = 0;
  private request = 0;

  constructor(
    private readonly speed: () => number,
    private readonly streaming: () => boolean,
  ) {}

  /**
   * Shows a new replay from its start; one of code that did not compile at its end, where its
   * SyntaxError is: nothing ran before it.
   */
  load(replay: Replay): void {
    this.pause();
    if (this.redraw !== null) clearTimeout(this.redraw);
    this.redraw = null;
    this.step = replay.end?.outcome === 'syntax-error' ? replay.length : 0;
    this.#published = publish(replay);
  }

  /**
   * Adds events that arrived. While a run streams, the views catch up at most every
   * STREAM_REDRAW_MS: redrawing for every batch would leave no time for anything else.
   */
  append(events: readonly TraceEvent[]): void {
    this.replay.append(events);
    this.redraw ??= setTimeout(() => this.flush(), STREAM_REDRAW_MS);
  }

  /** Shows every event appended so far, now. */
  flush(): void {
    if (this.redraw !== null) clearTimeout(this.redraw);
    this.redraw = null;
    this.#published = publish(this.replay);
  }

  /** Changes the lens, keeping the place: the playhead moves at most to the end of its step. */
  setLens(lens: Lens): void {
    if (lens === this.lens) return;
    this.lens = lens;
    const steps = this.replay.lenses.steps(lens);
    this.step = stopHolding(steps, Math.min(this.step, this.length), this.length);
  }

  seek(step: number): void {
    this.step = Math.max(0, Math.min(Math.round(step), this.length));
  }

  /**
   * Follows the scrubber: a drag sends more positions than the screen shows frames, so only
   * the last one before each frame is shown.
   */
  scrub(step: number): void {
    this.pause();
    const scheduled = this.scrubbedTo !== null;
    this.scrubbedTo = step;
    if (scheduled) return;
    requestAnimationFrame(() => {
      if (this.scrubbedTo !== null) this.seek(this.scrubbedTo);
      this.scrubbedTo = null;
    });
  }

  play(): void {
    if (this.playing) return;
    if (this.step >= this.length && !this.streaming()) this.step = 0;
    this.playing = true;
    this.budget = 0;
    this.clock = null;
    this.lastTime = performance.now();
    this.request = requestAnimationFrame(this.tick);
  }

  pause(): void {
    this.playing = false;
    this.clock = null;
    if (this.request !== 0) cancelAnimationFrame(this.request);
    this.request = 0;
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  private readonly tick = (now: number): void => {
    if (!this.playing) return;
    const elapsed = Math.min(now - this.lastTime, MAX_FRAME_MS);
    this.budget += elapsed * this.speed();
    this.lastTime = now;
    const replay = this.replay;
    const length = replay.length;
    const steps = replay.lenses.steps(this.lens);
    let step = this.step;
    if (this.pace.kind === 'time') {
      // The clock starts where the playhead is, the first frame after play (or the pace) began.
      this.clock = advanceClock(this.clock ?? this.frame.state.time, elapsed, this.pace.scale);
      const due = stepAtTime(replay.events, this.clock);
      step = advanceTowards(steps, step, due, elapsed);
      // Every stop shown and the clock past the last event: play ends at the trace's end.
      if (due >= length && steps.countUpTo(step) >= steps.countUpTo(length)) step = length;
    } else if (this.clock !== null) {
      this.clock = null;
    }
    while (this.pace.kind === 'steps' && step < length) {
      const next = nextStop(steps, step, length);
      const duration = stepDuration(replay, this.lens, next);
      if (this.budget < duration) break;
      this.budget -= duration;
      step = next;
    }
    if (step !== this.step) this.step = step;
    if (step >= length && !this.streaming()) {
      this.playing = false;
      this.clock = null;
      return;
    }
    this.request = requestAnimationFrame(this.tick);
  };

  /** Manual moves pause playback: the learner has taken over. */
  private go(step: number): void {
    this.pause();
    this.seek(step);
  }

  /** Forward moves land at the end of the lens's step that holds `step`. */
  private inLens(step: number): number {
    return stopHolding(this.replay.lenses.steps(this.lens), step, this.replay.length);
  }

  /** Backward moves land on the lens's last stop at or before `step`. */
  private backInLens(step: number): number {
    const steps = this.replay.lenses.steps(this.lens);
    return steps.stopAt(steps.countUpTo(step));
  }

  start = () => this.go(0);
  end = () => this.go(this.replay.length);
  forward = () =>
    this.go(nextStop(this.replay.lenses.steps(this.lens), this.step, this.replay.length));
  back = () => this.go(previousStop(this.replay.lenses.steps(this.lens), this.step));
  nextIteration = () => this.go(this.inLens(nextIterationStep(this.replay, this.step)));
  previousIteration = () => this.go(this.backInLens(previousIterationStep(this.replay, this.step)));
  nextOutput = () => this.go(this.inLens(nextOutputStep(this.replay, this.step)));
  previousOutput = () => this.go(this.backInLens(previousOutputStep(this.replay, this.step)));
}
