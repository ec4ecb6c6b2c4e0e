/**
 * What the app tells a teacher about an opened lesson file's problems (an unclosed code block,
 * a Python block inside a list...): how many, and each with its line, in the user's language.
 */
import { describeLessonProblem } from '../../src-shared/lesson/parse.ts';
import type { LessonProblem } from '../../src-shared/lesson/model.ts';
import type { Locale } from '../i18n/format.ts';

/** `1 error, 2 warnings`; `2 ошибки, 1 предупреждение`. */
export function problemSummary(problems: readonly LessonProblem[], locale: Locale): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const parts: string[] = [];
  if (errors > 0) parts.push(locale.count(errors, 'noun.lesson-errors'));
  if (warnings > 0) parts.push(locale.count(warnings, 'noun.lesson-warnings'));
  return parts.join(', ');
}

/** A problem as one line: where it is and how bad (`Line 24, error:`), then what is wrong. */
export function describeProblem(
  problem: LessonProblem,
  locale: Locale,
): { where: string; what: string } {
  const error = problem.severity === 'error';
  const where =
    problem.line === null
      ? locale.t(error ? 'lesson.problem-error-file' : 'lesson.problem-warning-file')
      : locale.t(error ? 'lesson.problem-error' : 'lesson.problem-warning', {
          line: problem.line,
        });
  return { where, what: describeLessonProblem(problem, locale.language) };
}
