/**
 * The trace's wire format (src-shared/trace-wire.ts): every kind of the schema crosses it and
 * comes back as the same event, whatever its optional fields hold; what is not a batch of the
 * format is refused with a reason. (The real engine's events cross it in every engine test:
 * the conformance suite validates each one after it is decoded.)
 */
import { describe, expect, test } from 'vitest';
import { readMarshal, writeMarshal } from '../../src-shared/marshal.ts';
import { TRACE_SCHEMA, type FieldType } from '../../src-shared/trace-schema.ts';
import { validateEvent } from '../../src-shared/trace-validate.ts';
import {
  CLOCK,
  decodeBatch,
  encodeBatch,
  wireTable,
  WireError,
} from '../../src-shared/trace-wire.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';

/** A value of each field type that the validator accepts; optional types also go absent. */
const SAMPLES: Record<FieldType, unknown> = {
  int: 7,
  'int?': null,
  num: 0.25,
  'num?': 1.5,
  str: 'a "quoted" text, ünïcode\n',
  'str?': '',
  bool: false,
  origin: { line: 3, task: null },
  role: 'wakeup',
  stream: 'stderr',
  outcome: 'completed',
  'budget?': 'events',
  exc: { type: 'ValueError', message: 'bad' },
  frames: [{ file: '/a.py', line: 2, name: 'main', user: true }],
  awaiting: { kind: 'gather', future: 4, children: [5, 6] },
  ints: [1, 2, 3],
  'ints?': [],
  dropped: 'pending',
  sockets: [
    { fd: 6, read: true, write: false, listening: true, local: '127.0.0.1:80', peer: null },
  ],
  'sockets?': [],
  stack: [
    {
      name: 'main',
      line: 4,
      locals: [
        { name: 'task', value: '<Task pending>', ref: 2 },
        { name: 'tasks', value: '[<Task>]', items: [2] },
      ],
    },
  ],
};

const SCHEMA: Record<string, Record<string, FieldType>> = TRACE_SCHEMA;
/** A batch of these values, as the engine would send it. */
const wire = (...values: unknown[]): Uint8Array => writeMarshal(values);
const KINDS = Object.keys(SCHEMA);

/** One event of every kind, from seq 0 on; `absent` leaves every optional field out. */
function everyKind(absent: boolean): TraceEvent[] {
  return KINDS.map((kind, seq) => {
    const event: Record<string, unknown> = { seq, t: seq / 8, kind };
    for (const [name, type] of Object.entries(SCHEMA[kind] ?? {})) {
      if (!(absent && type.endsWith('?'))) event[name] = SAMPLES[type];
    }
    return event as unknown as TraceEvent;
  });
}

describe('every kind of the schema crosses the wire unchanged', () => {
  test.each([
    ['with every field', false],
    ['with its optional fields absent', true],
  ])('%s', (_name, absent) => {
    const events = everyKind(absent);
    // Each sample is one the validator accepts, so that the test shows what the host sees.
    for (const event of events) validateEvent(event);
    const decoded = decodeBatch(encodeBatch(events));
    expect(decoded).toEqual(events);
    expect(decoded.map(validateEvent)).toEqual(events);
  });

  test('the time is sent where it changes, and every event gets it back', () => {
    const events = everyKind(false).map((event, i) => ({ ...event, t: Math.floor(i / 4) }));
    const batch = encodeBatch(events);
    const marks = (readMarshal(batch) as unknown[]).filter((value) => value === CLOCK);
    expect(marks).toHaveLength(Math.ceil(events.length / 4));
    expect(decodeBatch(batch)).toEqual(events);
  });

  test('a time mark applies to the events after it, and marks may follow each other', () => {
    const line = KINDS.indexOf('line');
    expect(decodeBatch(wire(7, -1, 0.5, line, 3, null, -1, 0.75, -1, 1, line, 4, 2))).toEqual([
      { seq: 7, t: 0.5, kind: 'line', line: 3, task: null },
      { seq: 8, t: 1, kind: 'line', line: 4, task: 2 },
    ]);
  });

  test('a batch from the middle of a run keeps its sequence numbers', () => {
    const events = everyKind(false).map((event, i) => ({ ...event, seq: 1000 + i }));
    expect(decodeBatch(encodeBatch(events)).map((e) => e.seq)).toEqual(events.map((e) => e.seq));
  });

  test('the table the engine is given names every kind with its fields, in order', () => {
    const names = (kind: string) =>
      Object.entries(SCHEMA[kind] ?? {}).flatMap(([name, type]) =>
        type === 'origin' ? [`${name}.line`, `${name}.task`] : [name],
      );
    expect(wireTable()).toEqual(KINDS.map((kind) => [kind, names(kind)]));
    expect(wireTable().find(([kind]) => kind === 'future.create')).toEqual([
      'future.create',
      ['future', 'type', 'from.line', 'from.task'],
    ]);
  });

  test('an origin crosses as its two values, line then task', () => {
    const created = KINDS.indexOf('future.create');
    const event = { seq: 3, t: 0.5, kind: 'future.create', future: 4, type: 'Future' };
    const batch = encodeBatch([{ ...event, from: { line: 12, task: null } } as TraceEvent]);
    expect(readMarshal(batch)).toEqual([3, CLOCK, 0.5, created, 4, 'Future', 12, null]);
    expect(decodeBatch(wire(3, -1, 0.5, created, 4, 'Future', null, 7))).toEqual([
      { ...event, from: { line: null, task: 7 } },
    ]);
    expect(() => decodeBatch(wire(3, -1, 0.5, created, 4, 'Future', 12))).toThrow(
      /event 3 \(future.create\) has 3 fields, not 4/,
    );
  });
});

describe('what is not a batch of the wire format is refused', () => {
  const line = KINDS.indexOf('line');

  test.each([
    ["not in marshal's format", wire(0, -1, 0).subarray(0, 7), /not in marshal's format/],
    ['not a list', writeMarshal({ seq: 0 }), /not an array/],
    ['without its first sequence number', wire([0, 0]), /first sequence number/],
    [
      'an event that starts with no kind index',
      wire(0, { kind: 'line' }),
      /event 0 has an unknown kind/,
    ],
    ['an unknown kind', wire(0, KINDS.length, 0), /event 0 has an unknown kind/],
    ['a kind index that is no index', wire(0, 'line', 0, 1, null), /unknown kind/],
    ['a missing field', wire(5, -1, 0, line, 1), /event 5 \(line\) has 1 fields, not 2/],
    [
      'a field too many, read as the next event',
      wire(5, -1, 0, line, 1, null, 'smuggled'),
      /event 6 has an unknown kind/,
    ],
    [
      'a batch cut inside an event',
      wire(5, -1, 0, line, 1, null, line, null),
      /event 6 \(line\) has 1 fields/,
    ],
    ['a batch cut after a time mark', wire(5, -1, 0, line, 1, null, -1), /before event 6/],
  ])('%s', (_name, batch, reason) => {
    expect(() => decodeBatch(batch)).toThrow(WireError);
    expect(() => decodeBatch(batch)).toThrow(reason);
  });

  test('a first row without its time reaches the validator without one, and is refused', () => {
    expect(() => decodeBatch(wire(0, line, 1, null)).map(validateEvent)).toThrow(
      /event 0 has no virtual time/,
    );
  });

  test('a required field sent as absent reaches the validator as missing, and is refused', () => {
    expect(() => decodeBatch(wire(0, -1, 0, line, false, null)).map(validateEvent)).toThrow(
      /bad field "line"/,
    );
  });
});
