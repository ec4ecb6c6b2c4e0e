/**
 * The narration of the `code` lens: one sentence for each thing the program's code does or
 * waits for, with asyncio's own work that served it said in plain words ("its sleep is over,
 * so asyncio wakes `report`"). A step here is a group of events (see lens.ts); the sentence is
 * true of the state after the group's last event, and its claims say so.
 */
import type { TraceEvent } from '../../src-shared/trace.ts';
import { asyncioTaskKind } from './asyncio-tasks.ts';
import { isShutdownCancel } from './lens.ts';
import {
  actor,
  creatingApi,
  describeException,
  narrateAwait,
  narrateEnd,
  narrateException,
  quote,
  type Claim,
  type NarrationContext,
  type Said,
} from './narration.ts';
import { usesName } from './program.ts';
import { countBelow } from './timeline.ts';
import { currentLoop, waitsForSockets } from './view-model.ts';

/** Longest stretch of a group read for a sentence: groups of bookkeeping are short. */
const MAX_SCAN = 4096;

type EventAt = { event: TraceEvent; index: number };

/** The events of the step that ends at `step`, from its first to its last. */
function groupOf(context: NarrationContext, step: number): EventAt[] {
  const { replay } = context;
  const start = Math.max(replay.lenses.steps('code').groupStart(step), step - MAX_SCAN);
  const events: EventAt[] = [];
  for (let index = start; index < step; index++) {
    const event = replay.events[index];
    if (event) events.push({ event, index });
  }
  return events;
}

/** The sentence for the code lens's step ending at `step`; null to tell its last event alone. */
export function narrateCodeStep(
  context: NarrationContext,
  step: number,
  anchorIndex: number,
): Said | null {
  const anchor = context.replay.events[anchorIndex];
  if (!anchor) return null;
  const group = () => groupOf(context, step);
  const after = () => group().filter((e) => e.index > anchorIndex);
  switch (anchor.kind) {
    case 'run.end':
      return narrateEnd(context, anchor);
    case 'task.create':
      return narrateCreate(context, anchor, after());
    case 'task.run':
      return narrateRun(context, anchor, anchorIndex, group());
    case 'output':
      return narrateOutput(context, anchor, anchorIndex);
    case 'task.suspend':
    case 'task.yield':
      return narratePause(context, anchor, group());
    case 'future.result':
    case 'future.exception':
    case 'future.cancelled':
      return narrateEnded(context, anchor, anchorIndex, after());
    case 'task.cancel':
      return narrateCancel(context, anchor, after());
    case 'loop.wait':
      return narrateWait(context, anchor, anchorIndex);
    case 'loop.close':
      return narrateShutdown(context, anchorIndex, group());
    case 'handle.push':
    case 'timer.push':
    case 'handle.cancel':
    case 'handle.run':
      return narrateCallback(context, anchor);
    default:
      return null;
  }
}

function narrateCreate(
  context: NarrationContext,
  anchor: Extract<TraceEvent, { kind: 'task.create' }>,
  after: EventAt[],
): Said | null {
  const { replay, state, locale, say } = context;
  const { t } = locale;
  const push = after.find((e) => e.event.kind === 'handle.push' && e.event.task === anchor.task);
  if (push?.event.kind !== 'handle.push') return null;
  const claims: Claim[] = [
    { kind: 'status', task: anchor.task, status: 'scheduled' },
    { kind: 'queued', handle: push.event.handle },
  ];

  const call = say.call(anchor.task);
  const task = say.taskIntro(anchor.task);
  const api = creatingApi(replay, anchor.from.line);
  if (anchor.from.task === null && api === null) {
    if (!currentLoop(state)?.running) return null;
    return { text: t('tell.create.main', { call, task }), claims };
  }
  const by = actor(context, anchor.from.task);
  return api === null
    ? { text: t('tell.create.plain', { by, call, task }), claims }
    : { text: t('tell.create', { by, call, task, api }), claims };
}

