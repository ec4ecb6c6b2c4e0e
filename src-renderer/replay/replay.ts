/**
 * The replay model: a trace, and the full run state at any step of it. Step n is the state
 * after the first n events (step 0: nothing has happened yet).
 *
 * Seeking never folds from the start: a compact snapshot is kept every SNAPSHOT_INTERVAL
 * events (further apart while the loop holds very many tasks), and a seek finds the nearest
 * one at or before the target by a binary search and folds forward from it (or from where
 * the last seek left off, when that is nearer). Pure TypeScript: no DOM, no Svelte.
 */
import {
  applyEvent,
  cloneRunState,
  createRunState,
  type OutputChunk,
  type RunState,
} from '../../src-shared/loop-state.ts';
import { assertExists } from '../../src-shared/assert.ts';
import type { SlicedWork } from '../../src-shared/slices.ts';
import type { EventOf, TraceEvent } from '../../src-shared/trace.ts';
import {
  createSnapshot,
  restoreReferenced,
  snapshotSize,
  type Registry,
  type Snapshot,
} from './snapshot.ts';
import { AwaitIndex } from './await-graph.ts';
import { CauseIndex } from './causes.ts';
import { LensIndex } from './lens.ts';
import { MeaningIndex } from './meaning-index.ts';
import { ProgramIndex } from './program-index.ts';
import { Timeline } from './timeline.ts';

interface MutableRegistry extends Registry {
  handleCancelledAt: Map<number, number>;
  futureCallbackAt: Map<number, number[]>;
  futureDoneAt: Map<number, number>;
}

/** Events indexed between two chances to pause, in `appendInSlices`. */
const APPEND_SLICE = 256;

/**
 * Events between snapshots while the state is small: a seek then folds at most this many
 * (about 1 ms of work). A large state spaces them further (see `spacing`).
 */
export const SNAPSHOT_INTERVAL = 1024;

/** Why the replay stops before the trace's end: an event the fold could not apply. */
export interface ReplayFault {
  seq: number;
  message: string;
}

export class Replay {
  readonly events: TraceEvent[] = [];
  /** What the program's code names and does, as the events tell it. */
  readonly program = new ProgramIndex();
  readonly timeline = new Timeline(this.program);
  /** The steps of each lens (see lens.ts). */
  readonly lenses = new LensIndex(this.events);
  /** Where each output line, code line and task's step is (see meaning-index.ts). */
  readonly meaning = new MeaningIndex();
  /** Who awaits whom, over time (see await-graph.ts). */
  readonly awaits = new AwaitIndex(this.program);
  /** Which events cause which (see causes.ts). */
  readonly causes = new CauseIndex();
  /** The run's end, once it has arrived (even when a fault stopped the replay before it). */
  end: EventOf<'run.end'> | null = null;
  fault: ReplayFault | null = null;

  /** The state after every event so far: the source of snapshots and of the registry. */
  private readonly head = createRunState();
  private readonly snapshots: Snapshot[] = [];
  private working: RunState = createRunState();
  private readonly registry: MutableRegistry;

  /** Events between snapshots (smaller in tests, to exercise seeking across many of them). */
  private readonly interval: number;
  /**
   * Events until the next snapshot: `interval`, or more while the state is large. A snapshot
   * copies what the loop holds, so 100,000 live tasks would make one every 1,024 events cost
   * gigabytes; spaced by a quarter of its size, a snapshot costs at most four entries an event.
   */
  private spacing: number;

  constructor(events: readonly TraceEvent[] = [], options: { snapshotInterval?: number } = {}) {
    this.interval = options.snapshotInterval ?? SNAPSHOT_INTERVAL;
    this.spacing = this.interval;
    this.registry = {
      handles: this.head.handles,
      futures: this.head.futures,
      handleCancelledAt: new Map(),
      futureCallbackAt: new Map(),
      futureDoneAt: new Map(),
    };
    this.snapshots.push(createSnapshot(this.head, undefined));
    this.append(events);
  }

  /** The number of steps after step 0: the playable length. */
  get length(): number {
    return this.events.length;
  }

  /** Every output chunk of the run so far, in order. */
  get outputs(): readonly OutputChunk[] {
    return this.head.output;
  }

