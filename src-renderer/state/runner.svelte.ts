/**
 * Running code: the engine's status, the run under way, and its events on their way to the
 * player. Running is all this class does; what to run is the session's to say.
 */
import type { EngineStatus, LoopscopeApi } from '../../src-shared/api.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';
import { Replay } from '../replay/replay.ts';
import type { Player } from './player.svelte.ts';

/** The file name the engine shows in tracebacks, as `python3 main.py` would. */
export const PROGRAM_FILE = 'main.py';
/** Most events a run may record: enough for a large scenario, few enough to replay smoothly. */
const MAX_EVENTS = 300_000;

export class Runner {
  engine = $state<EngineStatus>({ state: 'loading', progress: 0 });
  runId = $state<string | null>(null);
  /** True from a run's request until the engine names it. */
  starting = $state(false);
  running = $derived(this.starting || this.runId !== null);

  private stopRequested = false;
  /** Events of runs not yet named: a run's first events can overtake the reply that names it. */
  private early: Record<string, TraceEvent[]> = {};

  constructor(
    private readonly api: LoopscopeApi,
    private readonly player: Player,
  ) {}

  listen(): void {
    this.api.engine.onStatus((status) => (this.engine = status));
    this.api.engine.onEvents((runId, events) => this.receive(runId, events));
  }

  async refreshStatus(): Promise<void> {
    this.engine = await this.api.engine.status().catch(() => this.engine);
  }

  /**
   * Runs `code`, with `stdin` as its standard input when given; the player shows the trace as
   * it arrives. Throws when the engine refuses the run.
   */
  async run(code: string, stdin: string | null): Promise<void> {
    if (this.runId) await this.stop();
    this.player.load(new Replay());
    this.starting = true;
    this.stopRequested = false;
    let runId: string;
    try {
      runId = await this.api.engine.run({
        code,
        filename: PROGRAM_FILE,
        ...(stdin === null ? {} : { stdin }),
        budgets: { maxEvents: MAX_EVENTS },
      });
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

  /**
   * Stops the run under way, if any, and forgets it at once: its trace is no longer wanted.
   * (The stop request leaves before this returns; its answer is not waited for.)
   */
  abandon(): void {
    void this.stop();
    this.runId = null;
  }

  private receive(runId: string, events: TraceEvent[]): void {
    if (runId !== this.runId) {
      if (this.starting) this.early[runId] = [...(this.early[runId] ?? []), ...events];
      return;
    }
    this.player.append(events);
    const last = events.at(-1);
    if (last?.kind === 'run.end') {
      this.player.flush();
      this.runId = null;
      // Code that does not compile never ran: its error is all there is to see, at once.
      if (last.outcome === 'syntax-error') this.player.end();
    }
  }
}