function narrateRun(
  context: NarrationContext,
  anchor: Extract<TraceEvent, { kind: 'task.run' }>,
  anchorIndex: number,
  group: EventAt[],
): Said {
  const { replay, state, locale, say } = context;
  const { t } = locale;
  const id = anchor.task;
  const task = say.task(id);
  const line = state.tasks.get(id)?.line ?? null;
  const where = line === null ? '' : t('tell.where', { line });
  const claims: Claim[] = [
    { kind: 'status', task: id, status: 'running' },
    { kind: 'focus', focus: 'program', line: line ?? undefined },
  ];
  const said = (text: string): Said => ({ text, claims });
  if (replay.timeline.lanes.get(id)?.firstRun === anchorIndex) {
    return said(t('tell.start', { task, call: say.call(id) }));
  }
  const wake = group.findLast((e) => e.event.kind === 'task.wake' && e.event.task === id);
  const future = wake?.event.kind === 'task.wake' ? wake.event.future : null;
  if (anchor.throw !== null) {
    const failed = future === null ? undefined : state.tasks.get(future);
    if (failed?.status === 'failed' && failed.exception?.type === anchor.throw) {
      return said(
        t('tell.resume.failed', {
          task,
          other: say.task(failed.id),
          exception: anchor.throw,
          where,
        }),
      );
    }
    return said(
      anchor.throw === 'CancelledError'
        ? t('tell.resume.cancelled', { task, where })
        : t('tell.resume.throw', { task, exception: anchor.throw, where }),
    );
  }
  if (future === null) return said(t('tell.resume.yield', { task, where }));
  const awaited = replay.program.awaited.get(future);
  switch (awaited?.awaiting.kind) {
    case 'sleep':
      return said(t('tell.resume.sleep', { task, where }));
    case 'task':
      return said(t('tell.resume.task', { task, other: say.task(future), where }));
    case 'gather':
      return said(
        t(usesName(replay.program.program, 'gather') ? 'tell.resume.gather' : 'tell.resume.many', {
          task,
          where,
        }),
      );
    default:
      return said(t('tell.resume.future', { task, where }));
  }
}

function narrateOutput(
  context: NarrationContext,
  anchor: Extract<TraceEvent, { kind: 'output' }>,
  anchorIndex: number,
): Said {
  const { replay, state, locale, say } = context;
  const { t } = locale;
  const before = replay.events[anchorIndex - 1];
  const text = quote(anchor.text);
  if (anchor.stream === 'stderr') {
    switch (before?.kind) {
      case 'log': {
        const incident = replay.program.incidents.find(
          (i) => i.index === anchorIndex - 1 && i.kind === 'never-retrieved',
        );
        return {
          text: incident
            ? t('tell.log.never-retrieved', {
                task: say.task(incident.task),
                exception: incident.exception,
              })
            : t('say.log', {
                logger: before.logger,
                level: before.level,
                message: quote(before.message),
              }),
          claims: [],
        };
      }
      case 'warning':
        return {
          text: t('say.warning', { category: before.category, message: before.message }),
          claims: [],
        };
      case 'exception':
        return { text: narrateException(context, before, anchorIndex - 1), claims: [] };
      default:
        return { text: t('say.stderr', { text }), claims: [] };
    }
  }
  const running = state.currentTask;
  // A handler of the program's own may print asyncio's complaint about a task: say which.
  const lost = replay.program.incidents.find(
    (i) => i.index === anchorIndex && i.kind === 'never-retrieved',
  );
  const about = lost ? `${t('tell.never-retrieved', { task: say.task(lost.task) })} ` : '';
  if (running !== null) {
    const line = state.tasks.get(running)?.line ?? undefined;
    return {
      text: about + t('say.output.task', { task: say.task(running), text }),
      claims: [{ kind: 'focus', focus: 'program', line }],
    };
  }
  const loop = currentLoop(state);
  const handle =
    loop?.running && loop.current !== null ? state.handles.get(loop.current) : undefined;
  if (handle)
    return { text: t('say.output.callback', { callback: say.handle(handle), text }), claims: [] };
  return {
    text: t('say.output', { text }),
    claims: [{ kind: 'focus', focus: 'program', line: state.currentLine ?? undefined }],
  };
}

