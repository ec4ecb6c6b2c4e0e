/**
 * The narration: one plain sentence for each step, in the chosen language, so that nobody has
 * to decode the picture alone. Code in a sentence is written in backticks.
 *
 * Each sentence comes with its claims: what it says the views show at that step (this handle
 * is in the ready queue, that task is running, control is in asyncio's code). A test checks
 * every claim of every step against the view-models, so the words and the picture always
 * describe the same instant.
 *
 * In the `code` lens a step is a group of events (see lens.ts), told by narration-code.ts;
 * everywhere else, and between the code lens's steps, each event is told by itself.
 */
import { usesName } from './program.ts';
import type { RunState } from '../../src-shared/loop-state.ts';
import {
  assertNever,
  type ExceptionInfo,
  type IoSocket,
  type TraceEvent,
} from '../../src-shared/trace.ts';
import type { Locale } from '../i18n/format.ts';
import { asyncioTaskKind } from './asyncio-tasks.ts';
import type { Lens } from './lens.ts';
import { narrateCodeStep } from './narration-code.ts';
import type { Replay } from './replay.ts';
import {
  handleOwner,
  waitsForSockets,
  type CodeFocus,
  type DisplayStatus,
  type PhaseName,
} from './view-model.ts';
import { createVocabulary, type Vocabulary } from './vocabulary.ts';

/** What a sentence says the views show at its step. */
export type Claim =
  | { kind: 'queued'; handle: number }
  | { kind: 'not-queued'; handle: number }
  | { kind: 'running'; handle: number }
  | { kind: 'timer'; handle: number }
  | { kind: 'not-timer'; handle: number }
  | { kind: 'status'; task: number; status: DisplayStatus }
  | { kind: 'cancel-requested'; task: number }
  | { kind: 'focus'; focus: CodeFocus['kind']; line?: number }
  | { kind: 'time'; time: number }
  | { kind: 'phase'; phase: PhaseName };

export interface Said {
  text: string;
  claims: Claim[];
}

/** Everything a sentence is made from. */
export interface NarrationContext {
  replay: Replay;
  state: RunState;
  locale: Locale;
  say: Vocabulary;
}

const MAX_QUOTE = 60;

/** Printed text as a short quote: one line, cut when long. */
export function quote(text: string): string {
  const line = text.replace(/\s+$/, '').replace(/\n/g, ' ⏎ ');
  return line.length > MAX_QUOTE ? `${line.slice(0, MAX_QUOTE - 1)}…` : line;
}

export function describeException(exc: ExceptionInfo): string {
  return exc.message ? `${exc.type}: ${exc.message}` : exc.type;
}

/** One socket of an `io.wait` or `io.ready` event, as the narration lists it. */
function describeSocket(kind: 'io.wait' | 'io.ready', socket: IoSocket, locale: Locale): string {
  const mode = socket.listening
    ? 'accept'
    : socket.read && socket.write
      ? 'both'
      : socket.write
        ? 'write'
        : 'read';
  const unbound = locale.t('io.unbound');
  return locale.t(`${kind === 'io.wait' ? 'io.wait' : 'io.ready'}.${mode}`, {
    fd: socket.fd,
    local: socket.local ?? unbound,
    peer: socket.peer ?? unbound,
  });
}

/** The sentence for step `step` in `lens` (the state after it is `state`). */
export function narrate(
  replay: Replay,
  step: number,
  state: RunState,
  locale: Locale,
  lens: Lens,
): Said {
  const event = replay.eventAt(step);
  if (!event) return { text: locale.t('narration.idle'), claims: [] };
  const context: NarrationContext = {
    replay,
    state,
    locale,
    say: createVocabulary(replay, state, locale, lens),
  };
  if (lens === 'code') {
    const steps = replay.lenses.steps('code');
    const anchor = steps.anchorAt(step);
    const told = anchor === null ? null : narrateCodeStep(context, step, anchor);
    if (told) return withCaught(context, steps.groupStart(step), step, told);
  }
  // A step of the loop lens is told by the event that made it (its anchor), not by the phase
  // bookkeeping that completed it.
  const anchor = replay.lenses.steps(lens).anchorAt(step) ?? step - 1;
  const told = narrateEvent(context, replay.events[anchor] ?? event, anchor);
  const phase = anchor < step - 1 ? narratePhase(context, anchor, step) : null;
  const said = phase ? { text: `${told.text} ${phase.text}`, claims: told.claims } : told;
  return withCaught(context, anchor, step, said);
}

/**
 * What an iteration's first phases said, for the loop lens's step that begins it: how many
 * handles are ready, or how long the loop will wait.
 */
