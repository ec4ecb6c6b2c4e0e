/**
 * What `loopscope check` prints: each lesson's results as its runs end (in the lessons' order),
 * a progress line on a terminal, and the summary. Everything a lesson controls (its file name,
 * its scenarios' titles, the diffs of their output, the engine's errors) is printed with its
 * control characters escaped (`terminal-text.ts`).
 */
import { lessonsCatalog } from '../../src-shared/i18n/catalog-lessons.ts';
import { plural } from '../../src-shared/i18n/translate.ts';
import { DIFF_LINE_CHARS, type OutputDiff } from '../../src-shared/lesson/compare.ts';
import { describeNotRunnableReason, scenarioDisplayTitle } from '../../src-shared/lesson/parse.ts';
import { assertNever, type BudgetKind } from '../../src-shared/trace.ts';
import { formatDiagnostic, type CliIo, type LessonReadResult } from './io.ts';
import {
  createTerminalTranslator,
  escapeLine,
  TITLE_WIDTH,
  truncateColumns as truncate,
} from './terminal-text.ts';

/** How a run ended, when its output alone does not tell. */
export interface RunNote {
  outcome: 'budget' | 'stuck' | 'stopped' | 'crashed';
  budget: BudgetKind | null;
  error: string | null;
}

export type ScenarioResult =
  | { kind: 'passed'; note: RunNote | null }
  | {
      kind: 'failed';
      /** The diff's hunks (without its two header lines), from the expected output to the run's. */
      diff: OutputDiff;
      note: RunNote | null;
      askedForInput: boolean;
    }
  | { kind: 'no-expected'; note: RunNote | null; raised: boolean; askedForInput: boolean }
  | { kind: 'not-runnable' }
  | { kind: 'error'; message: string };

export interface LessonCheck {
  read: LessonReadResult;
  /** False when the lesson could not be read or has errors: its scenarios are not run. */
  checkable: boolean;
  /** One per scenario: null until its run ends, and for every scenario of a lesson not checked. */
  results: (ScenarioResult | null)[];
  /** Runs still to come; the lesson is printed when none are left. */
  pending: number;
}

/** The counts the summary gives. */
export interface CheckSummary {
  lessons: number;
  scenarios: number;
  passed: number;
  /** Mismatches, and runs the engine could not make of scenarios with an expected output. */
  failed: number;
  noExpected: number;
  notRunnable: number;
  /** Files that could not be checked: unreadable, broken, or named but missing. */
  broken: number;
}

export interface Screen {
  /** Writes results, keeping the progress line below them. */
  write(print: () => void): void;
  /** Shows a progress line on stderr, or removes it when given null. */
  progress(text: string | null): void;
}

export function createScreen(io: CliIo): Screen {
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
      current =
        text === null ? null : truncate(escapeLine(text), (process.stderr.columns || 80) - 1);
      draw();
    },
  };
}

export function printLesson(check: LessonCheck, io: CliIo): void {
  const t = createTerminalTranslator(lessonsCatalog, io.language);
  const { read } = check;
  const color = createColors(io);
  for (const diagnostic of read.diagnostics) {
    io.err(`${formatDiagnostic(read.path, diagnostic, io.language)}\n`);
  }
  const lesson = read.lesson;
  if (!lesson || !check.checkable) return;
  const path = escapeLine(read.path);
  io.out(`${color.bold(path)}\n`);
  lesson.scenarios.forEach((scenario, i) => {
    const result = check.results[i];
    if (!result) return;
    const title = truncate(escapeLine(scenarioDisplayTitle(scenario, io.language)), TITLE_WIDTH);
    const where = color.dim(`(${t('cli.check.line', { line: scenario.lines.start })})`);
    const line = (mark: string, details: (string | null)[] = []) => {
      const detail = details.filter((d) => d !== null).join('; ');
      io.out(`  ${mark} ${title} ${where}${detail ? ` — ${detail}` : ''}\n`);
    };
    switch (result.kind) {
      case 'passed':
        line(color.green('✓'), [describeNote(result.note, io)]);
        break;
      case 'failed': {
        line(color.red('✗'), [describeNote(result.note, io)]);
        if (result.askedForInput) io.out(`      ${color.yellow(t('cli.check.no-input'))}\n`);
        const location = `${path}:${(scenario.expected?.lines.start ?? 0) + 1}`;
        const diff = result.diff;
        const headers = [
          `--- ${t('cli.check.diff.expected', { location })}`,
          `+++ ${t('cli.check.diff.actual')}`,
        ];
        for (const diffLine of [...headers, ...diff.lines])
          io.out(`      ${color.diff(escapeLine(diffLine))}\n`);
        if (diff.omitted > 0) {
          const count = diff.omitted;
          const lines = plural(io.language, count, t('plural.lines'));
          io.out(`      ${color.dim(t('cli.check.diff.more', { count, lines }))}\n`);
        }
        if (diff.shortened > 0) {
          const shortened = { count: diff.shortened, max: DIFF_LINE_CHARS };
          io.out(`      ${color.dim(t('cli.check.diff.shortened', shortened))}\n`);
        }
        break;
      }
      case 'no-expected':
        line(color.yellow('○'), [
          t('cli.check.no-expected'),
          result.raised ? t('cli.check.outcome.raised') : describeNote(result.note, io),
          result.askedForInput ? t('cli.check.no-input') : null,
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
        line(color.red('✗'), [t('cli.check.run-error', { error: escapeLine(result.message) })]);
        break;
      default:
        assertNever(result);
    }
  });
}

function describeNote(note: RunNote | null, io: CliIo): string | null {
  if (!note) return null;
  const t = createTerminalTranslator(lessonsCatalog, io.language);
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
      return t('cli.check.outcome.crashed', { error: escapeLine(note.error ?? '') });
    default:
      return assertNever(note.outcome);
  }
}

/** Prints what could not be checked, then the summary line. */
export function printSummary(
  summary: CheckSummary,
  missing: readonly { path: string; message: string }[],
  engineFailure: string | null,
  io: CliIo,
): void {
  const t = createTerminalTranslator(lessonsCatalog, io.language);
  for (const { path, message } of missing) {
    io.err(`${formatDiagnostic(path, { severity: 'error', line: null, message }, io.language)}\n`);
  }
  if (engineFailure !== null) {
    io.err(`${t('cli.engine-failed', { error: escapeLine(engineFailure) })}\n`);
  }
  const parts = [
    t('cli.check.summary.passed', { count: summary.passed }),
    summary.failed > 0 ? t('cli.check.summary.failed', { count: summary.failed }) : null,
    summary.noExpected > 0
      ? t('cli.check.summary.no-expected', { count: summary.noExpected })
      : null,
    summary.notRunnable > 0
      ? t('cli.check.summary.not-runnable', { count: summary.notRunnable })
      : null,
  ].filter((part) => part !== null);
  io.out(
    `\n${t('cli.check.summary', {
      lessons: summary.lessons,
      lessonsWord: plural(io.language, summary.lessons, t('plural.lessons')),
      scenarios: summary.scenarios,
      scenariosWord: plural(io.language, summary.scenarios, t('plural.scenarios')),
      parts: parts.join(', '),
    })}\n`,
  );
  if (summary.broken > 0) {
    io.out(
      `${t('cli.check.summary.broken', {
        count: summary.broken,
        filesWord: plural(io.language, summary.broken, t('plural.files')),
      })}\n`,
    );
  }
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
