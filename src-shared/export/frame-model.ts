/**
 * What an exported frame shows at one step, derived from the loop state: plain data, the same
 * for every language, size and theme (the SVG renderer lays it out and translates it).
 *
 * Steps are the app's: step k is the state after the first k events (step 0: nothing has
 * happened yet). The derivations follow src-renderer/replay/views.ts, which the live views use;
 * both read src-shared's fold, and should become one module when the renderer's is shared.
 */
import type { Awaiting, CallbackRole, ExceptionInfo, OutcomeKind, TraceEvent } from '../trace.ts';
import {
  applyEvent,
  createRunState,
  type LoopState,
  type OutputChunk,
  type RunState,
  type TaskStatus,
} from '../loop-state.ts';
import type { Language } from '../api.ts';
import { scenarioDisplayTitle } from '../lesson/parse.ts';
import { describeHandle, isAsyncioTask, ownerOfHandle } from './describe.ts';

/** Where the code came from, for the frame's title. */
export interface FrameMeta {
  /** The lesson's title, or null for a program or a trace. */
  lesson: string | null;
  /** The scenario's number and title, when the code is a lesson's scenario. */
  scenario: { number: number; title: string | null } | null;
  /** The program's file name, for a title when there is no lesson. */
  file: string;
}

/**
 * Lesson — scenario, or null for a program or a trace. The scenario goes by its number and
 * title, or by its title alone when that starts with the author's own number (`1. Tasks are
 * only scheduled`), as the app lists it.
 */
export function sourceTitleOf(meta: FrameMeta, language: Language): string | null {
  const { scenario: which } = meta;
  const scenario =
    which === null
      ? null
      : which.title === null || /^\d+[.)]\s/.test(which.title)
        ? scenarioDisplayTitle(which, language)
        : `${which.number}. ${which.title}`;
  const parts = [meta.lesson, scenario].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(' — ') : null;
}

export type PhaseName =
  'before' | 'select' | 'wait' | 'timers' | 'ready' | 'blocked' | 'stopped' | 'closed' | 'ended';

export interface FrameHandle {
  id: number;
  label: string;
  role: CallbackRole;
  /** The first step of a task that has not run yet. */
  firstStep: boolean;
  /** The task the handle works for: its colour. */
  ownerOrder: number | null;
  ownerName: string | null;
  cancelled: boolean;
  internal: boolean;
}

export interface FrameTimer extends FrameHandle {
  when: number;
  heapIndex: number;
}

export interface FrameTask {
  id: number;
  name: string;
  coro: string;
  /** Creation order: the task's colour. */
  order: number;
  /** `created` is the moment of `create_task`, before the first step is queued. */
  status: TaskStatus | 'created';
  awaiting: Awaiting | null;
  line: number | null;
  result: string | null;
  exception: ExceptionInfo | null;
  cancelRequested: boolean;
  /** One of asyncio's own tasks, not the program's. */
  internal: boolean;
}

export interface FrameData {
  meta: FrameMeta;
  step: number;
  /** The number of steps after step 0. */
  total: number;
  time: number;
  loop: number | null;
  iteration: number | null;
  phase: PhaseName;
  /** The program's source. */
  code: string;
  /** The line being executed, if code runs now. */
  currentLine: number | null;
  /** Lines where tasks wait, with the creation orders of the tasks paused there. */
  pausedLines: Map<number, number[]>;
  running: FrameHandle | null;
  /** The ready queue, head first. */
  ready: FrameHandle[];
  /** The timer heap, in its array's order (index 0 is due first). */
  timers: FrameTimer[];
  tasks: FrameTask[];
  /** The last chunks printed so far (at most OUTPUT_TAIL): the console shows its tail. */
  output: readonly OutputChunk[];
  /** The output chunk printed at this very step, if any. */
  latestOutput: number | null;
  outcome: { kind: OutcomeKind; exitCode: number } | null;
}

/** The most output chunks a frame keeps: more than any console panel shows. */
export const OUTPUT_TAIL = 200;

function currentLoop(state: RunState): LoopState | null {
  return state.currentLoop === null ? null : (state.loops.get(state.currentLoop) ?? null);
}

function phaseOf(state: RunState, loop: LoopState | null, event: TraceEvent | null): PhaseName {
  if (state.outcome) return 'ended';
  if (state.blocked) return 'blocked';
  if (!loop) return 'before';
  switch (loop.phase) {
    case 'idle':
      return 'before';
    case 'select':
      return event?.kind === 'loop.wait' || (event?.kind === 'loop.select' && event.timeout !== 0)
        ? 'wait'
        : 'select';
    default:
      return loop.phase;
  }
}

