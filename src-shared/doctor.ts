/**
 * The doctor: what asyncio's own documentation warns learners about, found in a run's trace
 * and tied to its step, line and task. It reads only the trace (the program's source comes with
 * `run.start`), so the app, the web edition and the command line find the same things.
 *
 * Most findings are what CPython itself reported during the run (a warning, a log record of
 * asyncio's logger, an exception, a blocked loop, a loop left with nothing to do); one is
 * read from the code: a task made by `asyncio.create_task(...)` as a statement of its own,
 * whose only strong reference is the loop's, so that the garbage collector may take it.
 */
import type { EventOf, TraceEvent } from './trace.ts';

export type DoctorRule =
  /** A coroutine object was made and dropped without `await` (CPython's RuntimeWarning). */
  | 'never-awaited'
  /** A task ended with an exception nobody asked for (asyncio's log at its collection). */
  | 'exception-never-retrieved'
  /** A pending task was collected: nothing kept it, so its work stopped half done. */
  | 'destroyed-pending'
  /** `asyncio.create_task(...)` as a statement: the task is kept only weakly by the loop. */
  | 'task-not-kept'
  /** A blocking call (`time.sleep`) in a callback or coroutine stopped the whole loop. */
  | 'blocking-call'
  /** `create_task` or `get_running_loop` called where no loop runs. */
  | 'no-running-loop'
  /** The loop was left with nothing to run and no timer: a task awaits what never comes. */
  | 'never-finishes';

export const DOCTOR_RULES: readonly DoctorRule[] = [
  'never-awaited',
  'exception-never-retrieved',
  'destroyed-pending',
  'task-not-kept',
  'blocking-call',
  'no-running-loop',
  'never-finishes',
];

export interface Finding {
  rule: DoctorRule;
  /** The step (the event's `seq`) that shows it: a replay jumps there. */
  step: number;
  /** The line of the user's file it is about, when there is one. */
  line: number | null;
  /** The task it is about, when there is one. */
  task: number | null;
  /** What its message names: a coroutine's or a task's name, a duration in seconds. */
  params: Readonly<Record<string, string | number>>;
}

const NEVER_AWAITED = /^coroutine '(.+)' was never awaited$/;
const NEVER_RETRIEVED = 'Task exception was never retrieved';
const DESTROYED_PENDING = 'Task was destroyed but it is pending!';
/** `name='Task-2'` in a task's repr, as asyncio's log records show it. */
const TASK_NAME = /name='((?:[^'\\]|\\.)*)'/;
/**
 * A statement that makes a task and keeps nothing of it. A method call on a TaskGroup
 * (`tg.create_task`) is not one: the group holds its tasks until they end.
 */
