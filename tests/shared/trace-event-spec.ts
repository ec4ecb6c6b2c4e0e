/**
 * A checker for Chrome's Trace Event Format (the "Trace Event Format" document that
 * chrome://tracing and Perfetto's JSON importer follow), written from the specification for
 * the tests: each phase's required fields, B/E nesting, X durations, slices that nest on each
 * thread, timestamps in order per track, flows with one start and one end that bind to a slice.
 * It returns every problem it finds; an empty list means the trace conforms.
 */

type Json = Record<string, unknown>;

const PHASES = new Set([
  'B',
  'E',
  'X',
  'i',
  'I',
  'n',
  'b',
  'e',
  's',
  't',
  'f',
  'C',
  'M',
  'P',
  'O',
  'N',
  'D',
  'R',
  'c',
]);
const METADATA = new Set([
  'process_name',
  'process_labels',
  'process_sort_index',
  'thread_name',
  'thread_sort_index',
]);

const isRecord = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

interface Slice {
  ts: number;
  end: number;
  name: string;
}

export function checkTraceEventFormat(document: unknown): string[] {
  const problems: string[] = [];
  let events: unknown[];
  if (Array.isArray(document)) events = document;
  else if (isRecord(document) && Array.isArray(document.traceEvents)) {
    events = document.traceEvents;
    const unit = document.displayTimeUnit;
    if (unit !== undefined && unit !== 'ms' && unit !== 'ns') {
      problems.push(`displayTimeUnit is ${String(unit)}, not "ms" or "ns"`);
    }
  } else return ['the trace is neither an array of events nor an object with traceEvents'];

  const slices = new Map<string, Slice[]>();
  const open = new Map<string, Json[]>();
  const lastTs = new Map<string, number>();
  const flows = new Map<string, { s: Json[]; f: Json[] }>();
  const named = new Set<string>();
  const used = new Set<string>();

  events.forEach((event, index) => {
    const where = `event ${index}`;
    if (!isRecord(event)) return void problems.push(`${where} is not an object`);
    const ph = event.ph;
    if (typeof ph !== 'string' || !PHASES.has(ph))
      return void problems.push(`${where} has phase ${String(ph)}`);
    if (!isInt(event.pid)) problems.push(`${where} (${ph}) has no integer pid`);
    if (event.args !== undefined && !isRecord(event.args))
      problems.push(`${where} has args that are not an object`);
    const track = `${String(event.pid)}/${String(event.tid)}`;
    if (ph === 'M') {
      if (typeof event.name !== 'string' || !METADATA.has(event.name)) {
        problems.push(`${where} is metadata named ${String(event.name)}`);
      } else if (!isRecord(event.args)) problems.push(`${where} (${event.name}) has no args`);
      else if (event.name.endsWith('_name') && typeof event.args.name !== 'string') {
        problems.push(`${where} (${event.name}) has no args.name`);
      } else if (event.name.endsWith('_sort_index') && !isInt(event.args.sort_index)) {
        problems.push(`${where} (${event.name}) has no integer args.sort_index`);
      }
      if (event.name === 'thread_name') named.add(track);
      return;
    }
    if (typeof event.name !== 'string' && ph !== 'E') problems.push(`${where} (${ph}) has no name`);
    if (!isTime(event.ts)) return void problems.push(`${where} (${ph}) has no timestamp`);
    const ts = event.ts;
    const threaded =
      ph !== 'C' && !((ph === 'i' || ph === 'I') && event.s !== undefined && event.s !== 't');
    if (threaded) {
      if (!isInt(event.tid)) problems.push(`${where} (${ph}) has no integer tid`);
      used.add(track);
    }
    if ((lastTs.get(track) ?? -Infinity) > ts)
      problems.push(`${where} (${ph}) goes back in time on ${track}`);
    lastTs.set(track, ts);
    switch (ph) {
      case 'X':
        if (!isTime(event.dur)) problems.push(`${where} (X) has no duration ≥ 0`);
        else pushTo(slices, track, { ts, end: ts + event.dur, name: String(event.name) });
        break;
      case 'B':
        pushTo(open, track, event);
        break;
      case 'E': {
        const begin = open.get(track)?.pop();
        if (!begin) problems.push(`${where} (E) ends nothing on ${track}`);
        else {
          if (event.name !== undefined && event.name !== begin.name) {
            problems.push(`${where} (E ${String(event.name)}) ends ${String(begin.name)}`);
          }
          pushTo(slices, track, { ts: begin.ts as number, end: ts, name: String(begin.name) });
        }
        break;
      }
      case 'i':
      case 'I':
        if (event.s !== undefined && !['g', 'p', 't'].includes(event.s as string)) {
          problems.push(`${where} (${ph}) has scope ${String(event.s)}`);
        }
        break;
      case 's':
      case 't':
      case 'f': {
        if (!isInt(event.id) && typeof event.id !== 'string')
          problems.push(`${where} (${ph}) has no id`);
        if (typeof event.cat !== 'string') problems.push(`${where} (${ph}) has no category`);
        if (event.bp !== undefined && event.bp !== 'e')
          problems.push(`${where} (${ph}) binds to ${String(event.bp)}`);
        const key = `${String(event.cat)}/${String(event.name)}/${String(event.id)}`;
        const flow = flows.get(key) ?? { s: [], f: [] };
        flows.set(key, flow);
        if (ph === 's') flow.s.push(event);
        if (ph === 'f') flow.f.push(event);
        break;
      }
      case 'C':
        if (
          !isRecord(event.args) ||
          !Object.values(event.args).every((v) => typeof v === 'number')
        ) {
          problems.push(`${where} (C) has no numeric args`);
        }
        break;
      default:
        break;
    }
  });

  for (const [track, left] of open) {
    for (const begin of left) problems.push(`B ${String(begin.name)} on ${track} never ends`);
  }
  for (const [track, list] of slices) problems.push(...checkNesting(track, list));
  for (const [key, flow] of flows) {
    if (flow.s.length !== 1 || flow.f.length !== 1) {
      problems.push(`flow ${key} has ${flow.s.length} starts and ${flow.f.length} ends`);
      continue;
    }
    const [start, end] = [flow.s[0] as Json, flow.f[0] as Json];
    if ((start.ts as number) > (end.ts as number))
      problems.push(`flow ${key} ends before it starts`);
    for (const point of [start, end]) {
      const list = slices.get(`${String(point.pid)}/${String(point.tid)}`) ?? [];
      const ts = point.ts as number;
      if (!list.some((s) => s.ts < ts && ts < s.end)) {
        problems.push(
          `flow ${key} (${String(point.ph)}) at ${ts} is inside no slice of its thread`,
        );
      }
    }
  }
  for (const track of used)
    if (!named.has(track)) problems.push(`thread ${track} has no thread_name`);
  return problems;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Slices on one thread must nest: a slice that starts inside another ends inside it. */
function checkNesting(track: string, list: Slice[]): string[] {
  const problems: string[] = [];
  const sorted = [...list].sort((a, b) => a.ts - b.ts || b.end - a.end);
  const stack: Slice[] = [];
  for (const slice of sorted) {
    while (stack.length > 0 && (stack.at(-1) as Slice).end <= slice.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent && slice.end > parent.end) {
      problems.push(
        `on ${track}, ${slice.name} [${slice.ts}, ${slice.end}] overlaps ${parent.name} [${parent.ts}, ${parent.end}]`,
      );
    }
    stack.push(slice);
  }
  return problems;
}
