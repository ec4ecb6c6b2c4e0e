/**
 * The narration: one plain sentence for each step, in the chosen language, so that nobody has
 * to decode the picture alone. Code in the sentence is written in backticks.
 */
import type { RunState } from '../../src-shared/loop-state.ts';
import {
  assertNever,
  type ExceptionInfo,
  type IoSocket,
  type TraceEvent,
} from '../../src-shared/trace.ts';
import type { Locale } from '../i18n/format.ts';
import { asyncioTaskKind } from './asyncio-tasks.ts';
import type { Replay } from './replay.ts';
import { handleLabel, handleOwner, taskName } from './views.ts';

const MAX_QUOTE = 60;

/** Printed text as a short quote: one line, cut when long. */
function quote(text: string): string {
  const line = text.replace(/\s+$/, '').replace(/\n/g, ' ⏎ ');
  return line.length > MAX_QUOTE ? `${line.slice(0, MAX_QUOTE - 1)}…` : line;
}

function describeException(exc: ExceptionInfo): string {
  return exc.message ? `${exc.type}: ${exc.message}` : exc.type;
}

/** The sentence for the step `step` (the state after it is `state`). */
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

export function narrateStep(replay: Replay, step: number, state: RunState, locale: Locale): string {
  const event = replay.eventAt(step);
  if (!event) return locale.t('narration.idle');
  return narrateEvent(replay, event, step - 1, state, locale);
}