/** The line being executed now, if code is running (not while the loop is between handles). */
function executingLine(state: RunState, loop: LoopState | null): number | null {
  if (state.outcome) return null;
  if (loop && loop.running && loop.current === null) return null;
  const runningId = state.currentTask;
  const running = runningId === null ? undefined : state.tasks.get(runningId);
  if (running?.status === 'running') return running.line ?? state.currentLine;
  const handle = loop?.current == null ? undefined : state.handles.get(loop.current);
  const task = handle?.task == null ? undefined : state.tasks.get(handle.task);
  if (!task) return state.currentLine;
  // The step the loop starts runs from where its task is; a finished step runs nothing.
  return task.status === 'scheduled' || task.status === 'ready' ? task.line : null;
}

/** Derives what the frame at this step shows. `orders` maps task ids to creation order. */
export function deriveFrame(
  state: RunState,
  event: TraceEvent | null,
  context: { meta: FrameMeta; code: string; total: number },
): FrameData {
  const orders = new Map<number, number>();
  for (const id of state.tasks.keys()) orders.set(id, orders.size);
  const loop = currentLoop(state);
  const handleAt = (id: number): FrameHandle | null => {
    const handle = state.handles.get(id);
    if (!handle) return null;
    const owner = ownerOfHandle(handle, state);
    const task = owner === null ? undefined : state.tasks.get(owner);
    return {
      id,
      label: describeHandle(handle, state),
      role: handle.role,
      firstStep: handle.role === 'step' && task?.status === 'scheduled',
      ownerOrder: owner === null ? null : (orders.get(owner) ?? null),
      ownerName: task?.name ?? null,
      cancelled: handle.cancelled,
      internal: task !== undefined && isAsyncioTask(task),
    };
  };
  const pausedLines = new Map<number, number[]>();
  const tasks: FrameTask[] = [];
  for (const task of state.tasks.values()) {
    const order = orders.get(task.id) ?? 0;
    const paused =
      task.status === 'suspended' || (task.status === 'ready' && task.line !== task.defLine);
    if (paused && task.line !== null) {
      pausedLines.set(task.line, [...(pausedLines.get(task.line) ?? []), order]);
    }
    const justCreated = event?.kind === 'task.create' && event.task === task.id;
    tasks.push({
      id: task.id,
      name: task.name,
      coro: task.coro,
      order,
      status: justCreated ? 'created' : task.status,
      awaiting: task.awaiting,
      line: task.line,
      result: task.result,
      exception: task.exception,
      cancelRequested: task.cancelRequested,
      internal: isAsyncioTask(task),
    });
  }
  const last = state.output.at(-1);
  return {
    meta: context.meta,
    step: state.step,
    total: context.total,
    time: state.time,
    loop: loop?.id ?? null,
    iteration: loop && loop.iteration > 0 ? loop.iteration : null,
    phase: phaseOf(state, loop, event),
    code: context.code,
    currentLine: executingLine(state, loop),
    pausedLines,
    running: loop?.current == null ? null : handleAt(loop.current),
    ready: (loop?.ready ?? []).flatMap((id) => handleAt(id) ?? []),
    timers: (loop?.heap ?? []).flatMap((id, heapIndex) => {
      const entry = handleAt(id);
      const when = state.handles.get(id)?.when ?? 0;
      return entry ? [{ ...entry, when, heapIndex }] : [];
    }),
    tasks,
    output: state.output.slice(-OUTPUT_TAIL),
    latestOutput: last && event?.kind === 'output' && last.seq === event.seq ? last.seq : null,
    outcome: state.outcome,
  };
}

/**
 * How long a step stays on screen when played at 1×, in milliseconds, as the app's player
 * shows it (src-renderer/state/player.svelte.ts): bookkeeping passes quicker.
 */
export function stepDuration(event: TraceEvent | null): number {
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

/** One frame of a range: its data, and how long it is shown. */
export interface SourceFrame {
  data: FrameData;
  durationMs: number;
}

/**
 * The frames of one run, step by step. A range is folded once, forward; a step before the
 * last one asked for starts the fold again from the beginning. The frames feed the SVG
 * renderer, and through it the PNG, GIF and (in the browser) video encoders.
 */
export class FrameSource {
  private state: RunState = createRunState();

  constructor(
    readonly events: readonly TraceEvent[],
    private readonly context: { meta: FrameMeta; code: string },
  ) {}

  /** The number of steps after step 0. */
  get length(): number {
    return this.events.length;
  }

  /** The frame after `step` events. */
  frame(step: number): FrameData {
    const target = Math.max(0, Math.min(Math.floor(step), this.events.length));
    if (this.state.step > target) this.state = createRunState();
    for (const event of this.events.slice(this.state.step, target)) applyEvent(this.state, event);
    const event = target > 0 ? (this.events[target - 1] ?? null) : null;
    return deriveFrame(this.state, event, { ...this.context, total: this.events.length });
  }

  /** The frames from step `from` to step `to`, both included, skipping the engine's probes. */
  *frames(from: number, to: number): Generator<SourceFrame> {
    for (let step = from; step <= to; step++) {
      const event = step > 0 ? (this.events[step - 1] ?? null) : null;
      if (event?.kind === 'probe' && step !== from && step !== to) continue;
      yield { data: this.frame(step), durationMs: stepDuration(event) };
    }
  }
}
