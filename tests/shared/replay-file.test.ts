/**
 * The replay file opens what Loopscope writes (replay files, the CLI's JSON Lines, plain arrays
 * of events) and refuses everything else with a reason a person can act on, in their language.
 * The traces are real: recorded by `loopscope run --trace` from the programs beside them.
 */
import { describe, expect, test } from 'vitest';
import {
  createReplayFile,
  describeReplayFileError,
  parseReplayFile,
  REPLAY_VERSION,
  type ReplayFile,
  type ReplayParseResult,
} from '../../src-shared/replay-file.ts';
import { fixtureEvents, readFixture } from './export-fixtures.ts';

function opened(result: ReplayParseResult): ReplayFile {
  if (!result.ok) throw new Error(describeReplayFileError(result.error, 'en'));
  return result.replay;
}

function refusal(result: ReplayParseResult, language: 'en' | 'ru' = 'en'): string {
  if (result.ok) throw new Error('the file was accepted');
  return `${result.error.reason}: ${describeReplayFileError(result.error, language)}`;
}

const gather = readFixture('gather.jsonl');
const events = fixtureEvents('gather.jsonl');

describe('opening what Loopscope writes', () => {
  test('the CLI’s --trace output (JSON Lines) opens, with the program as its code', () => {
    const result = parseReplayFile(gather);
    expect(result.ok && result.source).toBe('jsonl');
    const replay = opened(result);
    expect(replay.events).toEqual(events);
    expect(replay.code).toContain("asyncio.gather(task, worker('b', 0.1)");
    expect(replay.lesson).toBeNull();
    expect(replay.language).toBeNull();
  });

  test('the same from bytes, with Windows line ends and a byte-order mark', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${gather.replaceAll('\n', '\r\n')}`);
    expect(opened(parseReplayFile(bytes)).events).toEqual(events);
  });

  test('a plain JSON array of events opens', () => {
    const result = parseReplayFile(JSON.stringify(fixtureEvents('cancel.jsonl'), null, 2));
    expect(result.ok && result.source).toBe('array');
    expect(opened(result).events.at(-1)?.kind).toBe('run.end');
  });

  test('a replay file round-trips: trace, code, lesson, scenario, language, version', () => {
    const replay: ReplayFile = {
      code: '# edited after the run\n' + (events[0]?.kind === 'run.start' ? events[0].source : ''),
      lesson: {
        title: 'Tasks with create_task',
        file: '01-create-task.en.md',
        scenario: { number: 2, title: 'Awaiting a task' },
      },
      language: 'ru',
      appVersion: '0.1.0',
      events,
    };
    const text = createReplayFile(replay);
    const header = JSON.parse(text) as Record<string, unknown>;
    expect(header).toMatchObject({ format: 'loopscope-replay', version: REPLAY_VERSION });
    expect(text.split('\n').length).toBeGreaterThan(events.length);
    const result = parseReplayFile(text);
    expect(result.ok && result.source).toBe('replay');
    expect(opened(result)).toEqual(replay);
  });

  test('every recorded trace opens, including one that ended with an exception', () => {
    for (const name of ['gather.jsonl', 'cancel.jsonl', 'raises.jsonl']) {
      const end = opened(parseReplayFile(readFixture(name))).events.at(-1);
      expect(end?.kind).toBe('run.end');
    }
  });
});

describe('refusing what is not a replay, saying why', () => {
  const replayInput: ReplayFile = {
    code: 'x',
    lesson: null,
    language: 'en',
    appVersion: '0.1.0',
    events,
  };
  const replayText = createReplayFile(replayInput);

  test('an empty file, a binary file, text that is not UTF-8', () => {
    expect(refusal(parseReplayFile('  \n'))).toBe('empty: the file is empty');
    expect(refusal(parseReplayFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])))).toMatch(
      /^binary: it is a binary file/,
    );
    expect(refusal(parseReplayFile(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).toMatch(
      /^not-utf8:/,
    );
  });

  test('a file larger than the limit, and a trace with more events than the limit', () => {
    expect(refusal(parseReplayFile(gather, { maxBytes: 10 * 1024 }))).toBe(
      'too-large: the file is 0 MB; a replay may be at most 0 MB',
    );
    expect(refusal(parseReplayFile(gather, { maxEvents: 100 }))).toBe(
      'too-many-events: the trace has more than 100 events',
    );
  });

  test('a JSON Lines trace cut in the middle of its last line', () => {
    const cut = gather.slice(0, gather.length - 40);
    expect(refusal(parseReplayFile(cut))).toMatch(/^truncated: the file is cut short/);
    expect(refusal(parseReplayFile(cut), 'ru')).toMatch(/^truncated: файл обрывается/);
  });

  test('a JSON Lines trace cut between two lines: the run never ends', () => {
    const lines = gather.trim().split('\n');
    const cut = lines.slice(0, 100).join('\n') + '\n';
    expect(refusal(parseReplayFile(cut))).toBe(
      'truncated-end: the trace stops after event 99, before the run ended',
    );
  });

  test('a replay file cut short', () => {
    expect(refusal(parseReplayFile(replayText.slice(0, 5000)))).toMatch(/^truncated:/);
  });

  test('text that is not JSON, with the line of the fault', () => {
    const broken = gather.split('\n');
    broken[3] = '{"seq": 3, oops';
    expect(refusal(parseReplayFile(broken.join('\n')))).toMatch(
      /^not-json: it is not JSON \(line 4:/,
    );
    expect(refusal(parseReplayFile('# Lesson\n\nSome Markdown.\n'))).toMatch(/^not-json:/);
  });

  test('JSON nested deeper than any replay, before it is parsed, even inside one event', () => {
    // 20 MB of `[` kept JSON.parse, and so the page, busy for 18 s: 256 MB for minutes.
    const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    const lines = gather.trim().split('\n');
    lines[3] = lines[3]?.replace(/\}$/, `,"x":${deep}}`) ?? '';
    const started = performance.now();
    expect(refusal(parseReplayFile(lines.join('\n')))).toBe(
      'too-deep: its JSON nests deeper than 64 levels, which no replay file does',
    );
    expect(refusal(parseReplayFile(deep), 'ru')).toBe(
      'too-deep: JSON в файле вложен глубже 64 уровней, чего не бывает ни в одной записи',
    );
    expect(performance.now() - started).toBeLessThan(1000);
    // Brackets inside strings are text, and every Loopscope trace opens.
    const code = `print("${'['.repeat(200)}")`;
    expect(opened(parseReplayFile(createReplayFile({ ...replayInput, code }))).code).toBe(code);
  });

  test('JSON that is neither a replay nor a trace', () => {
    expect(refusal(parseReplayFile('{"name": "package", "version": "1.0.0"}'))).toBe(
      'unknown-format: it is JSON, but neither a Loopscope replay (.loopscope.json) nor a trace',
    );
    expect(refusal(parseReplayFile('[]'))).toBe('no-events: the trace has no events');
  });

  test('a replay file from a newer Loopscope, and a trace of a newer format', () => {
    const newer = replayText.replace(`"version":${REPLAY_VERSION}`, '"version":7');
    expect(refusal(parseReplayFile(newer))).toBe(
      'newer-version: it was saved by a newer Loopscope (replay format 7; this one reads 1)',
    );
    const newerTrace = gather.replace('{"version":1,', '{"version":2,');
    expect(refusal(parseReplayFile(newerTrace), 'ru')).toMatch(/^newer-trace: трасса в формате 2/);
  });

  test('a replay file with a missing or wrong field names it', () => {
    const header = JSON.parse(replayText) as Record<string, unknown>;
    const without = (patch: Record<string, unknown>) =>
      refusal(parseReplayFile(JSON.stringify({ ...header, ...patch })));
    expect(without({ code: 3 })).toBe('bad-field: its field "code" is missing or wrong');
    expect(without({ language: 'de' })).toMatch(/field "language"/);
    expect(without({ lesson: { title: 'x', scenario: { number: 'one' } } })).toMatch(
      /field "lesson.scenario"/,
    );
    expect(without({ events: 'none' })).toMatch(/field "events"/);
  });

  test('events that break the trace’s rules: a bad field, a gap, time going back', () => {
    const mutate = (index: number, patch: Record<string, unknown>) =>
      refusal(
        parseReplayFile(
          JSON.stringify(events.map((e, i) => (i === index ? { ...e, ...patch } : e))),
        ),
      );
    expect(mutate(5, { kind: 'rm -rf' })).toBe(
      'bad-trace: the trace breaks the rules: event 5 has an unknown kind',
    );
    expect(mutate(5, { seq: 6 })).toMatch(/event 6 is out of order \(expected 5\)/);
    expect(mutate(events.length - 1, { t: -1 })).toMatch(/goes back in time/);
    const handleRun = events.findIndex((e) => e.kind === 'handle.run');
    expect(mutate(handleRun, { handle: 999 })).toMatch(/^bad-trace: .*unknown handle 999/);
  });
});
