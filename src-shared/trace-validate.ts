/**
 * Validates trace events where they enter a more privileged process: the engine's worker has
 * run untrusted code, so nothing it sends is taken on trust.
 */
import type { TraceEvent } from './trace.ts';
import { ORIGIN_FIELDS, TRACE_SCHEMA, type FieldType } from './trace-schema.ts';

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
const BUDGETS = new Set(['events', 'virtual-time', 'wall-time', 'output', 'memory', 'input']);
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
    case 'stack':
      return Array.isArray(value) && value.every(isTaskFrame);
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
    case 'sockets?':
      return value === null || value === undefined || checkField('sockets', value);
  }
}

function isTaskFrame(value: unknown): boolean {
  return (
    isRecord(value) &&
    isStr(value.name) &&
    isInt(value.line) &&
    Array.isArray(value.locals) &&
    value.locals.every(
      (local) =>
        isRecord(local) &&
        isStr(local.name) &&
        isStr(local.value) &&
        checkField('int?', local.ref) &&
        checkField('ints?', local.items),
    )
  );
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
      return checkField('num?', value.until);
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

function checkFields(
  fields: Readonly<Record<string, FieldType>>,
  event: Record<string, unknown>,
): boolean {
  for (const [name, type] of Object.entries(fields)) {
    if (!checkField(type, event[name])) return false;
  }
  return true;
}

const SCHEMA: Readonly<Record<string, Readonly<Record<string, FieldType>>>> = TRACE_SCHEMA;
/** The fields every event has besides its kind's. */
const COMMON_FIELDS = new Set(['seq', 't', 'kind']);

export class TraceError extends Error {
  /** The well-formed events of the batch before the bad one (set by the checker). */
  accepted: TraceEvent[] = [];

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
  const fields = typeof kind === 'string' && Object.hasOwn(SCHEMA, kind) ? SCHEMA[kind] : undefined;
  if (fields === undefined) throw new TraceError(`event ${seq} has an unknown kind`, seq);
  for (const name in fields) {
    if (!checkField(fields[name] ?? 'int', value[name])) {
      throw new TraceError(`event ${seq} (${kind}) has a bad field "${name}"`, seq);
    }
  }
  // A field the schema does not name is refused: nothing unchecked reaches the views.
  for (const name in value) {
    if (!Object.hasOwn(fields, name) && !COMMON_FIELDS.has(name)) {
      throw new TraceError(`event ${seq} (${kind}) has an unknown field "${name}"`, seq);
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
      try {
        for (const value of batch) events.push(this.next(value));
      } catch (error) {
        if (error instanceof TraceError) error.accepted = events;
        throw error;
      }
      return events;
    },
    /** Checks the stream's next event. */
    next(value: unknown): TraceEvent {
      const event = validateEvent(value);
      if (ended) throw new TraceError(`event ${event.seq} comes after the end`, event.seq);
      if (event.seq !== nextSeq) {
        throw new TraceError(`event ${event.seq} is out of order (expected ${nextSeq})`, event.seq);
      }
      if (event.t < lastTime)
        throw new TraceError(`event ${event.seq} goes back in time`, event.seq);
      if (event.seq === 0 && event.kind !== 'run.start') {
        throw new TraceError('the trace does not begin with run.start', 0);
      }
      nextSeq += 1;
      lastTime = event.t;
      ended = event.kind === 'run.end';
      return event;
    },
  };
}

/** Validates a whole trace. */
export function validateTrace(events: unknown): TraceEvent[] {
  return createTraceChecker().check(events);
}