function narratePause(
  context: NarrationContext,
  anchor: Extract<TraceEvent, { kind: 'task.suspend' | 'task.yield' }>,
  group: EventAt[],
): Said {
  const { state, locale, say } = context;
  const claims: Claim[] = [];
  const loop = currentLoop(state);
  if (loop?.running && loop.current === null) claims.push({ kind: 'focus', focus: 'loop' });
  if (anchor.kind === 'task.yield') {
    claims.push({ kind: 'status', task: anchor.task, status: 'ready' });
    const push = group.findLast(
      (e) => e.event.kind === 'handle.push' && e.event.task === anchor.task,
    );
    if (push?.event.kind === 'handle.push')
      claims.push({ kind: 'queued', handle: push.event.handle });
    return { text: locale.t('say.task.yield', { task: say.task(anchor.task) }), claims };
  }
  claims.push({ kind: 'status', task: anchor.task, status: 'suspended' });
  if (anchor.awaiting.kind === 'sleep') {
    const future = anchor.awaiting.future;
    const timer = group.find((e) => e.event.kind === 'timer.push' && e.event.future === future);
    if (timer?.event.kind === 'timer.push')
      claims.push({ kind: 'timer', handle: timer.event.handle });
  }
  return { text: narrateAwait(context, anchor), claims };
}

/** What a task's end queued: the wake-ups of its awaiters, asyncio.run's done-callback... */
function endConsequences(context: NarrationContext, after: EventAt[]): string[] {
  const { replay, locale, say, state } = context;
  const { t } = locale;
  const told: string[] = [];
  const woken: string[] = [];
  for (const { event } of after) {
    if (event.kind !== 'handle.push') continue;
    if (event.role === 'wakeup' && event.task !== null) woken.push(say.task(event.task));
    else if (event.callback === '_run_until_complete_cb') told.push(t('tell.end.main'));
    else if (event.callback === 'gather._done_callback') {
      const gathers = usesName(replay.program.program, 'gather');
      told.push(t(gathers ? 'tell.end.gather' : 'tell.end.shutdown-gather'));
    } else if (replay.program.programHandles.has(event.handle) || event.role === 'callback') {
      const handle = state.handles.get(event.handle);
      if (handle) told.push(t('tell.end.callback', { callback: say.handle(handle) }));
    }
  }
  if (woken.length > 0) told.unshift(t('tell.end.wakes', { tasks: woken.join(', ') }));
  return told;
}

function narrateEnded(
  context: NarrationContext,
  anchor: Extract<TraceEvent, { kind: 'future.result' | 'future.exception' | 'future.cancelled' }>,
  anchorIndex: number,
  after: EventAt[],
): Said {
  const { replay, locale, say } = context;
  const { t } = locale;
  const id = anchor.future;
  const task = say.task(id);
  const claims: Claim[] = after.flatMap(({ event }) =>
    event.kind === 'handle.push' ? [{ kind: 'queued' as const, handle: event.handle }] : [],
  );
  let text: string;
  if (anchor.kind === 'future.result') {
    claims.push({ kind: 'status', task: id, status: 'done' });
    text = t('say.future.result.task', { task, value: anchor.value });
  } else if (anchor.kind === 'future.exception') {
    claims.push({ kind: 'status', task: id, status: 'failed' });
    const early = replay.program.incidents.find(
      (i) => i.index === anchorIndex && i.kind === 'read-too-early',
    );
    text = early
      ? t('tell.end.too-early', { task, other: say.task(early.task), line: early.line ?? '?' })
      : t('say.future.exception.task', { task, exception: describeException(anchor.exc) });
  } else {
    claims.push({ kind: 'status', task: id, status: 'cancelled' });
    text = t('tell.end.cancelled', { task });
  }
  return { text: [text, ...endConsequences(context, after)].join(' '), claims };
}

