/** The `loopscope` command line. */
import { languageFromLocale } from '../../src-shared/i18n/translate.ts';
import { createTerminalTranslator } from './terminal-text.ts';
import { DEFAULT_BUDGETS } from '../../src-shared/trace.ts';
import { canConfine, EXIT_UNCONFINED } from '../node/confinement.ts';
import { runCatalog } from './catalog-run.ts';
import { terminalBytes, type CliIo } from './io.ts';
import { MAX_STDIN_MB, runCommand } from './run-command.ts';

function createIo(): CliIo {
  const env = process.env;
  return {
    out: (text) => void process.stdout.write(terminalBytes(text)),
    err: (text) => void process.stderr.write(terminalBytes(text)),
    language: languageFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE),
    isTTY: process.stderr.isTTY === true,
    outIsTTY: process.stdout.isTTY === true,
  };
}

/**
 * The program's standard input, when it is a pipe or a file; an interactive terminal gives
 * none. Null when it is larger than `MAX_STDIN_MB`: nothing past that is read, so that
 * `< /dev/zero` or an endless pipe cannot fill the memory (it did, until Node gave up).
 */
async function readStdin(): Promise<string | null> {
  if (process.stdin.isTTY) return '';
  const limit = MAX_STDIN_MB * 1024 * 1024;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    if (size > limit) {
      process.stdin.destroy();
      return null;
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The commands that run programs; they refuse to start where a run could not be confined. */
const RUNS_PROGRAMS = new Set(['run', 'check']);

export async function main(argv: string[]): Promise<number> {
  const io = createIo();
  const t = createTerminalTranslator(runCatalog, io.language);
  const [command, ...rest] = argv;
  if (command && RUNS_PROGRAMS.has(command) && !canConfine()) {
    io.err(t('unconfined', { version: process.versions.node }) + '\n');
    return EXIT_UNCONFINED;
  }
  switch (command) {
    case 'run':
      return runCommand(rest, io, readStdin);
    case 'scenarios':
      return (await import('./scenarios-command.ts')).scenariosCommand(rest, io);
    case 'check':
      return (await import('./check-command.ts')).checkCommand(rest, io);
    case 'export':
      return (await import('./export-command.ts')).exportCommand(rest, io);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      io.out(
        t('usage', {
          maxEvents: DEFAULT_BUDGETS.maxEvents,
          maxSeconds: DEFAULT_BUDGETS.maxVirtualSeconds,
          maxWall: DEFAULT_BUDGETS.maxWallMs,
          maxMemory: DEFAULT_BUDGETS.maxMemoryMb,
        }),
      );
      return command === undefined ? 2 : 0;
    default:
      io.err(t('unknownCommand', { command }) + '\n');
      return 2;
  }
}

// Interrupted, the command exits at once; its engine processes are killed as it exits
// (child-port.ts), even those busy in a computation that never returns to their event loop.
for (const [signal, status] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.on(signal, () => process.exit(status));
}

// A reader that stops early (`loopscope run p.py | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await main(process.argv.slice(2));
// Let stdout drain before exiting.
process.stdout.write('', () => process.exit(code));
