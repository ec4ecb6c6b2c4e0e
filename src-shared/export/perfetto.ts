/**
 * A trace as Chrome's trace-event JSON (the object form, `traceEvents` and `displayTimeUnit`),
 * which ui.perfetto.dev and chrome://tracing open. One process is the program; its main thread
 * is the event loop (the loop's run, its iterations and phases, each handle it runs), and each
 * task is a thread of its own with its running, ready and waiting spans. Timers, handles,
 * output and warnings are instant events; flow arrows join a timer to the callback it runs, a
 * future's completion to the step it wakes, and `create_task` to the task's first step.
 *
 * The clock is the loop's virtual clock in microseconds. Code takes no virtual time (the
 * clock moves only while the loop waits or is blocked), so every event is given at least one
 * microsecond after the one before it: a step's width then shows how many events it took, and
 * each event's exact virtual time is in its `args.t`. The mapping is in docs/export.md.
 */
import type { Language } from '../api.ts';
import { exportCatalog } from '../i18n/catalog-export.ts';
import { createTranslator } from '../i18n/translate.ts';
import { applyEvent, createRunState, type RunState, type TaskStatus } from '../loop-state.ts';
import { assertNever, type TraceEvent } from '../trace.ts';
import { describeHandle } from './describe.ts';

/** One event of Chrome's trace-event format, as far as this export writes them. */
export interface ChromeTraceEvent {
  name: string;
  cat?: string;
  ph: 'X' | 'B' | 'E' | 'i' | 'I' | 's' | 't' | 'f' | 'C' | 'M';
  /** Microseconds. */
  ts?: number;
  /** Microseconds, for complete (`X`) events. */
  dur?: number;
  pid: number;
  tid?: number;
  /** The scope of an instant event: global, process or thread. */
  s?: 'g' | 'p' | 't';
  /** A flow's id. */
  id?: number;
  /** A flow end binds to the slice that encloses it. */
  bp?: 'e';
  args?: Record<string, unknown>;
}

export interface ChromeTrace {
  traceEvents: ChromeTraceEvent[];
  displayTimeUnit: 'ms' | 'ns';
  otherData: Record<string, string>;
}

export interface PerfettoOptions {
  /** Names the process: the lesson and scenario, or the file. */
  title?: string;
  language?: Language;
}

const PID = 1;
/** The main thread, where the event loop runs. */
export const MAIN_TID = 1;
/** Task n is thread TASK_TID_BASE + n. */
export const TASK_TID_BASE = 100;

type SliceKind = 'program' | 'loop' | 'iteration' | 'phase' | 'handle' | 'block' | 'task';

interface OpenSlice {
  kind: SliceKind;
  name: string;
  cat: string;
  ts: number;
  args: Record<string, unknown>;
}

/** A flow whose start is known and whose end waits for the slice it leads to. */
interface PendingFlow {
  name: 'timer' | 'wake' | 'create';
  tid: number;
  ts: number;
}

/** Builds the trace-event JSON for one run's events (which must be valid and in order). */
export function exportPerfetto(
  events: readonly TraceEvent[],
  options: PerfettoOptions = {},
): ChromeTrace {
  return new PerfettoBuilder(options).build(events);
}

/** The trace as JSON text, one trace event a line: readable, and diffable. */
export function stringifyChromeTrace(trace: ChromeTrace): string {
  const lines = trace.traceEvents.map((event) => JSON.stringify(event));
  const rest = JSON.stringify({
    displayTimeUnit: trace.displayTimeUnit,
    otherData: trace.otherData,
  });
  return `{"traceEvents":[\n${lines.join(',\n')}\n],${rest.slice(1)}\n`;
}

const seconds = (value: number) => Math.round(value * 1e6) / 1e6;

