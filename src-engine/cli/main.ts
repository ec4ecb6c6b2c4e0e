/** The `loopscope` command line. */
import { languageFromLocale, createTranslator } from '../../src-shared/i18n/translate.ts';
import { DEFAULT_BUDGETS } from '../../src-shared/trace.ts';
import { runCatalog } from './catalog-run.ts';
import { terminalBytes, type CliIo } from './io.ts';
import { runCommand } from './run-command.ts';

function createIo(): CliIo {
  const env = process.env;
  return {
    out: (text) => void process.stdout.write(terminalBytes(text)),
    err: (text) => void process.stderr.write(terminalBytes(text)),
    language: languageFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE),
    isTTY: process.stderr.isTTY === true,
  };
}

/** The program's standard input, when it is a pipe or a file; an interactive terminal gives none. */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function main(argv: string[]): Promise<number> {
  const io = createIo();
  const t = createTranslator(runCatalog, io.language);
  const [command, ...rest] = argv;
  switch (command) {
    case 'run':
      return runCommand(rest, io, readStdin);
    case 'scenarios':
      return (await import('./scenarios-command.ts')).scenariosCommand(rest, io);
    case 'check':
      return (await import('./check-command.ts')).checkCommand(rest, io);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      io.out(
        t('usage', {
          maxEvents: DEFAULT_BUDGETS.maxEvents,
          maxSeconds: DEFAULT_BUDGETS.maxVirtualSeconds,
          maxWall: DEFAULT_BUDGETS.maxWallMs,
        }),
      );
      return command === undefined ? 2 : 0;
    default:
      io.err(t('unknownCommand', { command }) + '\n');
      return 2;
  }
}

// A reader that stops early (`loopscope run p.py | head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await main(process.argv.slice(2));
// Let stdout drain before exiting.
process.stdout.write('', () => process.exit(code));
