/**
 * `loopscope run FILE.py`: runs a program in the engine and prints what it prints, stdout to
 * stdout and stderr to stderr, exiting with the program's status, as `python3 FILE.py` does.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { EXIT_CODE, startEvent } from '../../src-shared/engine-run.ts';
import { DEFAULT_BUDGETS, type Budgets, type TraceEvent } from '../../src-shared/trace.ts';
import { NodeEngine } from '../node/engine.ts';
import { runCatalog } from './catalog-run.ts';
import type { CliIo } from './io.ts';
import { describeFileError, errorMessage, readTextFile } from './read-file.ts';
import {
  createTerminalTranslator,
  escapeControls,
  escapeJson,
  escapeLine,
} from './terminal-text.ts';

/** Exit status for bad options and for a file the command cannot read or write. */
const EXIT_BAD_INPUT = 2;
/** The longest `--timeout`: a timer holds no more (2^31 − 1 ms, about 24.8 days). */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/** A terabyte: more than any machine the command line runs on holds. */
const MAX_MEMORY_MB = 1024 * 1024;

type Translate = ReturnType<typeof createTerminalTranslator<keyof (typeof runCatalog)['en']>>;

/** Opens the trace file before the run, so that an unwritable path fails before anything runs. */
function openTrace(path: string): Promise<WriteStream | Error> {
  const stream = createWriteStream(path);
  return new Promise((done) => {
    stream.once('open', () => done(stream));
    stream.once('error', (error) => done(error));
  });
}

/** The budgets the options set; null (after saying why) when one is out of its range. */
function parseBudgets(
  values: Partial<Record<'max-events' | 'max-seconds' | 'max-memory' | 'timeout', string>>,
  io: CliIo,
  t: Translate,
): Partial<Budgets> | null {
  const budgets: Partial<Budgets> = {};
  const wholeNumbers = [
    ['maxEvents', '--max-events', values['max-events'], Number.MAX_SAFE_INTEGER],
    ['maxWallMs', '--timeout', values.timeout, MAX_TIMEOUT_MS],
    ['maxMemoryMb', '--max-memory', values['max-memory'], MAX_MEMORY_MB],
  ] as const;
  for (const [key, option, value, max] of wholeNumbers) {
    if (value === undefined) continue;
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < 1 || number > max) {
      io.err(t('badWholeNumber', { option, max }) + '\n');
      return null;
    }
    budgets[key] = number;
  }
  const seconds = values['max-seconds'];
  if (seconds !== undefined) {
    const number = Number(seconds);
    if (seconds.trim() === '' || !Number.isFinite(number) || number <= 0) {
      io.err(t('badSeconds', { option: '--max-seconds' }) + '\n');
      return null;
    }
    budgets.maxVirtualSeconds = number;
  }
  return budgets;
}

/** The most standard input `run` gives a program, as much as it may print (the output budget). */
export const MAX_STDIN_MB = DEFAULT_BUDGETS.maxOutputBytes / 1024 / 1024;