/** The first line of printed text, short enough to be an event's name. */
function outputName(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

class PerfettoBuilder {
  private readonly out: ChromeTraceEvent[] = [];
  private readonly stacks = new Map<number, OpenSlice[]>();
  private readonly state: RunState = createRunState();
  private readonly t: ReturnType<typeof createTranslator<keyof (typeof exportCatalog)['en']>>;
  private readonly taskStatus = new Map<number, TaskStatus>();
  private readonly pendingByHandle = new Map<number, PendingFlow[]>();
  /** Flows that end on a task's track, at its next step. */
  private readonly pendingByTask = new Map<number, PendingFlow[]>();
  /** Where each finished future was completed, for the flows to what it wakes. */
  private readonly futureDone = new Map<number, { tid: number; ts: number }>();
  private readonly counters = new Map<number, string>();
  private nextFlowId = 1;
  private blocked: number | null = null;
  private ts = -1;
  private file = '';
  private python = '';

  constructor(private readonly options: PerfettoOptions) {
    this.t = createTranslator(exportCatalog, options.language ?? 'en');
  }

  build(events: readonly TraceEvent[]): ChromeTrace {
    for (const event of events) {
      // At least a microsecond per event: see the module's comment.
      this.ts = Math.max(Math.round(event.t * 1e6), this.ts + 1);
      // A blocking call holds its track until the next event, when the clock has moved.
      if (this.blocked !== null) this.close(this.blocked, 'block');
      this.blocked = null;
      const before = this.state.handles;
      const handle = 'handle' in event ? before.get(event.handle) : undefined;
      const running = this.runningTid();
      applyEvent(this.state, event);
      this.record(event, running, handle === undefined ? null : describeHandle(handle, this.state));
      this.updateTasks(event);
      this.updateCounters();
    }
    this.ts += 1;
    for (const tid of this.stacks.keys()) this.closeAbove(tid, 0);
    const title = this.options.title ?? this.file;
    this.metadata(MAIN_TID, 'process_name', { name: `Loopscope · ${title}` });
    this.metadata(MAIN_TID, 'process_sort_index', { sort_index: 0 });
    this.metadata(MAIN_TID, 'thread_name', { name: this.t('perfetto.main-thread') });
    this.metadata(MAIN_TID, 'thread_sort_index', { sort_index: 0 });
    let order = 1;
    for (const task of this.state.tasks.values()) {
      const tid = TASK_TID_BASE + task.id;
      this.metadata(tid, 'thread_name', { name: `${task.name} · ${task.coro}` });
      this.metadata(tid, 'thread_sort_index', { sort_index: order++ });
    }
    // Timestamps in order, and an enclosing slice before the slices it holds.
    this.out.sort((a, b) => (a.ts ?? -1) - (b.ts ?? -1) || (b.dur ?? 0) - (a.dur ?? 0));
    return {
      traceEvents: this.out,
      displayTimeUnit: 'ms',
      otherData: {
        generator: 'Loopscope',
        python: this.python,
        file: this.file,
        clock: 'virtual time in microseconds; each event at least 1 µs after the one before',
      },
    };
  }

  private runningTid(): number {
    const task = this.state.currentTask;
    return task !== null && this.state.tasks.get(task)?.status === 'running'
      ? TASK_TID_BASE + task
      : MAIN_TID;
  }

  private base(event: TraceEvent): Record<string, unknown> {
    return { seq: event.seq, t: seconds(event.t) };
  }

  // --- Slices ---------------------------------------------------------------------------

  private stack(tid: number): OpenSlice[] {
    let stack = this.stacks.get(tid);
    if (!stack) {
      stack = [];
      this.stacks.set(tid, stack);
    }
    return stack;
  }

  private open(tid: number, kind: SliceKind, name: string, cat: string, args: object): void {
    this.stack(tid).push({ kind, name, cat, ts: this.ts, args: { ...args } });
  }

  /** Closes the innermost open slice of `kind`, and every slice opened inside it. */
  private close(tid: number, kind: SliceKind): void {
    const stack = this.stack(tid);
    const index = stack.findLastIndex((slice) => slice.kind === kind);
    if (index !== -1) this.closeAbove(tid, index);
  }

  private closeAbove(tid: number, index: number): void {
    const stack = this.stack(tid);
    while (stack.length > index) {
      const slice = stack.pop();
      if (!slice) break;
      this.out.push({
        name: slice.name,
        cat: slice.cat,
        ph: 'X',
        ts: slice.ts,
        dur: this.ts - slice.ts,
        pid: PID,
        tid,
        args: slice.args,
      });
    }
  }

  private instant(tid: number, name: string, cat: string, args: object): void {
    this.out.push({ name, cat, ph: 'i', s: 't', ts: this.ts, pid: PID, tid, args: { ...args } });
  }

  private metadata(tid: number, name: string, args: object): void {
    this.out.push({ name, ph: 'M', pid: PID, tid, args: { ...args } });
  }

  // --- Flows ----------------------------------------------------------------------------

  /** A flow from here, on `tid`, to a slice still to come. */
  private flowFrom(name: PendingFlow['name'], tid: number): PendingFlow {
    return { name, tid, ts: this.ts };
  }

  private pend<K>(map: Map<K, PendingFlow[]>, key: K, flow: PendingFlow): void {
    const flows = map.get(key);
    if (flows) flows.push(flow);
    else map.set(key, [flow]);
  }

  /**
   * Ends pending flows inside the slice that begins now on `tid`. Flow points sit half a
   * microsecond inside their slices, so that each binds to the slice that encloses it: a
   * source's slice began at an earlier event, and the target's slice ends at a later one.
   */
  private flowTo(flows: PendingFlow[] | undefined, tid: number): void {
    for (const flow of flows ?? []) {
      const id = this.nextFlowId++;
      const common = { name: flow.name, cat: 'flow', pid: PID, id } as const;
      this.out.push({ ...common, ph: 's', ts: flow.ts - 0.5, tid: flow.tid });
      this.out.push({ ...common, ph: 'f', bp: 'e', ts: this.ts + 0.5, tid });
    }
  }

  // --- Events ---------------------------------------------------------------------------

  private record(event: TraceEvent, tid: number, label: string | null): void {
    const args = this.base(event);
    switch (event.kind) {
      case 'run.start':
        this.file = event.file;
        this.python = event.python;
        this.open(MAIN_TID, 'program', this.t('perfetto.program'), 'program', {
          ...args,
          file: event.file,
          python: event.python,
        });
        break;
      case 'run.end':
        for (const open of this.stacks.keys()) this.closeAbove(open, 0);
        this.out.push({
          name: `run.end: ${event.outcome} (${event.exitCode})`,
          cat: 'program',
          ph: 'i',
          s: 'g',
          ts: this.ts,
          pid: PID,
          tid: MAIN_TID,
          args: { ...args, outcome: event.outcome, exitCode: event.exitCode, error: event.error },
        });
        break;
      case 'line':
        break;
      case 'output':
        this.instant(tid, outputName(event.text), event.stream, {
          ...args,
          stream: event.stream,
          text: event.text,
        });
        break;
      case 'warning':
        this.instant(tid, `${event.category}: ${event.message}`, 'warning', {
          ...args,
          line: event.line,
        });
        break;
      case 'log':
        this.instant(tid, `${event.level}: ${event.message}`, 'log', {
          ...args,
          logger: event.logger,
        });
        break;
      case 'exception':
        this.instant(tid, `${event.exc.type}: ${event.exc.message}`, 'exception', {
          ...args,
          frames: event.frames.map((f) => `${f.file}:${f.line} in ${f.name}`),
        });
        break;
      case 'probe':
        break;
      case 'loop.create':
      case 'loop.close':
        this.instant(MAIN_TID, `${event.kind} ${event.loop}`, 'loop', args);
        if (event.kind === 'loop.close') this.close(MAIN_TID, 'loop');
        break;
      case 'loop.start':
        this.open(MAIN_TID, 'loop', `run_forever: loop ${event.loop}`, 'loop', {
          ...args,
          loop: event.loop,
        });
        break;
      case 'loop.stop':
        this.close(MAIN_TID, 'loop');
        break;
      case 'loop.iteration':
        this.close(MAIN_TID, 'iteration');
        this.open(MAIN_TID, 'iteration', `iteration ${event.n}`, 'loop', {
          ...args,
          loop: event.loop,
        });
        break;
      case 'loop.select':
        this.close(MAIN_TID, 'phase');
        this.open(MAIN_TID, 'phase', 'select', 'loop', { ...args, timeout: event.timeout });
        break;
      case 'loop.wait': {
        const phase = this.stack(MAIN_TID).findLast((slice) => slice.kind === 'phase');
        if (phase) {
          phase.name = 'select: wait for the next timer';
          phase.args.until = seconds(event.until);
        }
        break;
      }
      case 'io.wait':
      case 'io.ready': {
        // What the selector watched (folded: an io.wait records what changed), and what it
        // returned: instants on the loop's track.
        const sockets =
          event.kind === 'io.wait'
            ? (this.state.loops.get(event.loop)?.sockets ?? event.sockets)
            : event.sockets;
        this.instant(MAIN_TID, `${event.kind}: ${sockets.length} sockets`, 'io', {
          ...args,
          sockets: sockets.map((socket) => socket.fd),
        });
        break;
      }
      case 'loop.timers':
        this.close(MAIN_TID, 'phase');
        this.open(MAIN_TID, 'phase', 'timers', 'loop', args);
        break;
      case 'loop.ready':
        this.close(MAIN_TID, 'phase');
        this.open(MAIN_TID, 'phase', `ready: ${event.count}`, 'loop', {
          ...args,
          count: event.count,
        });
        break;
      case 'clock.block':
        this.open(tid, 'block', 'blocked', 'block', {
          ...args,
          until: seconds(event.until),
          line: event.line,
        });
        this.blocked = tid;
        break;
      case 'handle.push':
      case 'timer.push': {
        const name = describeHandle(assertHandle(this.state, event.handle), this.state);
        const isTimer = event.kind === 'timer.push';
        this.instant(
          tid,
          isTimer ? `timer: ${name}` : `call_soon: ${name}`,
          isTimer ? 'timer' : 'handle',
          {
            ...args,
            handle: event.handle,
            callback: event.callback,
            role: event.role,
            ...(isTimer ? { when: event.when === null ? null : seconds(event.when) } : {}),
            line: event.from.line,
          },
        );
        if (isTimer) this.pend(this.pendingByHandle, event.handle, this.flowFrom('timer', tid));
        const done = event.future === null ? undefined : this.futureDone.get(event.future);
        if (done) this.pend(this.pendingByHandle, event.handle, { name: 'wake', ...done });
        break;
      }
      case 'timer.due':
      case 'timer.discard':
      case 'handle.cancel':
      case 'handle.skip':
        this.instant(MAIN_TID, `${event.kind}: ${label ?? event.handle}`, 'handle', {
          ...args,
          handle: event.handle,
        });
        break;
      case 'timer.rebuild':
        this.instant(MAIN_TID, `timer.rebuild: ${event.discarded.length}`, 'timer', {
          ...args,
          discarded: event.discarded,
        });
        break;
      case 'handle.run': {
        const handle = assertHandle(this.state, event.handle);
        this.open(MAIN_TID, 'handle', label ?? handle.callback, 'handle', {
          ...args,
          handle: event.handle,
          role: handle.role,
        });
        const flows = this.pendingByHandle.get(event.handle);
        this.pendingByHandle.delete(event.handle);
        const task = handle.task;
        if (task !== null && (handle.role === 'step' || handle.role === 'wakeup')) {
          for (const flow of flows ?? []) this.pend(this.pendingByTask, task, flow);
        } else {
          this.flowTo(flows, MAIN_TID);
        }
        break;
      }
      case 'handle.done':
        this.close(MAIN_TID, 'handle');
        break;
      case 'task.create':
        this.instant(tid, `create_task: ${event.name}`, 'task', {
          ...args,
          task: event.task,
          coro: event.coro,
          line: event.from.line,
        });
        this.pend(this.pendingByTask, event.task, this.flowFrom('create', tid));
        break;
      case 'future.create':
        break;
      case 'task.run':
        break;
      case 'task.suspend':
      case 'task.yield':
      case 'task.wake':
      case 'task.frames':
        break;
      case 'task.cancel':
        this.instant(
          tid,
          `cancel: ${this.state.tasks.get(event.task)?.name ?? event.task}`,
          'task',
          {
            ...args,
            task: event.task,
            msg: event.msg,
            accepted: event.accepted,
          },
        );
        break;
      case 'future.result':
      case 'future.exception':
      case 'future.cancelled':
        this.futureDone.set(event.future, { tid, ts: this.ts });
        if (!this.state.tasks.has(event.future)) {
          this.instant(tid, `${event.kind}: future ${event.future}`, 'future', args);
        }
        break;
      case 'future.callback':
        break;
      case 'future.dropped':
        // The moment the program let go of it, when asyncio reports it (the gc's moment).
        this.instant(tid, `dropped: ${event.reason}`, 'future', {
          ...args,
          future: event.future,
          reason: event.reason,
        });
        break;
      case 'line.hot':
        break;
      default:
        assertNever(event);
    }
  }

  /** A task's span changes with its status: one track per task, one slice per stretch. */
  private updateTasks(event: TraceEvent): void {
    const ids: number[] = [];
    if ('task' in event && typeof event.task === 'number') ids.push(event.task);
    if ('future' in event && typeof event.future === 'number') ids.push(event.future);
    for (const id of ids) {
      const task = this.state.tasks.get(id);
      if (!task || this.taskStatus.get(id) === task.status) continue;
      const tid = TASK_TID_BASE + id;
      this.taskStatus.set(id, task.status);
      this.close(tid, 'task');
      const args = { ...this.base(event), state: task.status, line: task.line };
      switch (task.status) {
        case 'scheduled':
        case 'ready':
          this.open(tid, 'task', this.t(`status.${task.status}`), 'task', args);
          break;
        case 'running':
          this.open(tid, 'task', this.t('status.running'), 'task', args);
          this.flowTo(this.pendingByTask.get(id), tid);
          this.pendingByTask.delete(id);
          break;
        case 'suspended':
          this.open(tid, 'task', this.t('perfetto.waiting'), 'task', {
            ...args,
            awaiting: task.awaiting,
          });
          break;
        case 'done':
        case 'failed':
        case 'cancelled':
          this.instant(tid, `${this.t(`status.${task.status}`)}`, 'task', {
            ...args,
            result: task.result,
            exception: task.exception,
            cancelMessage: task.cancelMessage,
          });
          break;
        default:
          assertNever(task.status);
      }
    }
  }

  /** The ready queue's and the timer heap's lengths, as counters, when they change. */
  private updateCounters(): void {
    for (const loop of this.state.loops.values()) {
      const key = `${loop.ready.length}/${loop.heap.length}`;
      if (this.counters.get(loop.id) === key) continue;
      this.counters.set(loop.id, key);
      this.out.push({
        name: `loop ${loop.id}`,
        ph: 'C',
        ts: this.ts,
        pid: PID,
        tid: MAIN_TID,
        args: { ready: loop.ready.length, timers: loop.heap.length },
      });
    }
  }
}

function assertHandle(state: RunState, id: number) {
  const handle = state.handles.get(id);
  if (!handle) throw new Error(`The trace names handle ${id} before pushing it.`);
  return handle;
}
