/**
 * `loopscope check LESSON.md|FOLDER... [--jobs N]`: runs every runnable scenario of the lessons
 * in the engine and compares what it prints with the lesson's expected output.
 *
 * Scenarios of all lessons go to one queue served by a small pool of engines, so a folder of
 * lessons keeps every engine busy; results are still printed lesson by lesson, in order.
 */
import { readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { lessonsCatalog } from '../../src-shared/i18n/catalog-lessons.ts';
import { createTranslator, plural } from '../../src-shared/i18n/translate.ts';
import {
  compareOutput,
  createOutputDiff,
  type OutputComparison,
} from '../../src-shared/lesson/compare.ts';
import type { Scenario } from '../../src-shared/lesson/model.ts';
import { describeNotRunnableReason, scenarioDisplayTitle } from '../../src-shared/lesson/parse.ts';
import { assertNever, type BudgetKind } from '../../src-shared/trace.ts';
import { NodeEngine, type ProgramResult } from '../node/engine.ts';
import {
  errorMessage,
  formatDiagnostic,
  isErrorCode,
  readLessonFile,
  type CliIo,
  type LessonReadResult,
} from './io.ts';

const EXIT_OK = 0;
const EXIT_MISMATCH = 1;
const EXIT_BAD_INPUT = 2;
const MAX_JOBS = 16;
/** Each engine holds a whole Python interpreter; a few are enough to keep the cores busy. */
const DEFAULT_MAX_JOBS = 4;
const TITLE_WIDTH = 72;

/** How a run ended, when its output alone does not tell. */
interface RunNote {
  outcome: 'budget' | 'stuck' | 'stopped' | 'crashed';
  budget: BudgetKind | null;
  error: string | null;
}

type ScenarioResult =
  | { kind: 'passed' }
  | { kind: 'failed'; comparison: OutputComparison; note: RunNote | null }
  | { kind: 'no-expected'; note: RunNote | null; raised: boolean }
  | { kind: 'not-runnable' }
  | { kind: 'error'; message: string };

interface LessonCheck {
  read: LessonReadResult;
  /** One per scenario: null until its run ends, and for every scenario of a lesson not checked. */
  results: (ScenarioResult | null)[];
  /** Runs still to come; the lesson is printed when none are left. */
  pending: number;
}

interface Job {
  check: LessonCheck;
  /** The scenario's position in its lesson. */
  index: number;
  scenario: Scenario;
}

interface Options {
  paths: string[];
  jobs: number;
}

export async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const t = createTranslator(lessonsCatalog, io.language);
  const started = performance.now();
  const options = parseOptions(args, io);
  if (typeof options === 'number') return options;

  const found = await findLessonFiles(options.paths, io);
  const checks: LessonCheck[] = await Promise.all(
    found.files.map(async (path) => createLessonCheck(await readLessonFile(path, io.language))),
  );
  const jobs: Job[] = checks.flatMap((check) =>
    isCheckable(check.read)
      ? (check.read.lesson?.scenarios ?? []).flatMap((scenario, index) =>
          scenario.runnable ? [{ check, index, scenario }] : [],
        )
      : [],
  );

  const screen = createScreen(io);
  let printed = 0;
  const printFinished = () => {
    while (printed < checks.length && checks[printed]?.pending === 0) {
      const check = checks[printed];
      if (check) screen.write(() => printLesson(check, io));
      printed += 1;
    }
  };
  printFinished();

  let done = 0;
  const showProgress = (file: string) =>
    screen.progress(
      done === 0
        ? t('cli.check.progress.starting')
        : t('cli.check.progress', { done, total: jobs.length, file }),
    );
  if (jobs.length > 0) showProgress('');
  const engineFailure = await runJobs(jobs, Math.min(options.jobs, jobs.length), (job, result) => {
    job.check.results[job.index] = result;
    job.check.pending -= 1;
    done += 1;
    printFinished();
    if (done < jobs.length) showProgress(job.check.read.path);
  });
  screen.progress(null);

  const exitCode = summarize(checks, found.missing, engineFailure, io);
  io.out(
    `${t('cli.check.summary.time', { seconds: ((performance.now() - started) / 1000).toFixed(1) })}\n`,
  );
  return exitCode;
}

