/**
 * The trace on the wire between the engine's worker and its host: each batch one flat list
 * `[firstSeq, CLOCK, t, kindIndex, …fields, kindIndex, …fields, CLOCK, t, …]` in the bytes of
 * Python's `marshal` (marshal.ts: the engine writes it with `marshal.dumps`), each event
 * its kind's index and its kind's fields in the order of the schema (trace-schema.ts), so that
 * the schema says where each event ends. The sequence numbers are implied (the events of a
 * batch are consecutive from `firstSeq`); the time is not sent with each event: `CLOCK, t`
 * says the events after it happened at `t` (a batch starts with one); an optional field that
 * is absent is sent as `false` (no optional field type holds a boolean), and an origin
 * (`{line, task}`, which a third of a run's events carry) is sent as its two values, `line`
 * then `task`.
 * The engine learns the kinds and their fields from `wireTable()` at each run's start, so the
 * schema is the one list of both; `decodeBatch` turns a batch back into event objects for the
 * validator (trace-validate.ts), which checks them as it checks every event. See
 * docs/trace-format.md, "On the wire".
 */
import { MarshalError, readMarshal, writeMarshal } from './marshal.ts';
import type { TraceEvent, TraceEventKind } from './trace.ts';
import { TRACE_SCHEMA, type FieldType } from './trace-schema.ts';

const SCHEMA: Readonly<Record<string, Readonly<Record<string, FieldType>>>> = TRACE_SCHEMA;
/** The kinds in wire order: a kind's index is its position here. */
const KINDS = Object.keys(SCHEMA) as TraceEventKind[];
/** Each kind's fields in wire order, whether each may be absent, and whether it is an origin. */
const FIELDS = KINDS.map((kind) =>
  Object.entries(SCHEMA[kind] ?? {}).map(([name, type]) => ({
    name,
    optional: type.endsWith('?'),
    origin: type === 'origin',
  })),
);
/** How many values each kind's fields take on the wire. */
const WIDTHS = FIELDS.map((fields) =>
  fields.reduce((width, field) => width + (field.origin ? 2 : 1), 0),
);
const KIND_INDEX = new Map(KINDS.map((kind, index) => [kind, index]));
/** In the place of a kind index: the clock moved, to the time that follows. */
export const CLOCK = -1;

/**
 * What the engine is told at each run's start: every kind with its fields, in wire order; an
 * origin `from` is named as its two values, `from.line` and `from.task`.
 */
export function wireTable(): [TraceEventKind, string[]][] {
  return KINDS.map((kind, index) => [
    kind,
    (FIELDS[index] ?? []).flatMap(({ name, origin }) =>
      origin ? [`${name}.line`, `${name}.task`] : [name],
    ),
  ]);
}

/** A batch the engine sent is not in the wire format. */
export class WireError extends Error {
  override name = 'WireError';
}

function fail(message: string): never {
  throw new WireError(message);
}

/**
 * The events of a batch as objects (`seq`, `t`, `kind` and the kind's fields), not yet
 * validated: the validator checks every value.
 */
export function decodeBatch(bytes: Uint8Array): Record<string, unknown>[] {
  let batch: unknown;
  try {
    batch = readMarshal(bytes);
  } catch (error) {
    if (!(error instanceof MarshalError)) throw error;
    fail(`a batch is not in marshal's format (${error.message})`);
  }
  if (!Array.isArray(batch) || batch.length === 0) fail('a batch is not an array');
  const first: unknown = batch[0];
  if (!Number.isSafeInteger(first)) fail('a batch has no first sequence number');
  const events: Record<string, unknown>[] = [];
  // The virtual time of the events that follow; a batch that gives none before its first
  // event sends it without one, and the validator refuses it.
  let t: unknown = null;
  let seq = first as number;
  for (let i = 1; i < batch.length;) {
    const index: unknown = batch[i];
    if (index === CLOCK) {
      if (i + 1 >= batch.length) fail(`the batch ends where a time should be, before event ${seq}`);
      t = batch[i + 1];
      i += 2;
      continue;
    }
    const fields = typeof index === 'number' ? FIELDS[index] : undefined;
    const kind = typeof index === 'number' ? KINDS[index] : undefined;
    const width = typeof index === 'number' ? WIDTHS[index] : undefined;
    if (!fields || !kind || width === undefined) fail(`event ${seq} has an unknown kind`);
    const end = i + 1 + width;
    if (end > batch.length)
      fail(`event ${seq} (${kind}) has ${batch.length - i - 1} fields, not ${width}`);
    const event: Record<string, unknown> = { seq, t, kind };
    let at = i + 1;
    for (const field of fields) {
      if (field.origin) {
        event[field.name] = { line: batch[at], task: batch[at + 1] };
        at += 2;
        continue;
      }
      const value: unknown = batch[at++];
      if (!(field.optional && value === false)) event[field.name] = value;
    }
    events.push(event);
    seq++;
    i = end;
  }
  return events;
}

/** Events as the engine sends them (for tests, and for hosts that forward a trace). */
export function encodeBatch(events: readonly TraceEvent[]): Uint8Array {
  const first = events[0]?.seq ?? 0;
  const flat = events.flatMap((event, i) => {
    if (event.seq !== first + i) fail(`event ${event.seq} is out of order`);
    const index = KIND_INDEX.get(event.kind);
    const fields = index === undefined ? undefined : FIELDS[index];
    if (index === undefined || !fields) fail(`event ${event.seq} has an unknown kind`);
    const values = event as unknown as Record<string, unknown>;
    const clock = i > 0 && events[i - 1]?.t === event.t ? [] : [CLOCK, event.t];
    return [
      ...clock,
      index,
      ...fields.flatMap(({ name, optional, origin }) => {
        const value = values[name];
        if (origin) {
          const { line, task } = (value ?? {}) as { line?: unknown; task?: unknown };
          return [line, task];
        }
        return [value === undefined && optional ? false : value];
      }),
    ];
  });
  return writeMarshal([first, ...flat]);
}
