/**
 * Validates trace events where they enter a more privileged process: the engine's worker has
 * run untrusted code, so nothing it sends is taken on trust.
 */
import type { TraceEvent, TraceEventKind } from './trace.ts';

type FieldType =
  | 'int'
  | 'int?'
  | 'num'
  | 'num?'
  | 'str'
  | 'str?'
  | 'bool'
  | 'origin'
  | 'role'
  | 'stream'
  | 'outcome'
  | 'budget?'
  | 'exc'
  | 'frames'
  | 'awaiting'
  | 'ints'
  | 'ints?'
  | 'dropped'
  | 'sockets';

const ORIGIN_FIELDS = { line: 'int?', task: 'int?' } as const;
const HANDLE = { handle: 'int' } as const;
const LOOP = { loop: 'int' } as const;

/** The fields of each event kind besides `seq`, `t` and `kind`. */
const SCHEMA: Record<TraceEventKind, Record<string, FieldType>> = {
  'run.start': { version: 'int', python: 'str', file: 'str', source: 'str' },
  'run.end': {
    outcome: 'outcome',
    exitCode: 'int',
    budget: 'budget?',
    hotLines: 'ints?',
    line: 'int?',
    column: 'int?',
    error: 'str?',
  },
  line: { line: 'int', task: 'int?' },
  'line.hot': { line: 'int', task: 'int?' },
  output: { stream: 'stream', text: 'str' },
  warning: { category: 'str', message: 'str', line: 'int?' },
  log: { logger: 'str', level: 'str', message: 'str' },
  exception: { exc: 'exc', frames: 'frames' },
  'loop.create': LOOP,
  'loop.start': LOOP,
  'loop.iteration': { loop: 'int', n: 'int' },
  'loop.select': { loop: 'int', timeout: 'num?' },
  'loop.wait': { loop: 'int', until: 'num' },
  'io.wait': { loop: 'int', sockets: 'sockets' },
  'io.ready': { loop: 'int', sockets: 'sockets' },
  'loop.timers': LOOP,
  'loop.ready': { loop: 'int', count: 'int' },
  'loop.stop': LOOP,
  'loop.close': LOOP,
  'clock.block': { until: 'num', line: 'int?', task: 'int?' },
  'handle.push': {
    handle: 'int',
    loop: 'int',
    callback: 'str',
    role: 'role',
    task: 'int?',
    future: 'int?',
    from: 'origin',
  },
  'timer.push': {
    handle: 'int',
    loop: 'int',
    when: 'num',
    callback: 'str',
    role: 'role',
    task: 'int?',
    future: 'int?',
    from: 'origin',
  },
  'timer.due': HANDLE,
  'timer.discard': HANDLE,
  'timer.rebuild': { loop: 'int', discarded: 'ints' },
  'handle.cancel': { handle: 'int', from: 'origin' },
  'handle.run': HANDLE,
  'handle.done': HANDLE,
  'handle.skip': HANDLE,
  'task.create': {
    task: 'int',
    name: 'str',
    coro: 'str',
    defLine: 'int?',
    call: 'str?',
    from: 'origin',
  },
  'future.create': { future: 'int', type: 'str', from: 'origin' },
  'task.run': { task: 'int', throw: 'str?' },
  'task.suspend': { task: 'int', awaiting: 'awaiting', line: 'int?' },
  'task.yield': { task: 'int', line: 'int?' },
  'task.wake': { task: 'int', future: 'int' },
  'task.cancel': { task: 'int', msg: 'str?', accepted: 'bool', from: 'origin' },
  'future.result': { future: 'int', value: 'str' },
  'future.exception': { future: 'int', exc: 'exc' },
  'future.cancelled': { future: 'int', msg: 'str?' },
  'future.callback': { future: 'int', callback: 'str', role: 'role' },
  'future.dropped': { future: 'int', reason: 'dropped' },
  probe: { loop: 'int', ready: 'ints', heap: 'ints' },
};

const ROLES = new Set(['step', 'wakeup', 'sleep', 'callback']);
const OUTCOMES = new Set([
  'completed',
  'raised',
  'syntax-error',
  'budget',
  'stuck',
  'stopped',
  'crashed',
]);
const BUDGETS = new Set(['events', 'virtual-time', 'wall-time', 'output']);
/** Strings longer than this are refused: a flood of text is the engine's to cut, not ours. */
const MAX_STRING = 32 * 1024 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isInt = (v: unknown): boolean => Number.isSafeInteger(v);
const isNum = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): boolean => typeof v === 'string' && v.length <= MAX_STRING;