function parseOptions(args: string[], io: CliIo): Options | number {
  const t = createTranslator(lessonsCatalog, io.language);
  const paths: string[] = [];
  let jobs = Math.max(1, Math.min(availableParallelism(), DEFAULT_MAX_JOBS));
  let optionsEnded = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (optionsEnded || !arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      io.out(`${t('cli.check.usage')}\n`);
      return EXIT_OK;
    }
    const jobsMatch = /^(?:--jobs|-j)(?:=?(.+))?$/.exec(arg);
    if (!jobsMatch) {
      io.err(`${t('cli.unknown-option', { option: arg })}\n${t('cli.check.usage')}\n`);
      return EXIT_BAD_INPUT;
    }
    const value = jobsMatch[1] ?? args[++i] ?? '';
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < 1 || n > MAX_JOBS) {
      io.err(`${t('cli.bad-jobs', { max: MAX_JOBS })}\n`);
      return EXIT_BAD_INPUT;
    }
    jobs = n;
  }
  if (paths.length === 0) {
    io.err(`${t('cli.no-paths')}\n${t('cli.check.usage')}\n`);
    return EXIT_BAD_INPUT;
  }
  return { paths, jobs };
}

// --- Finding and reading lessons ----------------------------------------------------------

interface FoundFiles {
  files: string[];
  /** Paths that named nothing usable, with what to say about them. */
  missing: { path: string; message: string }[];
}

/** The given files, and every `*.md` file under the given folders, sorted, hidden ones skipped. */
async function findLessonFiles(paths: string[], io: CliIo): Promise<FoundFiles> {
  const t = createTranslator(lessonsCatalog, io.language);
  const found: FoundFiles = { files: [], missing: [] };
  for (const path of paths) {
    let inFolder: string[];
    try {
      inFolder = await listMarkdownFiles(path);
    } catch (error) {
      if (isErrorCode(error, 'ENOTDIR')) found.files.push(path);
      else if (isErrorCode(error, 'ENOENT'))
        found.missing.push({ path, message: t('cli.not-found') });
      else
        found.missing.push({ path, message: t('cli.unreadable', { error: errorMessage(error) }) });
      continue;
    }
    if (inFolder.length === 0) found.missing.push({ path, message: t('cli.empty-folder') });
    found.files.push(...inFolder);
  }
  // A file named twice, or inside a folder also named, is checked once.
  found.files = [...new Set(found.files)];
  return found;
}

async function listMarkdownFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => compareCodePoints(a.name, b.name))) {
    // Editors keep their own folders next to the notes (.obsidian, .trash, .git).
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listMarkdownFiles(path)));
    else if (/\.md$/i.test(entry.name)) files.push(path);
  }
  return files;
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isCheckable(read: LessonReadResult): boolean {
  return read.lesson !== null && !read.diagnostics.some((d) => d.severity === 'error');
}

function createLessonCheck(read: LessonReadResult): LessonCheck {
  const scenarios = read.lesson?.scenarios ?? [];
  const checkable = isCheckable(read);
  return {
    read,
    results: scenarios.map((s) => (checkable && !s.runnable ? { kind: 'not-runnable' } : null)),
    pending: checkable ? scenarios.filter((s) => s.runnable).length : 0,
  };
}

// --- Running ------------------------------------------------------------------------------

/**
 * Runs the jobs on `size` engines, each taking the next job when it is free. Returns why the
 * engines could not start, or null when they did.
 */
async function runJobs(
  jobs: Job[],
  size: number,
  onResult: (job: Job, result: ScenarioResult) => void,
): Promise<string | null> {
  let next = 0;
  let startFailure: string | null = null;
  const worker = async () => {
    let engine: NodeEngine | null = null;
    for (let job = jobs[next++]; job; job = jobs[next++]) {
      if (!engine && startFailure === null) {
        try {
          engine = await startEngine();
        } catch (error) {
          startFailure = errorMessage(error);
        }
      }
      if (!engine) {
        onResult(job, { kind: 'error', message: startFailure ?? '' });
        continue;
      }
      try {
        const result = await engine.run({ code: job.scenario.code, filename: 'main.py' });
        onResult(job, judge(job.scenario, result));
      } catch (error) {
        onResult(job, { kind: 'error', message: errorMessage(error) });
        // An engine whose run failed may be broken; the next job gets a fresh one.
        await closeQuietly(engine);
        engine = null;
      }
    }
    if (engine) await closeQuietly(engine);
  };
  await Promise.all(Array.from({ length: size }, worker));
  return startFailure;
}

