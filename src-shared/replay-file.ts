/**
 * The replay file (`.loopscope.json`): a trace with what it needs to be shown again anywhere
 * (the code on show, the lesson and scenario it came from, the language, the app's version),
 * and the reader that opens it. The reader also opens the traces Loopscope wrote before replay
 * files existed: the command line's `--trace` output (JSON Lines, one event per line) and a
 * plain JSON array of events. Whatever it opens is checked event by event, because a file can
 * say anything: the format is documented in docs/export.md.
 */
import type { Language } from './api.ts';
import { exportCatalog } from './i18n/catalog-export.ts';
import { createTranslator, type Params } from './i18n/translate.ts';
import { decodeText } from './lesson/decode.ts';
import { applyEvent, createRunState } from './loop-state.ts';
import { finishInSlices, finishNow, type SlicedWork } from './slices.ts';
import { TRACE_VERSION, type TraceEvent } from './trace.ts';
import { createTraceChecker } from './trace-validate.ts';

/** The value of a replay file's `format` field. */
export const REPLAY_FORMAT = 'loopscope-replay';
/** Bumped on every change that an older reader could misread. */
export const REPLAY_VERSION = 1;
/** The largest file opened: a run at the app's highest event budget fits well within it. */
export const MAX_REPLAY_BYTES = 256 * 1024 * 1024;
/** The most events a trace may have: the app's highest event budget (BUDGET_CEILINGS). */
export const MAX_REPLAY_EVENTS = 2_000_000;

export interface ReplayScenario {
  /** The scenario's number in its lesson, from 1. */
  number: number;
  title: string | null;
}

/** Where the code came from, when it came from a lesson. */
export interface ReplayLesson {
  title: string;
  /** The lesson's file name, such as `01-create-task.en.md`. */
  file: string | null;
  scenario: ReplayScenario | null;
}

export interface ReplayFile {
  /** The code on show when it was saved (it may have been edited since the run). */
  code: string;
  lesson: ReplayLesson | null;
  /** The language the replay was shown in; null for a bare trace. */
  language: Language | null;
  /** The version of the Loopscope that saved it; null for a bare trace. */
  appVersion: string | null;
  /** The run's trace, from `run.start` to `run.end`, checked. */
  events: TraceEvent[];
}

/** What a file held: a replay file, the CLI's JSON Lines, or a plain array of events. */
export type ReplaySource = 'replay' | 'jsonl' | 'array';

export type ReplayFailure =
  | 'empty'
  | 'binary'
  | 'not-utf8'
  | 'too-large'
  | 'too-many-events'
  | 'not-json'
  | 'too-deep'
  | 'truncated'
  | 'truncated-end'
  | 'unknown-format'
  | 'newer-version'
  | 'newer-trace'
  | 'bad-field'
  | 'bad-trace'
  | 'no-events';

export interface ReplayFileError {
  reason: ReplayFailure;
  params: Params;
}

export type ReplayParseResult =
  { ok: true; replay: ReplayFile; source: ReplaySource } | { ok: false; error: ReplayFileError };

export interface ReplayLimits {
  maxBytes: number;
  maxEvents: number;
}

const DEFAULT_LIMITS: ReplayLimits = { maxBytes: MAX_REPLAY_BYTES, maxEvents: MAX_REPLAY_EVENTS };

class ReplayFileProblem extends Error {
  constructor(
    readonly reason: ReplayFailure,
    readonly params: Params = {},
  ) {
    super(reason);
  }
}

/** Describes a reading failure in the user's language, without the file's name. */
export function describeReplayFileError(error: ReplayFileError, language: Language): string {
  return createTranslator(exportCatalog, language)(`replay.${error.reason}`, error.params);
}

