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
import { compareOutput, createOutputDiff } from '../../src-shared/lesson/compare.ts';
import type { Scenario } from '../../src-shared/lesson/model.ts';
import { assertNever, isInputEof } from '../../src-shared/trace.ts';
import { NodeEngine, type ProgramResult } from '../node/engine.ts';
import {
  createScreen,
  printLesson,
  printSummary,
  type CheckSummary,
  type LessonCheck,
  type RunNote,
  type ScenarioResult,
} from './check-reporter.ts';
import { readLessonFile, type CliIo, type LessonReadResult } from './io.ts';
import { describeFileError, errorMessage, isErrorCode } from './read-file.ts';
import { createTerminalTranslator, escapeLine } from './terminal-text.ts';

const EXIT_OK = 0;
const EXIT_MISMATCH = 1;
const EXIT_BAD_INPUT = 2;
const MAX_JOBS = 16;
/** Each engine holds a whole Python interpreter; a few are enough to keep the cores busy. */
const DEFAULT_MAX_JOBS = 4;
/** Lessons read beyond the first one not yet reported, so that engines never wait for a read. */
const READ_AHEAD = 8;

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
  const t = createTerminalTranslator(lessonsCatalog, io.language);
  const started = performance.now();
  const options = parseOptions(args, io);
  if (typeof options === 'number') return options;

  const found = await findLessonFiles(options.paths, io);
  // Lessons are read as the engines need their scenarios, never more than READ_AHEAD past the
  // first one not yet reported, and each keeps only what its report needs: a folder of a
  // thousand links to one 5 MB lesson was read and parsed whole, all at once, into 10 GB.
  const checks: LessonCheck[] = [];
  const queue: Job[] = [];
  let nextFile = 0;
  let reading: Promise<void> | null = null;
  let waiting: (() => void)[] = [];

  const screen = createScreen(io);
  let printed = 0;
  const printFinished = () => {
    while (printed < checks.length && checks[printed]?.pending === 0) {
      const check = checks[printed];
      printed += 1;
      if (!check) continue;
      try {
        screen.write(() => printLesson(check, io));
      } catch (error) {
        // One lesson's report that cannot be written does not take the others' with it.
        io.err(
          `${t('cli.check.report-failed', { path: escapeLine(check.read.path), error: errorMessage(error) })}\n`,
        );
      }
    }
    const woken = waiting;
    waiting = [];
    for (const wake of woken) wake();
  };

  const readNext = async () => {
    const path = found.files[nextFile++] ?? '';
    const check = createLessonCheck(await readLessonFile(path, io.language));
    const scenarios = check.read.lesson?.scenarios ?? [];
    if (check.checkable) {
      scenarios.forEach((scenario, index) => {
        if (scenario.runnable) queue.push({ check, index, scenario });
      });
    }
    check.read = keepForReport(check.read);
    checks.push(check);
    printFinished();
  };

  /** The next scenario to run, reading the next lesson when none is left; null at the end. */
  const nextJob = async (): Promise<Job | null> => {
    for (;;) {
      const job = queue.shift();
      if (job) return job;
      if (reading) {
        await reading;
        continue;
      }
      if (nextFile >= found.files.length) return null;
      if (nextFile >= printed + READ_AHEAD) {
        // The lessons read are still running: their reports free the way.
        await new Promise<void>((wake) => waiting.push(wake));
        continue;
      }
      reading = readNext().finally(() => (reading = null));
      await reading;
    }
  };

  let done = 0;
  const showProgress = (file: string) =>
    screen.progress(
      done === 0
        ? t('cli.check.progress.starting')
        : t('cli.check.progress', { done, total: found.files.length, file }),
    );
  if (found.files.length > 0) showProgress('');
  const engineFailure = await runJobs(nextJob, options.jobs, (job, result) => {
    job.check.results[job.index] = result;
    job.check.pending -= 1;
    printFinished();
    done = printed;
    if (printed < found.files.length) showProgress(job.check.read.path);
  });
  screen.progress(null);

  const summary = summarize(checks, found.missing.length);
  printSummary(summary, found.missing, engineFailure, io);
  io.out(
    `${t('cli.check.summary.time', { seconds: ((performance.now() - started) / 1000).toFixed(1) })}\n`,
  );
  if (summary.broken > 0 || engineFailure !== null) return EXIT_BAD_INPUT;
  return summary.failed > 0 ? EXIT_MISMATCH : EXIT_OK;
}

