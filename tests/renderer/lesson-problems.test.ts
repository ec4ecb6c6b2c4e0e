import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLesson, scenarioDisplayTitle } from '../../src-shared/lesson/parse.ts';
import type { LessonProblem } from '../../src-shared/lesson/model.ts';
import { createLocale } from '../../src-renderer/i18n/format.ts';
import { describeProblem, problemSummary } from '../../src-renderer/lib/lesson-problems.ts';

const en = createLocale('en');
const ru = createLocale('ru');

describe('a lesson file’s problems, as the app tells them', () => {
  const error: LessonProblem = { kind: 'unterminated-fence', severity: 'error', line: 24 };
  const warning: LessonProblem = { kind: 'nested-code', severity: 'warning', line: 7 };
  const noCode: LessonProblem = { kind: 'no-code', severity: 'warning', line: null };

  it('counts errors and warnings with the right plural forms', () => {
    expect(problemSummary([error], en)).toBe('1 error');
    expect(problemSummary([error, error, warning], en)).toBe('2 errors, 1 warning');
    expect(problemSummary([error], ru)).toBe('1 ошибка');
    expect(problemSummary([error, error, warning], ru)).toBe('2 ошибки, 1 предупреждение');
    expect(problemSummary(Array<LessonProblem>(5).fill(warning), ru)).toBe('5 предупреждений');
  });

  it('says each with its line and how bad it is', () => {
    expect(describeProblem(error, en)).toEqual({
      where: 'Line 24, error:',
      what: 'the code block opened on this line is never closed; add a closing ``` line',
    });
    expect(describeProblem(warning, ru).where).toBe('Строка 7, предупреждение:');
    expect(describeProblem(noCode, en).where).toBe('Warning:');
  });
});

describe('scenario titles', () => {
  const lesson = parseLesson(
    readFileSync(new URL('../../assets/lessons/01-create-task.en.md', import.meta.url), 'utf8'),
    '01-create-task.en.md',
  );

  it('are told apart when two examples share a heading', () => {
    const titles = lesson.scenarios.map((s) => scenarioDisplayTitle(s, 'en', lesson.scenarios));
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles.filter((t) => t.endsWith('(example 2)'))).toHaveLength(1);
    const second = lesson.scenarios.find((s) =>
      scenarioDisplayTitle(s, 'ru', lesson.scenarios).endsWith('(пример 2)'),
    );
    expect(second?.title).toMatch(/^3\. /);
  });
});