function narratePhase(context: NarrationContext, anchor: number, step: number): Said | null {
  if (context.replay.events[anchor]?.kind !== 'loop.iteration') return null;
  for (let index = step - 1; index > anchor; index--) {
    const event = context.replay.events[index];
    if (event?.kind === 'loop.ready' || (event?.kind === 'loop.select' && event.timeout !== 0)) {
      return narrateEvent(context, event, index);
    }
  }
  return null;
}

/** What the program caught in the events `from` to `to` (exclusive), said before the rest. */
function withCaught(context: NarrationContext, from: number, to: number, said: Said): Said {
  const { t } = context.locale;
  const caught = context.replay.program.caught.filter((c) => c.index >= from && c.index < to);
  if (caught.length === 0) return said;
  const told = caught.map((c) => {
    const params = { raised: c.raisedAt, line: c.handler.line, exception: c.handler.type ?? '' };
    if (c.noLoop) return t('say.caught.no-loop', params);
    if (c.early !== null) {
      return t('say.caught.too-early', { ...params, task: context.say.task(c.early) });
    }
    if (c.stored !== null) {
      const exception = context.state.tasks.get(c.stored)?.exception?.type ?? params.exception;
      return t('say.caught.stored', { ...params, exception, task: context.say.task(c.stored) });
    }
    return c.handler.type === null ? t('say.caught.bare', params) : t('say.caught', params);
  });
  return { text: [...told, said.text].join(' '), claims: said.claims };
}

/** Who did something: a task, or the program's module-level code. */
export function actor(context: NarrationContext, task: number | null): string {
  return task === null ? context.locale.t('plain.module') : context.say.task(task);
}

/** The API a task was made with, read from its creating line: `create_task`, `gather`... */
export function creatingApi(replay: Replay, line: number | null): string | null {
  const text = line === null ? '' : (replay.program.program.sourceLines[line - 1] ?? '');
  const apis = ['create_task', 'ensure_future', 'gather', 'wait_for', 'to_thread', 'as_completed'];
  const found = apis.filter((api) => new RegExp(`(?<![\\w])${api}\\s*\\(`).test(text));
  return found.length === 1 ? (found[0] ?? null) : null;
}

/** The sentence for an uncaught exception, which says the line it came from. */
export function narrateException(
  context: NarrationContext,
  event: Extract<TraceEvent, { kind: 'exception' }>,
  index: number,
): string {
  const { t } = context.locale;
  const line = context.replay.program.raisedAt.get(index) ?? null;
  const exception = describeException(event.exc);
  if (line === null) return t('say.exception', { exception });
  if (event.exc.type === 'EOFError' && /EOF when reading a line/.test(event.exc.message)) {
    return t('say.exception.input', { line });
  }
  if (event.exc.type === 'RuntimeError' && event.exc.message === 'no running event loop') {
    return t('say.exception.no-loop', { line });
  }
  return t('say.exception.line', { exception, line });
}

/** The sentence for `run.end`, with why the run stopped when it did not end by itself. */
export function narrateEnd(
  context: NarrationContext,
  event: Extract<TraceEvent, { kind: 'run.end' }>,
): Said {
  const { t } = context.locale;
  const budget = event.budget ? t(`budget.${event.budget}`) : '';
  let text = t(`say.run.end.${event.outcome}`, {
    code: event.exitCode,
    line: event.line ?? '?',
    budget,
    error: event.error ?? t('error.unknown'),
  });
  const input = context.replay.program.inputRequests.at(-1);
  if (event.outcome === 'raised' && input) {
    text += ` ${t('say.run.end.input', { line: input.line ?? '?' })}`;
  }
  const summary = endSummary(event, context.locale);
  if (summary !== '') text += ` ${summary}`;
  return { text, claims: [{ kind: 'phase', phase: endPhaseOf(event) }] };
}

/**
 * What the run's end says of what the engine did not record one by one: the lines it summarised
 * in tight loops, and the part of the run after the trace filled up; '' when neither.
 */
export function endSummary(
  event: Extract<TraceEvent, { kind: 'run.end' }>,
  locale: Locale,
): string {
  const said: string[] = [];
  const lines = event.hotLines ?? [];
  // One line or several, not a count's plural: "Lines 3, 21" is never singular.
  if (lines.length > 0)
    said.push(
      locale.t(lines.length === 1 ? 'say.run.end.summarized.one' : 'say.run.end.summarized.many', {
        lines: lines.join(', '),
      }),
    );
  if (event.fullAt !== undefined) {
    const ended = event.outcome === 'completed' || event.outcome === 'raised';
    said.push(locale.t(ended ? 'say.run.end.full' : 'say.run.end.full-unfinished'));
  }
  return said.join(' ');
}