/** Makes the replay file for a trace on show. */
export function createReplayFile(replay: ReplayFile): string {
  const header = {
    format: REPLAY_FORMAT,
    version: REPLAY_VERSION,
    app: { name: 'Loopscope', version: replay.appVersion ?? '' },
    language: replay.language,
    lesson: replay.lesson,
    code: replay.code,
  };
  // One event a line: a large trace is written without one huge indented tree, and reads well.
  const head = JSON.stringify(header).slice(0, -1);
  return `${head},"events":[\n${replay.events.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
}

/**
 * Opens a replay file, the CLI's JSON Lines trace or a JSON array of events, given as text or
 * as the file's bytes. Nothing it returns is taken on trust: every event is validated, the
 * trace must run from `run.start` to `run.end`, and it must fold into a consistent loop state.
 */
export function parseReplayFile(
  input: string | Uint8Array,
  limits: Partial<ReplayLimits> = {},
): ReplayParseResult {
  return finishNow(readReplayFile(input, limits));
}

/**
 * `parseReplayFile` in slices, giving the page's event loop a turn every few milliseconds: a
 * million-event trace takes seconds to read, check and fold, and the page must not freeze.
 */
export function parseReplayFileInSlices(
  input: string | Uint8Array,
  limits: Partial<ReplayLimits> = {},
): Promise<ReplayParseResult> {
  return finishInSlices(readReplayFile(input, limits));
}

/** Events read, checked or folded between two chances to pause. */
const EVENTS_PER_SLICE = 512;
/** Bytes decoded between two chances to pause. */
const BYTES_PER_SLICE = 1024 * 1024;

function* readReplayFile(
  input: string | Uint8Array,
  limits: Partial<ReplayLimits>,
): SlicedWork<ReplayParseResult> {
  const { maxBytes, maxEvents } = { ...DEFAULT_LIMITS, ...limits };
  try {
    const text = yield* decode(input, maxBytes);
    yield* checkNesting(text);
    const { source, events, header } = yield* readDocument(text, maxEvents);
    if (events.length > maxEvents)
      throw new ReplayFileProblem('too-many-events', { limit: maxEvents });
    const checked = yield* checkTrace(events);
    const start = checked[0];
    const replay: ReplayFile = {
      code: header?.code ?? (start?.kind === 'run.start' ? start.source : ''),
      lesson: header?.lesson ?? null,
      language: header?.language ?? null,
      appVersion: header?.appVersion ?? null,
      events: checked,
    };
    return { ok: true, replay, source };
  } catch (error) {
    if (error instanceof ReplayFileProblem) {
      return { ok: false, error: { reason: error.reason, params: error.params } };
    }
    throw error;
  }
}

function* decode(input: string | Uint8Array, maxBytes: number): SlicedWork<string> {
  const megabytes = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > maxBytes) {
    throw new ReplayFileProblem('too-large', { size: megabytes(size), limit: megabytes(maxBytes) });
  }
  if (typeof input === 'string') {
    if (input.trim() === '') throw new ReplayFileProblem('empty');
    return input;
  }
  // A large file is decoded a megabyte at a time; whatever is wrong with it is then said by
  // decoding it whole, as a small one is.
  const text = yield* decodeInSlices(input);
  if (text !== null && text.trim() !== '') return text;
  const decoded = decodeText(input, { maxBytes, allowEmpty: false });
  if (decoded.ok) return decoded.text;
  switch (decoded.reason) {
    case 'empty':
      throw new ReplayFileProblem('empty');
    case 'binary':
      throw new ReplayFileProblem('binary');
    case 'too-large':
      throw new ReplayFileProblem('too-large', {
        size: megabytes(size),
        limit: megabytes(maxBytes),
      });
    case 'not-utf8':
      throw new ReplayFileProblem('not-utf8');
  }
}

/** The bytes as UTF-8 text, or null when they are not text (decodeText says why). */
function* decodeInSlices(bytes: Uint8Array): SlicedWork<string | null> {
  if (bytes[0] === 0xff || bytes[0] === 0xfe) return null;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  for (let offset = 0; offset < bytes.length; offset += BYTES_PER_SLICE) {
    const chunk = bytes.subarray(offset, offset + BYTES_PER_SLICE);
    if (chunk.includes(0)) return null;
    try {
      parts.push(decoder.decode(chunk, { stream: offset + BYTES_PER_SLICE < bytes.length }));
    } catch {
      return null;
    }
    yield;
  }
  return parts.join('');
}

interface Header {
  code: string;
  lesson: ReplayLesson | null;
  language: Language | null;
  appVersion: string | null;
}

interface Document {
  source: ReplaySource;
  events: unknown[];
  header: Header | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The deepest a replay file's JSON nests: an event is an object of arrays of objects, a few
 * levels; this leaves room for anything a later version may add.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Refuses a text whose arrays and objects nest deeper than `MAX_JSON_DEPTH`, before any of it
 * is parsed. `JSON.parse` reads one document or line in one go, without a turn for the page,
 * and reads nesting ten times slower than a flat text: 20 MB of `[` took 18 s, so a 256 MB file
 * of them would freeze the tab for minutes. This scan takes its turns, and counts brackets
 * outside strings.
 */
function* checkNesting(text: string): SlicedWork<void> {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    if (i % BYTES_PER_SLICE === 0 && i > 0) yield;
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c /* \ */) i++;
      else if (code === 0x22 /* " */) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b /* [ */ || code === 0x7b /* { */) {
      depth++;
      if (depth > MAX_JSON_DEPTH)
        throw new ReplayFileProblem('too-deep', { limit: MAX_JSON_DEPTH });
    } else if (code === 0x5d /* ] */ || code === 0x7d /* } */) {
      depth = Math.max(0, depth - 1);
    }
  }
}

/** A JSON document that begins as an object or an array and does not end as one was cut. */
function endsComplete(text: string): boolean {
  const last = text.trimEnd().at(-1);
  return last === '}' || last === ']';
}

function lineAt(text: string, detail: string): number {
  const position = /position (\d+)/.exec(detail);
  if (!position) return 1;
  return text.slice(0, Number(position[1])).split('\n').length;
}

function* readDocument(text: string, maxEvents: number): SlicedWork<Document> {
  const body = text.trimStart();
  // A replay file as Loopscope writes it, one event a line, is read a line at a time.
  const lines = yield* readReplayLines(body, maxEvents);
  if (lines) return lines;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    // Several objects, one a line, are the CLI's JSON Lines.
    if (body.startsWith('{') && !/^\{\s*"format"\s*:/.test(body)) {
      return yield* readJsonLines(body, maxEvents);
    }
    const startsAsJson = body.startsWith('{') || body.startsWith('[');
    if (startsAsJson && !endsComplete(body)) throw new ReplayFileProblem('truncated', { detail });
    throw new ReplayFileProblem('not-json', { line: lineAt(body, detail), detail });
  }
  if (Array.isArray(parsed)) return { source: 'array', events: parsed, header: null };
  if (isRecord(parsed) && parsed.format === REPLAY_FORMAT) return readReplayObject(parsed);
  // A trace of one event is one line of JSON Lines.
  if (isRecord(parsed) && 'seq' in parsed && 'kind' in parsed) {
    return { source: 'jsonl', events: [parsed], header: null };
  }
  throw new ReplayFileProblem('unknown-format');
}

/** The text's lines, one at a time, without splitting a huge text into an array at once. */
function* eachLine(text: string): Generator<{ line: string; number: number; rest: number }> {
  let start = 0;
  for (let number = 1; start <= text.length; number++) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    // `rest`: where the text after this line begins.
    yield { line: text.slice(start, stop), number, rest: stop + 1 };
    start = stop + 1;
  }
}

/**
 * A replay file in the layout `createReplayFile` writes (its header on the first line, then
 * one event a line, then `]}`), read line by line; null for any other layout, or for a file
 * that breaks it anywhere, which is then read whole (and its fault said as for any file).
 */
function* readReplayLines(body: string, maxEvents: number): SlicedWork<Document | null> {
  const lines = eachLine(body);
  const first = lines.next();
  if (first.done || !/^\{\s*"format"\s*:.*"events":\[$/.test(first.value.line)) return null;
  let header: unknown;
  try {
    header = JSON.parse(`${first.value.line}]}`);
  } catch {
    return null;
  }
  if (!isRecord(header) || header.format !== REPLAY_FORMAT) return null;
  const events: unknown[] = [];
  let closed = false;
  for (const { line } of lines) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    if (closed) return null;
    if (trimmed === ']}') {
      closed = true;
      continue;
    }
    try {
      events.push(JSON.parse(trimmed.endsWith(',') ? trimmed.slice(0, -1) : trimmed));
    } catch {
      return null;
    }
    if (events.length > maxEvents)
      throw new ReplayFileProblem('too-many-events', { limit: maxEvents });
    if (events.length % EVENTS_PER_SLICE === 0) yield;
  }
  if (!closed) return null;
  return readReplayObject({ ...header, events });
}

function* readJsonLines(text: string, maxEvents: number): SlicedWork<Document> {
  const events: unknown[] = [];
  for (const { line: raw, number, rest } of eachLine(text)) {
    const line = raw.trim();
    if (line === '') continue;
    try {
      events.push(JSON.parse(line));
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const isLast = text.slice(rest).trim() === '';
      if (isLast && !endsComplete(line)) throw new ReplayFileProblem('truncated', { detail });
      throw new ReplayFileProblem('not-json', { line: number, detail });
    }
    if (events.length > maxEvents)
      throw new ReplayFileProblem('too-many-events', { limit: maxEvents });
    if (events.length % EVENTS_PER_SLICE === 0) yield;
  }
  return { source: 'jsonl', events, header: null };
}

function readReplayObject(value: Record<string, unknown>): Document {
  const field = (name: string) => new ReplayFileProblem('bad-field', { field: name });
  const version = value.version;
  if (!Number.isSafeInteger(version) || (version as number) < 1) throw field('version');
  if ((version as number) > REPLAY_VERSION) {
    throw new ReplayFileProblem('newer-version', {
      version: version as number,
      supported: REPLAY_VERSION,
    });
  }
  if (typeof value.code !== 'string') throw field('code');
  const language = value.language ?? null;
  if (language !== null && language !== 'en' && language !== 'ru') throw field('language');
  const app = value.app ?? null;
  if (app !== null && !(isRecord(app) && typeof app.version === 'string')) throw field('app');
  if (!Array.isArray(value.events)) throw field('events');
  return {
    source: 'replay',
    events: value.events,
    header: {
      code: value.code,
      lesson: readLesson(value.lesson ?? null),
      language,
      appVersion: app === null ? null : (app.version as string) || null,
    },
  };
}

function readLesson(value: unknown): ReplayLesson | null {
  if (value === null) return null;
  const field = (name: string) => new ReplayFileProblem('bad-field', { field: `lesson.${name}` });
  if (!isRecord(value)) throw new ReplayFileProblem('bad-field', { field: 'lesson' });
  if (typeof value.title !== 'string') throw field('title');
  const file = value.file ?? null;
  if (file !== null && typeof file !== 'string') throw field('file');
  const scenario = value.scenario ?? null;
  if (scenario === null) return { title: value.title, file, scenario: null };
  if (!isRecord(scenario) || !Number.isSafeInteger(scenario.number)) throw field('scenario');
  const title = scenario.title ?? null;
  if (title !== null && typeof title !== 'string') throw field('scenario.title');
  return { title: value.title, file, scenario: { number: scenario.number as number, title } };
}

function* checkTrace(values: unknown[]): SlicedWork<TraceEvent[]> {
  if (values.length === 0) throw new ReplayFileProblem('no-events');
  const events: TraceEvent[] = [];
  const checker = createTraceChecker();
  for (let i = 0; i < values.length; i += EVENTS_PER_SLICE) {
    try {
      events.push(...checker.check(values.slice(i, i + EVENTS_PER_SLICE)));
    } catch (error) {
      throw new ReplayFileProblem('bad-trace', { detail: messageOf(error) });
    }
    yield;
  }
  const start = events[0];
  if (start?.kind === 'run.start' && start.version !== TRACE_VERSION) {
    if (start.version > TRACE_VERSION) {
      throw new ReplayFileProblem('newer-trace', {
        version: start.version,
        supported: TRACE_VERSION,
      });
    }
    throw new ReplayFileProblem('bad-trace', { detail: `trace version ${start.version}` });
  }
  const last = events.at(-1);
  if (last?.kind !== 'run.end') {
    throw new ReplayFileProblem('truncated-end', { seq: last?.seq ?? 0 });
  }
  // The events are well formed one by one; together they must describe a loop that can be.
  const state = createRunState();
  for (const [i, event] of events.entries()) {
    try {
      applyEvent(state, event);
    } catch (error) {
      throw new ReplayFileProblem('bad-trace', { detail: messageOf(error) });
    }
    if (i % EVENTS_PER_SLICE === 0) yield;
  }
  return events;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