const UNKEPT_TASK = /^(?:asyncio\.|(?:\w*loop\w*)\.)?(?:create_task|ensure_future)\s*\(/i;

interface TaskInfo {
  name: string;
  createdAt: number | null;
  /** The user's own coroutine (defined in the user's file), not asyncio's machinery. */
  user: boolean;
  done: boolean;
  pausedAt: number | null;
}

/** Finds what the doctor warns about in one run's trace, in the order the steps show them. */
export function diagnose(events: readonly TraceEvent[]): Finding[] {
  const diagnosis = new Diagnosis();
  for (const event of events) diagnosis.read(event);
  return diagnosis.findings;
}

/** What the doctor has read of a trace so far, and what it found. */
class Diagnosis {
  readonly findings: Finding[] = [];
  private readonly tasks = new Map<number, TaskInfo>();
  private readonly byName = new Map<string, number>();
  private sourceLines: readonly string[] = [];
  /** The engine records `future.dropped`: asyncio's log records then say nothing new. */
  private droppedSeen = false;

  read(event: TraceEvent): void {
    switch (event.kind) {
      case 'run.start':
        this.sourceLines = event.source.split(/\r\n|\r|\n/);
        break;
      case 'task.create':
        this.taskCreated(event);
        break;
      case 'task.suspend':
      case 'task.yield': {
        const task = this.tasks.get(event.task);
        if (task) task.pausedAt = event.line;
        break;
      }
      case 'future.result':
      case 'future.exception':
      case 'future.cancelled': {
        const task = this.tasks.get(event.future);
        if (task) task.done = true;
        break;
      }
      case 'warning':
        this.warned(event);
        break;
      case 'future.dropped':
        this.dropped(event);
        break;
      case 'log':
        this.logged(event);
        break;
      case 'clock.block':
        this.add('blocking-call', event, event.line, event.task, {
          seconds: roundSeconds(event.until - event.t),
        });
        break;
      case 'exception':
        if (event.exc.type === 'RuntimeError' && event.exc.message === 'no running event loop') {
          const frame = event.frames.findLast((f) => f.user) ?? null;
          this.add('no-running-loop', event, frame?.line ?? null, null, {});
        }
        break;
      case 'run.end':
        if (event.outcome === 'stuck') this.stuck(event);
        break;
      default:
        break;
    }
  }

  private add(
    rule: DoctorRule,
    event: TraceEvent,
    line: number | null,
    task: number | null,
    params: Finding['params'],
  ): void {
    this.findings.push({ rule, step: event.seq, line, task, params });
  }

  private taskCreated(event: EventOf<'task.create'>): void {
    const line = event.from.line;
    const user = event.defLine !== null;
    this.tasks.set(event.task, {
      name: event.name,
      createdAt: line,
      user,
      done: false,
      pausedAt: null,
    });
    this.byName.set(event.name, event.task);
    const text = line === null ? '' : (this.sourceLines[line - 1] ?? '').trim();
    if (user && UNKEPT_TASK.test(text)) {
      this.add('task-not-kept', event, line, event.task, { name: event.name });
    }
  }

  private warned(event: EventOf<'warning'>): void {
    const name = NEVER_AWAITED.exec(event.message)?.[1];
    // The coroutine given to a create_task that failed for want of a loop is never awaited
    // either: Python says so too, but it is the same mistake, already found.
    const consequence = event.line === null && this.findings.at(-1)?.rule === 'no-running-loop';
    if (event.category === 'RuntimeWarning' && name !== undefined && !consequence) {
      this.add('never-awaited', event, event.line, null, { name });
    }
  }

  /**
   * The engine records the moment the program let go of the task (the C Task's moment),
   * whatever exception handler the program installed; its log record, if any, follows.
   */
  private dropped(event: EventOf<'future.dropped'>): void {
    this.droppedSeen = true;
    const info = this.tasks.get(event.future);
    const rule = event.reason === 'pending' ? 'destroyed-pending' : 'exception-never-retrieved';
    this.add(rule, event, info?.createdAt ?? null, info ? event.future : null, {
      name: info?.name ?? '?',
    });
  }

  private logged(event: EventOf<'log'>): void {
    if (this.droppedSeen) return;
    const rule = event.message.startsWith(NEVER_RETRIEVED)
      ? 'exception-never-retrieved'
      : event.message.startsWith(DESTROYED_PENDING)
        ? 'destroyed-pending'
        : null;
    if (rule === null) return;
    const name = TASK_NAME.exec(event.message)?.[1];
    const task = name === undefined ? null : (this.byName.get(name) ?? null);
    const info = task === null ? undefined : this.tasks.get(task);
    this.add(rule, event, info?.createdAt ?? null, task, { name: info?.name ?? name ?? '?' });
  }

  private stuck(event: EventOf<'run.end'>): void {
    for (const [id, task] of this.tasks) {
      if (task.done || !task.user) continue;
      this.add('never-finishes', event, task.pausedAt, id, { name: task.name });
    }
  }
}

/** Seconds as a reader says them: 0.5, 2, 0.001. */
function roundSeconds(seconds: number): number {
  return Number(seconds.toPrecision(3));
}
