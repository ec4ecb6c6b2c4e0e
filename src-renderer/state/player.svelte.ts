/**
 * The playhead: which step of the replay is shown, and playback at a speed. Everything the
 * views show derives from `frame`, the state at the playhead.
 */
import type { RunState } from '../../src-shared/loop-state.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';
import {
  nextEventStep,
  nextIterationStep,
  nextOutputStep,
  previousEventStep,
  previousIterationStep,
  previousOutputStep,
} from '../replay/navigation.ts';
import { Replay } from '../replay/replay.ts';

export interface Frame {
  replay: Replay;
  step: number;
  /** The state after `step` events: the replay's own object, read-only, valid for this frame. */
  state: RunState;
  /** The event that led to this step. */
  event: TraceEvent | null;
}

/** How long an event stays on screen at 1x, in milliseconds: bookkeeping passes quicker. */
export function eventDuration(event: TraceEvent | null): number {
  switch (event?.kind) {
    case undefined:
    case 'probe':
      return 0;
    case 'line':
    case 'future.callback':
    case 'future.create':
    case 'loop.iteration':
    case 'loop.select':
    case 'loop.timers':
    case 'loop.ready':
    case 'handle.done':
    case 'handle.cancel':
      return 450;
    default:
      return 1000;
  }
}

const STREAM_REDRAW_MS = 150;

/** Longest a single frame may count, so that a stalled tab does not leap ahead. */
const MAX_FRAME_MS = 100;

export class Player {
  replay = $state.raw(new Replay());
  /** Bumped when events are appended to the replay (which changes in place). */
  version = $state(0);
  step = $state(0);
  playing = $state(false);

  length = $derived.by(() => {
    void this.version;
    return this.replay.length;
  });
  frame = $derived.by((): Frame => {
    void this.version;
    const step = Math.min(this.step, this.replay.length);
    return {
      replay: this.replay,
      step,
      state: this.replay.stateAt(step),
      event: this.replay.eventAt(step),
    };
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

  /** Shows a new replay from its start. */
  load(replay: Replay): void {
    this.pause();
    if (this.redraw !== null) clearTimeout(this.redraw);
    this.redraw = null;
    this.replay = replay;
    this.step = 0;
    this.version++;
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
    this.version++;
  }

  seek(step: number): void {
    this.step = Math.max(0, Math.min(Math.round(step), this.replay.length));
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
    if (this.step >= this.replay.length && !this.streaming()) this.step = 0;
    this.playing = true;
    this.budget = 0;
    this.lastTime = performance.now();
    this.request = requestAnimationFrame(this.tick);
  }

  pause(): void {
    this.playing = false;
    cancelAnimationFrame(this.request);
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  private readonly tick = (now: number): void => {
    if (!this.playing) return;
    this.budget += Math.min(now - this.lastTime, MAX_FRAME_MS) * this.speed();
    this.lastTime = now;
    const replay = this.replay;
    let step = this.step;
    while (step < replay.length) {
      const duration = eventDuration(replay.eventAt(step + 1));
      if (this.budget < duration) break;
      this.budget -= duration;
      step++;
    }
    if (step !== this.step) this.step = step;
    if (step >= replay.length && !this.streaming()) {
      this.playing = false;
      return;
    }
    this.request = requestAnimationFrame(this.tick);
  };

  /** Manual moves pause playback: the learner has taken over. */
  private go(step: number): void {
    this.pause();
    this.seek(step);
  }

  start = () => this.go(0);
  end = () => this.go(this.replay.length);
  forward = () => this.go(nextEventStep(this.replay, this.step));
  back = () => this.go(previousEventStep(this.replay, this.step));
  nextIteration = () => this.go(nextIterationStep(this.replay, this.step));
  previousIteration = () => this.go(previousIterationStep(this.replay, this.step));
  nextOutput = () => this.go(nextOutputStep(this.replay, this.step));
  previousOutput = () => this.go(previousOutputStep(this.replay, this.step));
}
