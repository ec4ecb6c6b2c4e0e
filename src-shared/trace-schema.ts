/**
 * The trace's schema: the fields of every event kind, in one place. The validator checks what
 * crosses into a more privileged process against it; a type-level check below makes
 * `TraceEvent` (trace.ts) agree with it field by field; tests/shared/trace-schema.test.ts
 * holds docs/trace-format.md and the Python emitter (every event of the conformance
 * programs, through the real engine) to it. Adding a field means adding it here first:
 * anything else that disagrees fails to compile or fails a test.
 */
import type {
  Awaiting,
  CallbackRole,
  DropReason,
  IoSocket,
  TaskFrame,
  TraceEvent,
  TraceEventKind,
} from './trace.ts';

/** How a field is checked. A type ending in `?` may be `null` or absent. */
export type FieldType =
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
  | 'stack'
  | 'awaiting'
  | 'ints'
  | 'ints?'
  | 'dropped'
  | 'sockets'
  | 'sockets?';

export const ORIGIN_FIELDS = { line: 'int?', task: 'int?' } as const;
const HANDLE = { handle: 'int' } as const;
const LOOP = { loop: 'int' } as const;

/** The fields of each event kind besides `seq`, `t` and `kind`. */
export const TRACE_SCHEMA = {
  'run.start': { version: 'int', python: 'str', file: 'str', source: 'str' },
  'run.end': {
    outcome: 'outcome',
    exitCode: 'int',
    budget: 'budget?',
    line: 'int?',
    column: 'int?',
    error: 'str?',
    hotLines: 'ints?',
    fullAt: 'int?',
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
  'io.wait': { loop: 'int', sockets: 'sockets', removed: 'ints?' },
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
    args: 'str?',
    role: 'role',
    task: 'int?',
    future: 'int?',
    from: 'origin',
  },
  'timer.push': {
    handle: 'int',
    loop: 'int',
    when: 'num?',
    callback: 'str',
    args: 'str?',
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
    call: 'str?',
    defLine: 'int?',
    from: 'origin',
  },
  'future.create': { future: 'int', type: 'str', from: 'origin' },
  'task.run': { task: 'int', throw: 'str?' },
  'task.suspend': { task: 'int', awaiting: 'awaiting', line: 'int?' },
  'task.yield': { task: 'int', line: 'int?' },
  'task.frames': { task: 'int', frames: 'stack' },
  'task.wake': { task: 'int', future: 'int' },
  'task.cancel': { task: 'int', msg: 'str?', accepted: 'bool', from: 'origin' },
  'future.result': { future: 'int', value: 'str' },
  'future.exception': { future: 'int', exc: 'exc' },
  'future.cancelled': { future: 'int', msg: 'str?' },
  'future.callback': { future: 'int', callback: 'str', role: 'role' },
  'future.dropped': { future: 'int', reason: 'dropped' },
  probe: { loop: 'int', ready: 'ints', heap: 'ints', sockets: 'sockets?' },
} as const satisfies Record<TraceEventKind, Record<string, FieldType>>;

/** Kinds the engine records only when a test asks for them. */
export const TEST_ONLY_KINDS: ReadonlySet<TraceEventKind> = new Set(['probe']);

// --- The schema and `TraceEvent` agree ------------------------------------------------------

/** What a field of each type holds in TypeScript (`?` types may also be null or absent). */
interface FieldValues {
  int: number;
  num: number;
  str: string;
  bool: boolean;
  origin: { line: number | null; task: number | null };
  role: CallbackRole;
  stream: 'stdout' | 'stderr';
  outcome: string;
  budget: string;
  exc: { type: string; message: string };
  frames: readonly unknown[];
  stack: readonly TaskFrame[];
  awaiting: Awaiting;
  ints: readonly number[];
  dropped: DropReason;
  sockets: readonly IoSocket[];
}
type ValueOf<T> = T extends `${infer Base extends keyof FieldValues}?`
  ? FieldValues[Base] | null | undefined
  : T extends keyof FieldValues
    ? FieldValues[T]
    : never;

type Schema = typeof TRACE_SCHEMA;
type FieldsOf<K extends TraceEventKind> = Omit<
  Extract<TraceEvent, { kind: K }>,
  'seq' | 't' | 'kind'
>;
/** True when kind K has the same field names in both, each of a type the schema accepts. */
type Agrees<K extends TraceEventKind> = [keyof FieldsOf<K>] extends [keyof Schema[K]]
  ? [keyof Schema[K]] extends [keyof FieldsOf<K>]
    ? {
        [F in keyof FieldsOf<K> & keyof Schema[K]]: FieldsOf<K>[F] extends ValueOf<Schema[K][F]>
          ? true
          : false;
      }[keyof FieldsOf<K> & keyof Schema[K]] extends true
      ? true
      : false
    : false
  : false;
/** The kinds on which trace.ts and the schema disagree; it must stay empty. */
type Disagreeing = { [K in TraceEventKind]: Agrees<K> extends true ? never : K }[TraceEventKind];
/** Fails to compile, naming the kinds, when trace.ts and the schema disagree. */
export const SCHEMA_AGREES_WITH_TYPES: [Disagreeing] extends [never] ? true : Disagreeing = true;