  /** Adds events that arrived; events after a fault are kept out. */
  append(batch: readonly TraceEvent[]): void {
    for (const event of batch) {
      if (event.kind === 'run.end') this.end = event;
      if (this.fault) continue;
      const index = this.events.length;
      try {
        applyEvent(this.head, event);
      } catch (error) {
        this.fault = {
          seq: event.seq,
          message: error instanceof Error ? error.message : String(error),
        };
        continue;
      }
      this.events.push(event);
      this.register(event, index);
      this.program.observe(event, index, this.head);
      this.timeline.observe(event, index, this.head);
      this.lenses.observe(event, index, this.head, this.program);
      this.meaning.observe(event, index, this.head);
      this.awaits.observe(event, index, this.head);
      this.causes.observe(event, index, this.head);
      if (this.events.length - this.lastSnapshot().step >= this.spacing) {
        const snapshot = createSnapshot(this.head, this.snapshots.at(-1));
        this.snapshots.push(snapshot);
        this.spacing = Math.max(this.interval, Math.ceil(snapshotSize(snapshot) / 4));
      }
    }
  }

  /** `append` as sliced work, for a trace so long that indexing it at once would freeze the page. */
  *appendInSlices(events: readonly TraceEvent[]): SlicedWork<void> {
    for (let start = 0; start < events.length; start += APPEND_SLICE) {
      this.append(events.slice(start, start + APPEND_SLICE));
      yield;
    }
  }

  private register(event: TraceEvent, index: number): void {
    switch (event.kind) {
      case 'handle.cancel':
        if (!this.registry.handleCancelledAt.has(event.handle)) {
          this.registry.handleCancelledAt.set(event.handle, index);
        }
        break;
      case 'future.callback': {
        const added = this.registry.futureCallbackAt.get(event.future);
        if (added) added.push(index);
        else this.registry.futureCallbackAt.set(event.future, [index]);
        break;
      }
      case 'future.result':
      case 'future.exception':
      case 'future.cancelled':
        this.registry.futureDoneAt.set(event.future, index);
        break;
      default:
        break;
    }
  }

  /**
   * The state after `step` events. The object is the replay's own and changes on the next
   * call: read it, never keep or mutate it.
   */
  stateAt(step: number): RunState {
    const target = this.clampStep(step);
    const snapshot = this.snapshotFor(target);
    if (this.working.step > target || this.working.step < snapshot.step) {
      this.working = this.fromSnapshot(snapshot);
    }
    return this.foldTo(this.working, target);
  }

  /**
   * A state of its own after `step` events, to read beside the one `stateAt` keeps (for a
   * list of moments shown at once); it costs a fold from the nearest snapshot.
   */
  stateCopyAt(step: number): RunState {
    const target = this.clampStep(step);
    return this.foldTo(this.fromSnapshot(this.snapshotFor(target)), target);
  }

  private clampStep(step: number): number {
    return Math.max(0, Math.min(Math.floor(step), this.events.length));
  }

  /** The last snapshot at or before `step`, found by a binary search: snapshots are uneven. */
  private snapshotFor(step: number): Snapshot {
    let low = 0;
    let high = this.snapshots.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.snapshots[middle]?.step ?? Infinity) <= step) low = middle;
      else high = middle - 1;
    }
    return assertExists(this.snapshots[low], 'the replay has a snapshot at its start');
  }

  private lastSnapshot(): Snapshot {
    return assertExists(this.snapshots.at(-1), 'the replay has a snapshot at its start');
  }

  private fromSnapshot(snapshot: Snapshot): RunState {
    const state = cloneRunState(snapshot.state);
    state.output = this.head.output.slice(0, snapshot.outputCount);
    return state;
  }

  private foldTo(state: RunState, target: number): RunState {
    for (let index = state.step; index < target; index++) {
      const event = this.events[index];
      if (!event) break;
      restoreReferenced(state, event, this.registry);
      applyEvent(state, event);
    }
    return state;
  }

  /** The event that led to `step` (the last one folded into it), if any. */
  eventAt(step: number): TraceEvent | null {
    return step > 0 ? (this.events[step - 1] ?? null) : null;
  }

  /** How many snapshots the replay holds, for the benchmark. */
  get snapshotCount(): number {
    return this.snapshots.length;
  }
}