function narrateEvent(
  replay: Replay,
  event: TraceEvent,
  index: number,
  state: RunState,
  locale: Locale,
): string {
  const { t } = locale;
  const name = (id: number | null) => taskName(state, id) ?? '?';
  const lane = (id: number) => replay.timeline.lanes.get(id);
  switch (event.kind) {
    case 'run.start':
      return t('say.run.start');
    case 'run.end': {
      const budget = event.budget ? t(`budget.${event.budget}`) : '';
      return t(`say.run.end.${event.outcome}`, {
        code: event.exitCode,
        line: event.line ?? '?',
        budget,
        error: event.error ?? t('error.unknown'),
      });
    }
    case 'line':
      return event.task === null
        ? t('say.line', { line: event.line })
        : t('say.line.task', { task: name(event.task), line: event.line });
    case 'output': {
      if (event.stream === 'stderr') return t('say.stderr', { text: quote(event.text) });
      return state.currentTask === null
        ? t('say.output', { text: quote(event.text) })
        : t('say.output.task', { task: name(state.currentTask), text: quote(event.text) });
    }
    case 'warning':
      return t('say.warning', { category: event.category, message: event.message });
    case 'log':
      return t('say.log', {
        logger: event.logger,
        level: event.level,
        message: quote(event.message),
      });
    case 'exception':
      return t('say.exception', { type: event.exc.type, message: event.exc.message });
    case 'loop.create':
      return t('say.loop.create');
    case 'loop.start':
      return t('say.loop.start');
    case 'loop.iteration':
      return t('say.loop.iteration', { n: event.n });
    case 'loop.select':
      if (event.timeout === null) return t('say.loop.select.forever');
      return event.timeout === 0
        ? t('say.loop.select.poll')
        : t('say.loop.select.timer', { timeout: locale.seconds(event.timeout) });
    case 'loop.wait':
      return t('say.loop.wait', { time: locale.seconds(event.until) });
    case 'io.wait':
    case 'io.ready': {
      const count = event.sockets.length;
      if (event.kind === 'io.ready' && count === 0) return t('say.io.ready.none');
      const list = event.sockets.map((socket) => describeSocket(event.kind, socket, locale));
      return t(event.kind === 'io.wait' ? 'say.io.wait' : 'say.io.ready', {
        count,
        sockets: locale.plural(count, 'plural.sockets'),
        list: list.join('; '),
      });
    }
    case 'loop.timers':
      return t('say.loop.timers');
    case 'loop.ready':
      return event.count === 0
        ? t('say.loop.ready.none')
        : t('say.loop.ready', {
            count: event.count,
            handles: locale.plural(event.count, 'plural.handles'),
          });
    case 'loop.stop':
      return t('say.loop.stop');
    case 'loop.close':
      return t('say.loop.close');
    case 'clock.block': {
      const duration = locale.seconds(Math.max(0, event.until - (state.blocked?.from ?? event.t)));
      const line = event.line ?? '?';
      return event.task === null
        ? t('say.clock.block', { line, duration })
        : t('say.clock.block.task', { task: name(event.task), line, duration });
    }
    case 'handle.push': {
      const handle = state.handles.get(event.handle);
      const task = name(handle ? handleOwner(handle, state) : event.task);
      switch (event.role) {
        case 'step': {
          const started = event.task === null ? undefined : lane(event.task)?.firstRun;
          const first = started === null || (started !== undefined && started > index);
          return t(first ? 'say.handle.push.first-step' : 'say.handle.push.step', { task });
        }
        case 'wakeup':
          return t('say.handle.push.wakeup', { task });
        case 'sleep':
        case 'callback':
          return t('say.handle.push.callback', { callback: event.callback });
        default:
          return assertNever(event.role);
      }
    }
    case 'timer.push':
      return event.role === 'sleep' && event.from.task !== null
        ? t('say.timer.push.sleep', {
            task: name(event.from.task),
            time: locale.seconds(event.when),
          })
        : t('say.timer.push', { callback: event.callback, time: locale.seconds(event.when) });
    case 'timer.due':
      return t('say.timer.due', {
        time: locale.seconds(state.handles.get(event.handle)?.when ?? event.t),
      });
    case 'timer.discard':
      return t('say.timer.discard');
    case 'timer.rebuild':
      return t('say.timer.rebuild', { count: event.discarded.length });
    case 'handle.cancel': {
      const handle = state.handles.get(event.handle);
      const label = handle ? handleLabel(handle, state) : `#${event.handle}`;
      const loop = handle ? state.loops.get(handle.loop) : undefined;
      const queued =
        !!loop && (loop.ready.includes(event.handle) || loop.heap.includes(event.handle));
      return t(queued ? 'say.handle.cancel.queued' : 'say.handle.cancel.past', { label });
    }
    case 'handle.run': {
      const handle = state.handles.get(event.handle);
      if (!handle) return t('say.handle.run.callback', { callback: `#${event.handle}` });
      const task = name(handleOwner(handle, state));
      switch (handle.role) {
        case 'step': {
          const started = handle.task !== null ? lane(handle.task)?.firstRun : null;
          const first = started === null || (started !== undefined && started > index);
          return t(first ? 'say.handle.run.first-step' : 'say.handle.run.step', { task });
        }
        case 'wakeup':
          return t('say.handle.run.wakeup', { task });
        case 'sleep':
          return t('say.handle.run.sleep', { task });
        case 'callback':
          return t('say.handle.run.callback', { callback: handle.callback });
        default:
          return assertNever(handle.role);
      }
    }
    case 'handle.done':
    case 'handle.skip': {
      const handle = state.handles.get(event.handle);
      const label = handle ? handleLabel(handle, state) : `#${event.handle}`;
      return t(event.kind === 'handle.done' ? 'say.handle.done' : 'say.handle.skip', { label });
    }
    case 'task.create': {
      // asyncio.run's shutdown makes tasks of its own: they are asyncio's, not create_task's.
      const own = asyncioTaskKind(event.coro, event.defLine);
      return own
        ? t(`say.task.create.${own}`, { coro: event.coro, task: event.name })
        : t('say.task.create', { coro: event.coro, task: event.name });
    }
    case 'future.create':
      return t('say.future.create', { type: event.type });
    case 'task.run': {
      const task = state.tasks.get(event.task);
      if (event.throw)
        return t('say.task.run.throw', { task: name(event.task), exception: event.throw });
      if (lane(event.task)?.firstRun !== index) {
        return t('say.task.run.resume', { task: name(event.task) });
      }
      const own = task ? asyncioTaskKind(task.coro, task.defLine) : null;
      return t(own ? `say.task.run.${own}` : 'say.task.run.first', {
        task: name(event.task),
        coro: task?.coro ?? '?',
      });
    }
    case 'task.suspend': {
      const task = name(event.task);
      const awaiting = event.awaiting;
      switch (awaiting.kind) {
        case 'sleep':
          return t('say.task.suspend.sleep', { task, time: locale.seconds(awaiting.until) });
        case 'task':
          return t('say.task.suspend.task', { task, name: awaiting.name });
        case 'gather': {
          const count = awaiting.children.length;
          return t('say.task.suspend.gather', {
            task,
            count,
            tasks: locale.plural(count, 'plural.tasks'),
          });
        }
        case 'future':
          return t('say.task.suspend.future', { task, label: awaiting.label });
        default:
          return assertNever(awaiting);
      }
    }
    case 'task.yield':
      return t('say.task.yield', { task: name(event.task) });
    case 'task.wake':
      return t('say.task.wake', { task: name(event.task) });
    case 'task.cancel': {
      const task = name(event.task);
      if (!event.accepted) return t('say.task.cancel.late', { task });
      const loop = state.currentLoop === null ? undefined : state.loops.get(state.currentLoop);
      const shutdown = event.from.task === null && loop?.phase === 'stopped';
      return t(shutdown ? 'say.task.cancel.shutdown' : 'say.task.cancel', { task });
    }
    case 'future.result':
    case 'future.exception':
    case 'future.cancelled': {
      const isTask = state.tasks.has(event.future);
      const task = name(event.future);
      const type = state.futures.get(event.future)?.type ?? 'Future';
      if (event.kind === 'future.result') {
        return isTask
          ? t('say.future.result.task', { task, value: event.value })
          : t('say.future.result', { type, value: event.value });
      }
      if (event.kind === 'future.exception') {
        const exception = describeException(event.exc);
        return isTask
          ? t('say.future.exception.task', { task, exception })
          : t('say.future.exception', { type, exception });
      }
      return isTask
        ? t('say.future.cancelled.task', { task })
        : t('say.future.cancelled', { type });
    }
    case 'future.callback': {
      const future = state.tasks.has(event.future)
        ? name(event.future)
        : (state.futures.get(event.future)?.type ?? 'Future');
      return t('say.future.callback', { callback: event.callback, future });
    }
    case 'line.hot':
      return t('say.line.hot', { line: event.line });
    case 'future.dropped':
      return t(`say.future.dropped.${event.reason}`, { future: name(event.future) });
    case 'probe':
      return t('say.probe');
    default:
      return assertNever(event);
  }
}