function endPhaseOf(event: Extract<TraceEvent, { kind: 'run.end' }>): PhaseName {
  return event.outcome === 'budget'
    ? `ended-budget-${event.budget ?? 'events'}`
    : event.outcome === 'completed'
      ? 'ended'
      : `ended-${event.outcome}`;
}

function narrateEvent(context: NarrationContext, event: TraceEvent, index: number): Said {
  const { replay, state, locale, say } = context;
  const { t } = locale;
  const text = (value: string, ...claims: Claim[]): Said => ({ text: value, claims });
  const firstRunOf = (task: number | null) =>
    task === null ? undefined : replay.timeline.lanes.get(task)?.firstRun;
  switch (event.kind) {
    case 'run.start':
      return text(t('say.run.start'));
    case 'run.end':
      return narrateEnd(context, event);
    case 'line':
      return text(
        event.task === null
          ? t('say.line', { line: event.line })
          : t('say.line.task', { task: say.task(event.task), line: event.line }),
        { kind: 'focus', focus: 'program', line: event.line },
      );
    case 'output':
      if (event.stream === 'stderr') return text(t('say.stderr', { text: quote(event.text) }));
      return text(
        state.currentTask === null
          ? t('say.output', { text: quote(event.text) })
          : t('say.output.task', { task: say.task(state.currentTask), text: quote(event.text) }),
      );
    case 'warning':
      return text(t('say.warning', { category: event.category, message: event.message }));
    case 'log':
      return text(
        t('say.log', { logger: event.logger, level: event.level, message: quote(event.message) }),
      );
    case 'exception':
      return text(narrateException(context, event, index));
    case 'loop.create':
      return text(t('say.loop.create'));
    case 'loop.start':
      return text(t('say.loop.start'));
    case 'loop.iteration':
      return text(t('say.loop.iteration', { n: event.n }));
    case 'loop.select':
      if (event.timeout === null) return text(t('say.loop.select.forever'));
      return text(
        event.timeout === 0
          ? t('say.loop.select.poll')
          : t('say.loop.select.timer', {
              timeout: locale.seconds(event.timeout),
              at: locale.at(event.t + event.timeout),
            }),
      );
    case 'loop.wait': {
      const from = replay.eventAt(index)?.t ?? event.t;
      return text(
        t(waitsForSockets(state) ? 'say.loop.wait.io' : 'say.loop.wait', {
          at: locale.at(event.until),
          elapsed: locale.seconds(event.until - from),
        }),
        { kind: 'time', time: event.until },
        { kind: 'phase', phase: waitsForSockets(state) ? 'wait-io' : 'wait' },
      );
    }
    case 'io.wait':
    case 'io.ready': {
      // An io.wait records what changed; the sentence names every socket waited on.
      const sockets =
        event.kind === 'io.wait'
          ? (state.loops.get(event.loop)?.sockets ?? event.sockets)
          : event.sockets;
      const count = sockets.length;
      if (event.kind === 'io.ready' && count === 0) return text(t('say.io.ready.none'));
      const list = sockets.map((socket) => describeSocket(event.kind, socket, locale));
      return text(
        t(event.kind === 'io.wait' ? 'say.io.wait' : 'say.io.ready', {
          sockets: locale.count(count, 'noun.sockets'),
          list: list.join('; '),
        }),
      );
    }
    case 'loop.timers':
      return text(t('say.loop.timers'));
    case 'loop.ready':
      return text(
        event.count === 0
          ? t('say.loop.ready.none')
          : event.count === 1
            ? t('say.loop.ready.one')
            : t('say.loop.ready', { handles: locale.count(event.count, 'noun.handles') }),
      );
    case 'loop.stop':
      return text(t('say.loop.stop'));
    case 'loop.close':
      return text(t('say.loop.close'), { kind: 'phase', phase: 'closed' });
    case 'clock.block': {
      const params = {
        line: event.line ?? '?',
        duration: locale.seconds(Math.max(0, event.until - (state.blocked?.from ?? event.t))),
        at: locale.at(event.until),
      };
      return text(
        event.task === null
          ? t('say.clock.block', params)
          : t('say.clock.block.task', { ...params, task: say.task(event.task) }),
        { kind: 'phase', phase: 'blocked' },
      );
    }
    case 'handle.push': {
      const handle = state.handles.get(event.handle);
      const task = say.task(handle ? handleOwner(handle, state) : event.task);
      const queued: Claim = { kind: 'queued', handle: event.handle };
      switch (event.role) {
        case 'step': {
          const started = firstRunOf(event.task);
          const first = started === null || (started !== undefined && started > index);
          return first
            ? text(t('say.handle.push.first-step', { task }), queued)
            : text(t('say.handle.push.step', { task }), queued);
        }
        case 'wakeup':
          return text(t('say.handle.push.wakeup', { task }), queued);
        case 'sleep':
        case 'callback':
          return text(
            t('say.handle.push.callback', {
              callback: handle ? say.handle(handle) : say.callback(event.callback),
            }),
            queued,
          );
        default:
          return assertNever(event.role);
      }
    }
    case 'timer.push': {
      const deadline = locale.deadline(event.when ?? Infinity, event.t);
      const timer: Claim = { kind: 'timer', handle: event.handle };
      return event.role === 'sleep' && event.from.task !== null
        ? text(t('say.timer.push.sleep', { task: say.task(event.from.task), deadline }), timer)
        : text(t('say.timer.push', { callback: say.callback(event.callback), deadline }), timer);
    }
    case 'timer.due':
      return text(
        t('say.timer.due', { at: locale.at(state.handles.get(event.handle)?.when ?? event.t) }),
        { kind: 'queued', handle: event.handle },
        { kind: 'not-timer', handle: event.handle },
        { kind: 'phase', phase: 'timers' },
      );
    case 'timer.discard':
      return text(t('say.timer.discard'), { kind: 'not-timer', handle: event.handle });
    case 'timer.rebuild':
      return text(t('say.timer.rebuild', { count: event.discarded.length }));
    case 'handle.cancel': {
      const handle = state.handles.get(event.handle);
      const label = handle ? say.handle(handle) : `#${event.handle}`;
      const loop = handle ? state.loops.get(handle.loop) : undefined;
      const queued =
        !!loop && (loop.ready.includes(event.handle) || loop.heap.includes(event.handle));
      return text(t(queued ? 'say.handle.cancel.queued' : 'say.handle.cancel.past', { label }));
    }
    case 'handle.run': {
      const handle = state.handles.get(event.handle);
      const running: Claim = { kind: 'running', handle: event.handle };
      const phase: Claim = { kind: 'phase', phase: 'ready' };
      if (!handle) return text(t('say.handle.run.callback', { callback: `#${event.handle}` }));
      const task = say.task(handleOwner(handle, state));
      switch (handle.role) {
        case 'step': {
          const started = firstRunOf(handle.task);
          const first = started === null || (started !== undefined && started > index);
          return text(
            t(first ? 'say.handle.run.first-step' : 'say.handle.run.step', { task }),
            running,
            phase,
          );
        }
        case 'wakeup':
          return text(t('say.handle.run.wakeup', { task }), running, phase);
        case 'sleep':
          return text(t('say.handle.run.sleep', { task }), running, phase);
        case 'callback':
          return text(
            t('say.handle.run.callback', { callback: say.handle(handle) }),
            running,
            phase,
          );
        default:
          return assertNever(handle.role);
      }
    }
    case 'handle.done':
    case 'handle.skip': {
      const handle = state.handles.get(event.handle);
      const label = handle ? say.handle(handle) : `#${event.handle}`;
      return event.kind === 'handle.done'
        ? text(t('say.handle.done', { label }), { kind: 'not-queued', handle: event.handle })
        : text(t('say.handle.skip', { label }), { kind: 'not-queued', handle: event.handle });
    }
    case 'task.create': {
      const created: Claim = { kind: 'status', task: event.task, status: 'created' };
      // asyncio.run's shutdown makes tasks of its own: they are asyncio's, not create_task's.
      const own = asyncioTaskKind(event.coro, event.defLine);
      if (own) {
        return text(t(`say.task.create.${own}`, { coro: event.coro, task: say.task(event.task) }));
      }
      const call = say.call(event.task);
      const task = say.taskIntro(event.task);
      const api = creatingApi(replay, event.from.line);
      if (event.from.task === null && api === null) {
        return text(t('say.task.create.main', { call, task }), created);
      }
      return api === null
        ? text(t('say.task.create.plain', { call, task }), created)
        : text(t('say.task.create', { api, call, task }), created);
    }
    case 'future.create':
      return text(t('say.future.create', { type: say.futureType(event.type) }));
    case 'task.run': {
      const task = state.tasks.get(event.task);
      const own = task ? asyncioTaskKind(task.coro, task.defLine) : null;
      const running: Claim = { kind: 'status', task: event.task, status: 'running' };
      const focus: Claim = own
        ? { kind: 'focus', focus: 'asyncio' }
        : { kind: 'focus', focus: 'program', line: task?.line ?? undefined };
      if (event.throw) {
        return text(
          t('say.task.run.throw', { task: say.task(event.task), exception: event.throw }),
          running,
          focus,
        );
      }
      if (firstRunOf(event.task) !== index) {
        return text(t('say.task.run.resume', { task: say.task(event.task) }), running, focus);
      }
      const call = say.call(event.task);
      return text(
        t(own ? `say.task.run.${own}` : 'say.task.run.first', { task: say.task(event.task), call }),
        running,
        focus,
      );
    }
    case 'task.suspend':
      return text(narrateAwait(context, event), {
        kind: 'status',
        task: event.task,
        status: 'suspended',
      });
    case 'task.yield':
      return text(t('say.task.yield', { task: say.task(event.task) }), {
        kind: 'status',
        task: event.task,
        status: 'ready',
      });
    case 'task.frames': {
      const stack = event.frames.map((frame) => `\`${frame.name}\``).join(' → ');
      return event.frames.length === 0
        ? text(t('say.task.frames.none', { task: say.task(event.task) }))
        : text(t('say.task.frames', { task: say.task(event.task), stack }));
    }
    case 'task.wake': {
      const status = state.futures.get(event.future)?.status;
      const key =
        status === 'cancelled'
          ? 'say.task.wake.cancelled'
          : status === 'failed'
            ? 'say.task.wake.failed'
            : 'say.task.wake';
      return text(t(key, { task: say.task(event.task) }));
    }
    case 'task.cancel': {
      const task = say.task(event.task);
      if (!event.accepted) return text(t('say.task.cancel.late', { task }));
      const loop = state.currentLoop === null ? undefined : state.loops.get(state.currentLoop);
      const shutdown = event.from.task === null && loop?.phase === 'stopped';
      return text(t(shutdown ? 'say.task.cancel.shutdown' : 'say.task.cancel', { task }), {
        kind: 'cancel-requested',
        task: event.task,
      });
    }
    case 'future.result':
    case 'future.exception':
    case 'future.cancelled': {
      const isTask = state.tasks.has(event.future);
      const task = say.task(event.future);
      const type = say.future(event.future);
      if (event.kind === 'future.result') {
        return isTask
          ? text(t('say.future.result.task', { task, value: event.value }), {
              kind: 'status',
              task: event.future,
              status: 'done',
            })
          : text(t('say.future.result', { type, value: event.value }));
      }
      if (event.kind === 'future.exception') {
        const exception = describeException(event.exc);
        return isTask
          ? text(t('say.future.exception.task', { task, exception }), {
              kind: 'status',
              task: event.future,
              status: 'failed',
            })
          : text(t('say.future.exception', { type, exception }));
      }
      return isTask
        ? text(t('say.future.cancelled.task', { task }), {
            kind: 'status',
            task: event.future,
            status: 'cancelled',
          })
        : text(t('say.future.cancelled', { type }));
    }
    case 'future.callback':
      return text(
        t('say.future.callback', {
          callback: say.callback(event.callback),
          future: say.future(event.future),
        }),
      );
    case 'line.hot':
      return text(t('say.line.hot', { line: event.line }));
    case 'future.dropped': {
      const future = state.tasks.has(event.future)
        ? say.task(event.future)
        : say.future(event.future);
      return text(t(`say.future.dropped.${event.reason}`, { future }));
    }
    case 'probe':
      return text(t('say.probe'));
    default:
      return assertNever(event);
  }
}

/** What a task awaits when it suspends, from the `task.suspend` event. */
export function narrateAwait(
  context: NarrationContext,
  event: Extract<TraceEvent, { kind: 'task.suspend' }>,
): string {
  const { locale, say } = context;
  const { t } = locale;
  const task = say.task(event.task);
  const awaiting = event.awaiting;
  switch (awaiting.kind) {
    case 'sleep':
      return t('say.task.suspend.sleep', {
        task,
        deadline: locale.deadline(awaiting.until ?? Infinity, event.t),
      });
    case 'task':
      return t('say.task.suspend.task', { task, name: say.task(awaiting.future) });
    case 'gather':
      // asyncio gathers tasks of its own (a server's, asyncio.run's): where the program never
      // calls gather, the word would name asyncio's machinery.
      return t(
        usesName(context.replay.program.program, 'gather')
          ? 'say.task.suspend.gather'
          : 'say.task.suspend.many',
        { task, tasks: locale.count(awaiting.children.length, 'noun.tasks-of') },
      );
    case 'future':
      return t('say.task.suspend.future', { task, label: say.futureType(awaiting.label) });
    default:
      return assertNever(awaiting);
  }
}