async function startEngine(): Promise<NodeEngine> {
  const engine = new NodeEngine();
  try {
    await engine.ready();
  } catch (error) {
    await closeQuietly(engine);
    throw error;
  }
  return engine;
}

async function closeQuietly(engine: NodeEngine): Promise<void> {
  try {
    await engine.close();
  } catch {
    // The engine is gone either way.
  }
}

function judge(scenario: Scenario, result: ProgramResult): ScenarioResult {
  const note = describeRunEnd(result);
  if (!scenario.expected) {
    return { kind: 'no-expected', note, raised: result.outcome === 'raised' };
  }
  const comparison = compareOutput(scenario.expected.text, result.terminal);
  if (comparison.matches) return { kind: 'passed' };
  return { kind: 'failed', comparison, note };
}

function describeRunEnd(result: ProgramResult): RunNote | null {
  const outcome = result.outcome;
  switch (outcome) {
    case 'completed':
    case 'raised':
    case 'syntax-error':
      // The traceback or the syntax error is part of the output.
      return null;
    case 'budget':
    case 'stuck':
    case 'stopped':
    case 'crashed': {
      const end = result.events.findLast((e) => e.kind === 'run.end');
      return {
        outcome,
        budget: end?.kind === 'run.end' ? (end.budget ?? null) : null,
        error: end?.kind === 'run.end' ? (end.error ?? null) : null,
      };
    }
    default:
      return assertNever(outcome);
  }
}

// --- Printing -----------------------------------------------------------------------------

interface Screen {
  /** Writes results, keeping the progress line below them. */
  write(print: () => void): void;
  /** Shows a progress line on stderr, or removes it when given null. */
  progress(text: string | null): void;
}

function createScreen(io: CliIo): Screen {
  let current: string | null = null;
  const clear = () => {
    if (current !== null) io.err('\r\x1b[K');
  };
  const draw = () => {
    if (current !== null) io.err(current);
  };
  return {
    write(print) {
      clear();
      print();
      draw();
    },
    progress(text) {
      if (!io.isTTY) return;
      clear();
      current = text === null ? null : truncate(text, (process.stderr.columns || 80) - 1);
      draw();
    },
  };
}

function printLesson(check: LessonCheck, io: CliIo): void {
  const t = createTranslator(lessonsCatalog, io.language);
  const { read } = check;
  const color = createColors(io);
  for (const diagnostic of read.diagnostics) {
    io.err(`${formatDiagnostic(read.path, diagnostic, io.language)}\n`);
  }
  const lesson = read.lesson;
  if (!lesson || !isCheckable(read)) return;
  io.out(`${color.bold(read.path)}\n`);
  lesson.scenarios.forEach((scenario, i) => {
    const result = check.results[i];
    if (!result) return;
    const title = truncate(scenarioDisplayTitle(scenario, io.language), TITLE_WIDTH);
    const where = color.dim(`(${t('cli.check.line', { line: scenario.lines.start })})`);
    const line = (mark: string, details: (string | null)[] = []) => {
      const detail = details.filter((d) => d !== null).join('; ');
      io.out(`  ${mark} ${title} ${where}${detail ? ` — ${detail}` : ''}\n`);
    };
    switch (result.kind) {
      case 'passed':
        line(color.green('✓'));
        break;
      case 'failed': {
        line(color.red('✗'), [describeNote(result.note, io)]);
        const location = `${read.path}:${(scenario.expected?.lines.start ?? 0) + 1}`;
        const diff = createOutputDiff(result.comparison, {
          expected: t('cli.check.diff.expected', { location }),
          actual: t('cli.check.diff.actual'),
        });
        for (const diffLine of diff) io.out(`      ${color.diff(diffLine)}\n`);
        break;
      }
      case 'no-expected':
        line(color.yellow('○'), [
          t('cli.check.no-expected'),
          result.raised ? t('cli.check.outcome.raised') : describeNote(result.note, io),
        ]);
        break;
      case 'not-runnable': {
        const reason = scenario.notRunnableReason ?? 'fragment';
        line(color.dim('·'), [
          t('cli.check.not-runnable', { reason: describeNotRunnableReason(reason, io.language) }),
        ]);
        break;
      }
      case 'error':
        line(color.red('✗'), [t('cli.check.run-error', { error: result.message })]);
        break;
      default:
        assertNever(result);
    }
  });
}

