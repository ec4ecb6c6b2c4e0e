/**
 * `loopscope scenarios LESSON.md [--json]`: lists a lesson's scenarios with their titles,
 * whether they can run and whether the lesson shows their expected output.
 */
import { lessonsCatalog } from '../../src-shared/i18n/catalog-lessons.ts';
import { plural } from '../../src-shared/i18n/translate.ts';
import type { Lesson } from '../../src-shared/lesson/model.ts';
import { describeNotRunnableReason, scenarioDisplayTitle } from '../../src-shared/lesson/parse.ts';
import { formatDiagnostic, readLessonFile, type CliIo, type Diagnostic } from './io.ts';
import {
  createTerminalTranslator,
  escapeJson,
  escapeLine,
  TITLE_WIDTH,
  truncateColumns,
} from './terminal-text.ts';

const EXIT_OK = 0;
const EXIT_BAD_INPUT = 2;

export async function scenariosCommand(args: string[], io: CliIo): Promise<number> {
  const t = createTerminalTranslator(lessonsCatalog, io.language);
  let json = false;
  const paths: string[] = [];
  let optionsEnded = false;
  for (const arg of args) {
    if (optionsEnded || !arg.startsWith('-') || arg === '-') paths.push(arg);
    else if (arg === '--') optionsEnded = true;
    else if (arg === '--json') json = true;
    else if (arg === '-h' || arg === '--help') {
      io.out(`${t('cli.scenarios.usage')}\n`);
      return EXIT_OK;
    } else {
      io.err(`${t('cli.unknown-option', { option: arg })}\n${t('cli.scenarios.usage')}\n`);
      return EXIT_BAD_INPUT;
    }
  }
  const [path] = paths;
  if (path === undefined || paths.length > 1) {
    io.err(`${t('cli.one-file')}\n${t('cli.scenarios.usage')}\n`);
    return EXIT_BAD_INPUT;
  }

  const read = await readLessonFile(path, io.language);
  for (const diagnostic of read.diagnostics) {
    io.err(`${formatDiagnostic(path, diagnostic, io.language)}\n`);
  }
  const failed = read.diagnostics.some((d) => d.severity === 'error');
  if (!read.lesson) return EXIT_BAD_INPUT;
  io.out(json ? describeAsJson(read.lesson, read.diagnostics) : describeAsTable(read.lesson, io));
  return failed ? EXIT_BAD_INPUT : EXIT_OK;
}

function describeAsJson(lesson: Lesson, diagnostics: Diagnostic[]): string {
  const description = {
    file: lesson.fileName,
    title: lesson.title,
    scenarios: lesson.scenarios.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      lines: s.lines,
      language: s.language,
      runnable: s.runnable,
      notRunnableReason: s.notRunnableReason,
      hasExpectedOutput: s.expected !== null,
      expectedOutput: s.expected && {
        text: s.expected.text,
        lines: s.expected.lines,
        label: s.expected.label,
      },
      code: s.code,
      explanation: s.explanation.text,
      discussion: s.discussion.text,
    })),
    problems: diagnostics,
  };
  return `${escapeJson(JSON.stringify(description, null, 2))}\n`;
}

function describeAsTable(lesson: Lesson, io: CliIo): string {
  const t = createTerminalTranslator(lessonsCatalog, io.language);
  const { scenarios } = lesson;
  const runnable = scenarios.filter((s) => s.runnable).length;
  const expected = scenarios.filter((s) => s.expected).length;
  const header = [
    `${escapeLine(lesson.fileName)} — ${truncateColumns(escapeLine(lesson.title), TITLE_WIDTH)}`,
    t('cli.scenarios.summary', {
      count: scenarios.length,
      scenarios: plural(io.language, scenarios.length, t('plural.scenarios')),
      runnable,
      expected,
    }),
  ];
  if (scenarios.length === 0) return `${header.join('\n')}\n`;

  const rows = [
    [
      t('cli.scenarios.column.number'),
      t('cli.scenarios.column.lines'),
      t('cli.scenarios.column.runnable'),
      t('cli.scenarios.column.expected'),
      t('cli.scenarios.column.title'),
    ],
    ...scenarios.map((s) => [
      String(s.number),
      t('cli.lines', { start: s.lines.start, end: s.lines.end }),
      s.runnable ? t('cli.yes') : t('cli.no'),
      s.expected ? t('cli.yes') : t('cli.no'),
      // A title is a lesson's heading, one line of any length: cut as `check` cuts it.
      truncateColumns(escapeLine(scenarioDisplayTitle(s, io.language)), TITLE_WIDTH) +
        (s.notRunnableReason
          ? ` (${describeNotRunnableReason(s.notRunnableReason, io.language)})`
          : ''),
    ]),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((r) => r[column]?.length ?? 0)));
  const table = rows.map((row) =>
    row
      .map((cell, column) =>
        column === row.length - 1 ? cell : cell.padEnd(widths?.[column] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
  return `${[...header, '', ...table.map((line) => `  ${line}`)].join('\n')}\n`;
}