function checkField(type: FieldType, value: unknown): boolean {
  switch (type) {
    case 'int':
      return isInt(value);
    case 'int?':
      return value === null || value === undefined || isInt(value);
    case 'num':
      return isNum(value);
    case 'num?':
      return value === null || value === undefined || isNum(value);
    case 'str':
      return isStr(value);
    case 'str?':
      return value === null || value === undefined || isStr(value);
    case 'bool':
      return typeof value === 'boolean';
    case 'origin':
      return isRecord(value) && checkFields(ORIGIN_FIELDS, value);
    case 'role':
      return typeof value === 'string' && ROLES.has(value);
    case 'stream':
      return value === 'stdout' || value === 'stderr';
    case 'outcome':
      return typeof value === 'string' && OUTCOMES.has(value);
    case 'budget?':
      return value === undefined || (typeof value === 'string' && BUDGETS.has(value));
    case 'exc':
      return isRecord(value) && isStr(value.type) && isStr(value.message);
    case 'frames':
      return (
        Array.isArray(value) &&
        value.every(
          (f) =>
            isRecord(f) &&
            isStr(f.file) &&
            isInt(f.line) &&
            isStr(f.name) &&
            typeof f.user === 'boolean',
        )
      );
    case 'ints':
      return Array.isArray(value) && value.every(isInt);
    case 'ints?':
      return value === undefined || (Array.isArray(value) && value.every(isInt));
    case 'dropped':
      return value === 'exception-never-retrieved' || value === 'pending';
    case 'awaiting':
      return isAwaiting(value);
    case 'sockets':
      return Array.isArray(value) && value.every(isIoSocket);
  }
}

function isIoSocket(value: unknown): boolean {
  return (
    isRecord(value) &&
    isInt(value.fd) &&
    typeof value.read === 'boolean' &&
    typeof value.write === 'boolean' &&
    typeof value.listening === 'boolean' &&
    checkField('str?', value.local) &&
    checkField('str?', value.peer)
  );
}

function isAwaiting(value: unknown): boolean {
  if (!isRecord(value) || !isInt(value.future)) return false;
  switch (value.kind) {
    case 'sleep':
      return isNum(value.until);
    case 'task':
      return isStr(value.name);
    case 'gather':
      return checkField('ints', value.children);
    case 'future':
      return isStr(value.label);
    default:
      return false;
  }
}

function checkFields(fields: Record<string, FieldType>, event: Record<string, unknown>): boolean {
  for (const name in fields) {
    if (!checkField(fields[name] as FieldType, event[name])) return false;
  }
  return true;
}

export class TraceError extends Error {
  constructor(
    message: string,
    readonly seq: number | null,
  ) {
    super(message);
    this.name = 'TraceError';
  }
}

/** Checks one event's shape; throws a TraceError naming what is wrong. */
export function validateEvent(value: unknown): TraceEvent {
  if (!isRecord(value)) throw new TraceError('an event is not an object', null);
  const seq = isInt(value.seq) ? (value.seq as number) : null;
  if (seq === null) throw new TraceError('an event has no sequence number', null);
  if (!isNum(value.t)) throw new TraceError(`event ${seq} has no virtual time`, seq);
  const kind = value.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(SCHEMA, kind)) {
    throw new TraceError(`event ${seq} has an unknown kind`, seq);
  }
  const fields = SCHEMA[kind as TraceEventKind];
  for (const name in fields) {
    if (!checkField(fields[name] as FieldType, value[name])) {
      throw new TraceError(`event ${seq} (${kind}) has a bad field "${name}"`, seq);
    }
  }
  return value as unknown as TraceEvent;
}

/**
 * A checker for one run's stream of batches: every event well formed, sequence numbers
 * consecutive from 0, the clock never going back, nothing after `run.end`.
 */
export function createTraceChecker() {
  let nextSeq = 0;
  let lastTime = 0;
  let ended = false;
  return {
    check(batch: unknown): TraceEvent[] {
      if (!Array.isArray(batch)) throw new TraceError('a batch of events is not an array', null);
      const events: TraceEvent[] = [];
      for (const value of batch) {
        const event = validateEvent(value);
        if (ended) throw new TraceError(`event ${event.seq} comes after the end`, event.seq);
        if (event.seq !== nextSeq) {
          throw new TraceError(
            `event ${event.seq} is out of order (expected ${nextSeq})`,
            event.seq,
          );
        }
        if (event.t < lastTime)
          throw new TraceError(`event ${event.seq} goes back in time`, event.seq);
        if (event.seq === 0 && event.kind !== 'run.start') {
          throw new TraceError('the trace does not begin with run.start', 0);
        }
        nextSeq += 1;
        lastTime = event.t;
        ended = event.kind === 'run.end';
        events.push(event);
      }
      return events;
    },
  };
}

/** Validates a whole trace. */
export function validateTrace(events: unknown): TraceEvent[] {
  return createTraceChecker().check(events);
}