function describeNote(note: RunNote | null, io: CliIo): string | null {
  if (!note) return null;
  const t = createTranslator(lessonsCatalog, io.language);
  switch (note.outcome) {
    case 'budget':
      return t('cli.check.outcome.budget', {
        budget: t(`cli.check.budget.${note.budget ?? 'wall-time'}`),
      });
    case 'stuck':
      return t('cli.check.outcome.stuck');
    case 'stopped':
      return t('cli.check.outcome.stopped');
    case 'crashed':
      return t('cli.check.outcome.crashed', { error: note.error ?? '' });
    default:
      return assertNever(note.outcome);
  }
}

/** Prints the summary and returns the exit status. */
function summarize(
  checks: LessonCheck[],
  missing: FoundFiles['missing'],
  engineFailure: string | null,
  io: CliIo,
): number {
  const t = createTranslator(lessonsCatalog, io.language);
  for (const { path, message } of missing) {
    io.err(`${formatDiagnostic(path, { severity: 'error', line: null, message }, io.language)}\n`);
  }
  if (engineFailure !== null) io.err(`${t('cli.engine-failed', { error: engineFailure })}\n`);

  const checked = checks.filter((c) => isCheckable(c.read));
  const results = checked.flatMap((c) => c.results);
  const count = (kind: ScenarioResult['kind']) => results.filter((r) => r?.kind === kind).length;
  const passed = count('passed');
  // A run the engine could not make counts against a scenario only when it had an output to match.
  const failed =
    count('failed') +
    checked.reduce(
      (sum, c) =>
        sum +
        c.results.filter((r, i) => r?.kind === 'error' && c.read.lesson?.scenarios[i]?.expected)
          .length,
      0,
    );
  const parts = [
    t('cli.check.summary.passed', { count: passed }),
    failed > 0 ? t('cli.check.summary.failed', { count: failed }) : null,
    count('no-expected') > 0
      ? t('cli.check.summary.no-expected', { count: count('no-expected') })
      : null,
    count('not-runnable') > 0
      ? t('cli.check.summary.not-runnable', { count: count('not-runnable') })
      : null,
  ].filter((part) => part !== null);
  io.out(
    `\n${t('cli.check.summary', {
      lessons: checked.length,
      lessonsWord: plural(io.language, checked.length, t('plural.lessons')),
      scenarios: results.length,
      scenariosWord: plural(io.language, results.length, t('plural.scenarios')),
      parts: parts.join(', '),
    })}\n`,
  );
  const broken = checks.length - checked.length + missing.length;
  if (broken > 0) {
    io.out(
      `${t('cli.check.summary.broken', {
        count: broken,
        filesWord: plural(io.language, broken, t('plural.files')),
      })}\n`,
    );
  }
  if (broken > 0 || engineFailure !== null) return EXIT_BAD_INPUT;
  return failed > 0 ? EXIT_MISMATCH : EXIT_OK;
}

interface Colors {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  /** Colours a line of a unified diff by its first character. */
  diff(line: string): string;
}

function createColors(io: CliIo): Colors {
  const enabled = io.isTTY && !process.env['NO_COLOR'];
  const paint = (code: string) => (text: string) =>
    enabled ? `\x1b[${code}m${text}\x1b[0m` : text;
  const red = paint('31');
  const green = paint('32');
  const cyan = paint('36');
  return {
    bold: paint('1'),
    dim: paint('2'),
    green,
    red,
    yellow: paint('33'),
    diff: (line) =>
      line.startsWith('@@')
        ? cyan(line)
        : line.startsWith('-')
          ? red(line)
          : line.startsWith('+')
            ? green(line)
            : line,
  };
}

function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}