export async function runCommand(
  args: string[],
  io: CliIo,
  stdin: () => Promise<string | null>,
): Promise<number> {
  const t = createTerminalTranslator(runCatalog, io.language);
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        trace: { type: 'string' },
        json: { type: 'boolean' },
        'max-events': { type: 'string' },
        'max-seconds': { type: 'string' },
        'max-memory': { type: 'string' },
        timeout: { type: 'string' },
      },
    });
  } catch (error) {
    io.err(t('badOption', { message: errorMessage(error) }) + '\n');
    return EXIT_BAD_INPUT;
  }
  const file = parsed.positionals[0];
  if (!file) {
    io.err(t('missingFile') + '\n');
    return EXIT_BAD_INPUT;
  }
  const budgets = parseBudgets(parsed.values, io, t);
  if (!budgets) return EXIT_BAD_INPUT;

  const path = resolve(file);
  const source = await readTextFile(path, 10);
  if (!source.ok) {
    io.err(
      t(source.reason, {
        file,
        line: source.line ?? 1,
        limit: 10,
        reason: describeFileError(source, io.language),
      }) + '\n',
    );
    return EXIT_BAD_INPUT;
  }

  const tracePath = parsed.values.trace;
  const traceOut = tracePath ? await openTrace(tracePath) : null;
  if (traceOut instanceof Error) {
    io.err(t('cannotWrite', { file: tracePath ?? '', reason: traceOut.message }) + '\n');
    return EXIT_BAD_INPUT;
  }
  let traceError: Error | null = null;
  traceOut?.on('error', (error) => (traceError ??= error));
  const asJson = parsed.values.json === true;
  // On a terminal, the program's output cannot drive it; into a file or a pipe, it is byte for
  // byte what python3 prints.
  const show = (text: string, terminal: boolean) => (terminal ? escapeControls(text) : text);

  // One run: no next child prepares beside it, so the program has the machine to itself.
  // (Its child starts while the standard input is read.)
  const engine = new NodeEngine({ prepareNext: false });
  const input = await stdin();
  if (input === null) {
    // The trace still tells what happened: a run that never started, for want of a smaller
    // input. Its Python is the engine's, which started while the input was read.
    const python = await engine
      .ready()
      .then(() => engine.python)
      .catch(() => '');
    await engine.close();
    const request = { code: source.text, filename: path };
    const refused: TraceEvent[] = [
      startEvent(request, python),
      {
        seq: 1,
        t: 0,
        kind: 'run.end',
        outcome: 'budget',
        budget: 'input',
        exitCode: EXIT_BAD_INPUT,
      },
    ];
    const lines = escapeJson(refused.map((e) => JSON.stringify(e)).join('\n') + '\n');
    if (asJson) io.out(lines);
    if (traceOut) {
      traceOut.write(lines);
      await finished(traceOut.end()).catch((error: Error) => (traceError ??= error));
    }
    io.err(t('stdinTooLarge', { limit: MAX_STDIN_MB }) + '\n');
    if (traceError) {
      io.err(t('cannotWrite', { file: tracePath ?? '', reason: errorMessage(traceError) }) + '\n');
    }
    return EXIT_BAD_INPUT;
  }
  let end: Extract<TraceEvent, { kind: 'run.end' }> | null = null;
  try {
    await engine.stream({ code: source.text, filename: path, stdin: input, budgets }, (events) => {
      const lines =
        traceOut || asJson
          ? escapeJson(events.map((e) => JSON.stringify(e)).join('\n') + '\n')
          : '';
      if (traceOut && !traceError) traceOut.write(lines);
      if (asJson) io.out(lines);
      for (const event of events) {
        if (event.kind === 'output' && !asJson) {
          if (event.stream === 'stdout') io.out(show(event.text, io.outIsTTY));
          else io.err(show(event.text, io.isTTY));
        } else if (event.kind === 'run.end') {
          end = event;
        }
      }
    }).finished;
  } finally {
    await engine.close();
  }
  if (traceOut) await finished(traceOut.end()).catch((error: Error) => (traceError ??= error));
  if (traceError) {
    io.err(t('cannotWrite', { file: tracePath ?? '', reason: errorMessage(traceError) }) + '\n');
    return EXIT_BAD_INPUT;
  }
  const ended = end as Extract<TraceEvent, { kind: 'run.end' }> | null;
  // The engine client completes every run's trace; a run without an end is the engine's failure.
  if (!ended) return EXIT_CODE.crashed;
  const limits = { ...DEFAULT_BUDGETS, ...budgets };
  const note = describeEnd(ended, limits, t);
  if (note) io.err(note + '\n');
  // Of a trace that filled up and a program that ran on to its end, the program's output says
  // nothing (it is whole, as python3's); whoever reads the trace is told where it stops.
  else if (ended.fullAt !== undefined && (traceOut || asJson))
    io.err(t('traceFull', { count: ended.fullAt }) + '\n');
  return ended.exitCode;
}

function describeEnd(
  end: Extract<TraceEvent, { kind: 'run.end' }>,
  limits: Budgets,
  t: Translate,
): string | null {
  switch (end.outcome) {
    case 'completed':
    case 'raised':
    case 'syntax-error':
      return null;
    case 'budget':
      switch (end.budget) {
        case 'events':
          return t('budgetEvents', { count: limits.maxEvents });
        case 'virtual-time':
          return t('budgetVirtual', { seconds: limits.maxVirtualSeconds });
        case 'output':
          return t('budgetOutput', { bytes: limits.maxOutputBytes });
        case 'memory':
          return t('budgetMemory', { mb: limits.maxMemoryMb });
        case 'input':
          return t('stdinTooLarge', { limit: MAX_STDIN_MB });
        default:
          return t('budgetWall', { ms: limits.maxWallMs });
      }
    case 'stuck':
      return t('stuck');
    case 'stopped':
      return t('stopped');
    case 'crashed':
      return t('crashed', { error: escapeLine(end.error ?? '') });
  }
}
