/**
 * `loopscope run FILE.py`: runs a program in the engine and prints what it prints, stdout to
 * stdout and stderr to stderr, exiting with the program's status, as `python3 FILE.py` does.
 */
import { createWriteStream } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_BUDGETS, type Budgets, type TraceEvent } from '../../src-shared/trace.ts';
import { createTranslator } from '../../src-shared/i18n/translate.ts';
import { NodeEngine } from '../node/engine.ts';
import { runCatalog } from './catalog-run.ts';
import type { CliIo } from './io.ts';
import { readTextFile } from './read-text-file.ts';

/** Exit status for a file the command cannot use. */
const EXIT_BAD_INPUT = 2;

export async function runCommand(
  args: string[],
  io: CliIo,
  stdin: () => Promise<string>,
): Promise<number> {
  const t = createTranslator(runCatalog, io.language);
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
        timeout: { type: 'string' },
      },
    });
  } catch (error) {
    io.err(t('badOption', { message: (error as Error).message }) + '\n');
    return EXIT_BAD_INPUT;
  }
  const file = parsed.positionals[0];
  if (!file) {
    io.err(t('missingFile') + '\n');
    return EXIT_BAD_INPUT;
  }
  const budgets: Partial<Budgets> = {};
  const numeric: [keyof Budgets, string | undefined][] = [
    ['maxEvents', parsed.values['max-events']],
    ['maxVirtualSeconds', parsed.values['max-seconds']],
    ['maxWallMs', parsed.values.timeout],
  ];
  for (const [key, value] of numeric) {
    if (value === undefined) continue;
    const number = Number(value);
    if (!Number.isFinite(number) || number <= 0) {
      io.err(t('badOption', { message: `${key}: ${value}` }) + '\n');
      return EXIT_BAD_INPUT;
    }
    budgets[key] = number;
  }

  const path = resolve(file);
  const source = await readTextFile(path, 10);
  if (!source.ok) {
    io.err(
      t(source.reason, {
        file,
        line: source.line ?? 1,
        limit: 10,
        reason: source.detail ?? '',
      }) + '\n',
    );
    return EXIT_BAD_INPUT;
  }

  const traceOut = parsed.values.trace ? createWriteStream(parsed.values.trace) : null;
  let traceError: Error | null = null;
  traceOut?.on('error', (error) => (traceError = error));
  const asJson = parsed.values.json === true;

  const engine = new NodeEngine();
  let end: Extract<TraceEvent, { kind: 'run.end' }> | null = null;
  await engine.stream(
    { code: source.text, filename: path, stdin: await stdin(), budgets },
    (events) => {
      const lines =
        traceOut || asJson ? events.map((e) => JSON.stringify(e)).join('\n') + '\n' : '';
      traceOut?.write(lines);
      if (asJson) io.out(lines);
      for (const event of events) {
        if (event.kind === 'output' && !asJson) {
          if (event.stream === 'stdout') io.out(event.text);
          else io.err(event.text);
        } else if (event.kind === 'run.end') {
          end = event;
        }
      }
    },
  ).finished;
  await engine.close();
  if (traceOut) await new Promise<void>((done) => traceOut.end(done));
  if (traceError) {
    io.err(
      t('cannotWrite', { file: parsed.values.trace ?? '', reason: (traceError as Error).message }) +
        '\n',
    );
  }
  const ended = end as Extract<TraceEvent, { kind: 'run.end' }> | null;
  if (!ended) return 70;
  const limits = { ...DEFAULT_BUDGETS, ...budgets };
  const note = describeEnd(ended, limits, t);
  if (note) io.err(note + '\n');
  return ended.exitCode;
}

function describeEnd(
  end: Extract<TraceEvent, { kind: 'run.end' }>,
  limits: Budgets,
  t: ReturnType<typeof createTranslator<keyof (typeof runCatalog)['en']>>,
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
        default:
          return t('budgetWall', { ms: limits.maxWallMs });
      }
    case 'stuck':
      return t('stuck');
    case 'stopped':
      return t('stopped');
    case 'crashed':
      return t('crashed', { error: end.error ?? '' });
  }
}