function parseOptions(args: string[], io: CliIo): Options | number {
  const t = createTerminalTranslator(lessonsCatalog, io.language);
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
  const t = createTerminalTranslator(lessonsCatalog, io.language);
  const found: FoundFiles = { files: [], missing: [] };
  const unreadable = (path: string, error: unknown) =>
    found.missing.push({
      path,
      message: t('cli.unreadable', { error: describeFileError(error, io.language) }),
    });
  for (const path of paths) {
    let inFolder: string[];
    try {
      inFolder = await listMarkdownFiles(path, unreadable);
    } catch (error) {
      if (isErrorCode(error, 'ENOTDIR')) {
        // A lesson is Markdown: a program (or anything else) named here is not checked.
        if (/\.md$/i.test(path)) found.files.push(path);
        else found.missing.push({ path, message: t('cli.check.not-a-lesson') });
      } else if (isErrorCode(error, 'ENOENT'))
        found.missing.push({ path, message: t('cli.not-found') });
      else
        found.missing.push({
          path,
          message: t('cli.unreadable', { error: describeFileError(error, io.language) }),
        });
      continue;
    }
    if (inFolder.length === 0) found.missing.push({ path, message: t('cli.empty-folder') });
    found.files.push(...inFolder);
  }
  // A file named twice, or inside a folder also named, is checked once.
  found.files = [...new Set(found.files)];
  return found;
}

/**
 * The `*.md` files under `folder`. A folder inside it that cannot be read is reported to
 * `unreadable`, and the others are still listed.
 */
async function listMarkdownFiles(
  folder: string,
  unreadable: (path: string, error: unknown) => void,
): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => compareCodePoints(a.name, b.name))) {
    // Editors keep their own folders next to the notes (.obsidian, .trash, .git).
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      try {
        files.push(...(await listMarkdownFiles(path, unreadable)));
      } catch (error) {
        unreadable(path, error);
      }
    } else if (/\.md$/i.test(entry.name)) files.push(path);
  }
  return files;
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * What a lesson's report needs of it once its scenarios are queued: the titles, lines and
 * kinds of its scenarios, not their code, prose or expected output (a job holds its own).
 */
function keepForReport(read: LessonReadResult): LessonReadResult {
  const lesson = read.lesson;
  if (!lesson) return read;
  const noProse = { html: '', text: '' };
  return {
    ...read,
    lesson: {
      ...lesson,
      sections: [],
      blocks: [],
      scenarios: lesson.scenarios.map((scenario) => ({
        ...scenario,
        code: '',
        explanation: noProse,
        discussion: noProse,
        expected: scenario.expected ? { ...scenario.expected, text: '' } : null,
      })),
    },
  };
}

function createLessonCheck(read: LessonReadResult): LessonCheck {
  const scenarios = read.lesson?.scenarios ?? [];
  const checkable = read.lesson !== null && !read.diagnostics.some((d) => d.severity === 'error');
  return {
    read,
    checkable,
    results: scenarios.map((s) => (checkable && !s.runnable ? { kind: 'not-runnable' } : null)),
    pending: checkable ? scenarios.filter((s) => s.runnable).length : 0,
  };
}

// --- Running ------------------------------------------------------------------------------

/**
 * Runs the jobs on `size` engines, each taking the next job when it is free (an engine starts
 * with its first job). Returns why the engines could not start, or null when they did.
 */
async function runJobs(
  nextJob: () => Promise<Job | null>,
  size: number,
  onResult: (job: Job, result: ScenarioResult) => void,
): Promise<string | null> {
  let startFailure: string | null = null;
  const worker = async () => {
    let engine: NodeEngine | null = null;
    for (let job = await nextJob(); job; job = await nextJob()) {
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
  // Many short runs, back to back: the children compile with the baseline compiler only.
  const engine = new NodeEngine({ compilation: 'baseline' });
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
  // `check` gives a program no input: one that asks is told why `input()` failed.
  const askedForInput = result.events.some(
    (e) => (e.kind === 'exception' || e.kind === 'future.exception') && isInputEof(e.exc),
  );
  if (!scenario.expected) {
    return { kind: 'no-expected', note, raised: result.outcome === 'raised', askedForInput };
  }
  const comparison = compareOutput(scenario.expected.text, result.terminal);
  // A run a budget or the engine stopped can still print what the lesson shows: said, too.
  if (comparison.matches) return { kind: 'passed', note };
  // Only the diff is kept until the lesson is reported, not what the program printed: a
  // lesson's scenarios may each print up to the output budget (16 MB), and hundreds of them
  // wait for the slowest one. The reporter writes the diff's headers, which name the lesson.
  const { lines, omitted, shortened } = createOutputDiff(comparison, { expected: '', actual: '' });
  return {
    kind: 'failed',
    diff: { lines: lines.slice(2), omitted, shortened },
    note,
    askedForInput,
  };
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

/** The summary's counts. */
function summarize(checks: LessonCheck[], missing: number): CheckSummary {
  const checked = checks.filter((c) => c.checkable);
  const results = checked.flatMap((c) => c.results);
  const count = (kind: ScenarioResult['kind']) => results.filter((r) => r?.kind === kind).length;
  // A run the engine could not make counts against a scenario only when it had an output to match.
  const errors = checked.reduce(
    (sum, c) =>
      sum +
      c.results.filter((r, i) => r?.kind === 'error' && c.read.lesson?.scenarios[i]?.expected)
        .length,
    0,
  );
  return {
    lessons: checked.length,
    scenarios: results.length,
    passed: count('passed'),
    failed: count('failed') + errors,
    noExpected: count('no-expected'),
    notRunnable: count('not-runnable'),
    broken: checks.length - checked.length + missing,
  };
}