function narrateCancel(
  context: NarrationContext,
  anchor: Extract<TraceEvent, { kind: 'task.cancel' }>,
  after: EventAt[],
): Said | null {
  const { state, locale, say } = context;
  const { t } = locale;
  if (!anchor.accepted) return null;
  if (isShutdownCancel(anchor, state)) {
    const cancelled = [anchor, ...after.map((e) => e.event)].flatMap((event) =>
      event.kind === 'task.cancel' ? [event.task] : [],
    );
    return {
      text: t('tell.shutdown.cancel', { tasks: cancelled.map((id) => say.task(id)).join(', ') }),
      claims: cancelled.map((task) => ({ kind: 'cancel-requested' as const, task })),
    };
  }
  const by = actor(context, anchor.from.task);
  const unstarted =
    context.replay.timeline.lanes.get(anchor.task)?.firstRun === null ||
    state.tasks.get(anchor.task)?.status === 'scheduled';
  return {
    text: t(unstarted ? 'tell.cancel.unstarted' : 'tell.cancel', {
      by,
      task: say.task(anchor.task),
    }),
    claims: [{ kind: 'cancel-requested', task: anchor.task }],
  };
}

function narrateWait(
  context: NarrationContext,
  anchor: Extract<TraceEvent, { kind: 'loop.wait' }>,
  anchorIndex: number,
): Said {
  const { replay, locale } = context;
  const from = replay.events[anchorIndex - 1]?.t ?? anchor.t;
  const io = waitsForSockets(context.state);
  return {
    text: locale.t(io ? 'tell.wait.io' : 'tell.wait', {
      at: locale.at(anchor.until),
      elapsed: locale.seconds(anchor.until - from),
    }),
    claims: [
      { kind: 'time', time: anchor.until },
      { kind: 'phase', phase: io ? 'wait-io' : 'wait' },
    ],
  };
}

/** Whether `asyncio.run` cancelled pending tasks in the shutdown that ends at `closeIndex`. */
function cancelledBeforeClose(context: NarrationContext, closeIndex: number): boolean {
  const { program } = context.replay;
  const changes = program.loopChanges;
  // The previous close of any loop bounds this shutdown.
  let previousClose = -1;
  for (let i = countBelow(changes, closeIndex) - 1; i >= 0; i--) {
    const index = changes[i] ?? -1;
    if (context.replay.events[index]?.kind === 'loop.close') {
      previousClose = index;
      break;
    }
  }
  const cancels = program.shutdownCancels;
  const before = countBelow(cancels, closeIndex);
  return before > 0 && (cancels[before - 1] ?? -1) > previousClose;
}

function narrateShutdown(context: NarrationContext, closeIndex: number, group: EventAt[]): Said {
  const { t } = context.locale;
  const claims: Claim[] = [{ kind: 'phase', phase: 'closed' }];
  const byRun = group.some(
    ({ event }) =>
      event.kind === 'task.create' && asyncioTaskKind(event.coro, event.defLine) !== null,
  );
  if (!byRun) return { text: t('say.loop.close'), claims };
  const key = cancelledBeforeClose(context, closeIndex) ? 'tell.shutdown.finish' : 'tell.shutdown';
  return { text: t(key), claims };
}

function narrateCallback(
  context: NarrationContext,
  anchor: Extract<
    TraceEvent,
    { kind: 'handle.push' | 'timer.push' | 'handle.cancel' | 'handle.run' }
  >,
): Said | null {
  const { state, locale, say } = context;
  const { t } = locale;
  const handle = state.handles.get(anchor.handle);
  if (!handle) return null;
  const callback = say.handle(handle);
  switch (anchor.kind) {
    case 'handle.push':
      return {
        text: t('tell.schedule', { by: actor(context, anchor.from.task), callback }),
        claims: [{ kind: 'queued', handle: anchor.handle }],
      };
    case 'timer.push':
      return {
        text: t('tell.schedule.timer', {
          by: actor(context, anchor.from.task),
          callback,
          deadline: locale.deadline(anchor.when ?? Infinity, anchor.t),
        }),
        claims: [{ kind: 'timer', handle: anchor.handle }],
      };
    case 'handle.cancel':
      return {
        text: t('tell.unschedule', { by: actor(context, anchor.from.task), callback }),
        claims: [],
      };
    case 'handle.run':
      return {
        text: t('tell.callback.run', { callback }),
        claims: [{ kind: 'running', handle: anchor.handle }],
      };
  }
}
