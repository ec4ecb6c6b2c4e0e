/**
 * The student's progress through the bundled course, kept on their own computer so that they
 * can study offline: for each scenario of each lesson, in each language, whether they saw its
 * replay to the end and whether their last prediction of its output was right. The desktop
 * app keeps it in its state file (src-main), the web edition in localStorage (src-web); both
 * read it back through `repairProgress`, and the desktop checks what a page sends with
 * `parseProgress`.
 */
import { LANGUAGES, type Language } from './api.ts';
import { isRecord } from './is-record.ts';

export type PredictionResult = 'right' | 'wrong';

export interface ScenarioProgress {
  /** The replay was watched to its end. */
  seen: boolean;
  /** The last prediction of the scenario's output, or null when none was made. */
  predicted: PredictionResult | null;
}

/** Lesson id → scenario id → progress. */
export type LessonsProgress = Record<string, Record<string, ScenarioProgress>>;

/** Each language's course is followed apart: its lessons are other files. */
export type CourseProgress = Record<Language, LessonsProgress>;

/** Far more than any course: a bound, so that a stored or sent value cannot grow unchecked. */
export const MAX_LESSONS = 200;
export const MAX_SCENARIOS = 200;
/** Lesson ids are the course's (course.ts); scenario ids are the parser's (`s1`, ...). */
const ID = /^[A-Za-z0-9][\w.-]{0,99}$/;

export class ProgressError extends Error {
  override name = 'ProgressError';
}

export function emptyProgress(): CourseProgress {
  return { en: {}, ru: {} };
}

function parseScenario(value: unknown): ScenarioProgress | null {
  // Exactly the two fields: anything else would be kept, and sent, unchecked.
  if (!isRecord(value) || Object.keys(value).length !== 2) return null;
  const { seen, predicted } = value;
  if (typeof seen !== 'boolean') return null;
  if (predicted !== null && predicted !== 'right' && predicted !== 'wrong') return null;
  return { seen, predicted };
}

/**
 * Reads one language's lessons; `strict` throws at the first bad entry, otherwise bad
 * entries are left out and the rest kept.
 */
function readLessons(value: unknown, strict: boolean): LessonsProgress {
  const fail = (why: string): null => {
    if (strict) throw new ProgressError(why);
    return null;
  };
  const lessons: LessonsProgress = {};
  if (!isRecord(value)) return fail('a language must map lessons') ?? lessons;
  for (const [lessonId, scenarios] of Object.entries(value)) {
    if (Object.keys(lessons).length >= MAX_LESSONS) return fail('too many lessons') ?? lessons;
    if (!ID.test(lessonId) || !isRecord(scenarios)) {
      fail(`bad lesson "${lessonId.slice(0, 100)}"`);
      continue;
    }
    const kept: Record<string, ScenarioProgress> = {};
    for (const [scenarioId, entry] of Object.entries(scenarios)) {
      if (Object.keys(kept).length >= MAX_SCENARIOS) {
        fail('too many scenarios');
        break;
      }
      const scenario = ID.test(scenarioId) ? parseScenario(entry) : null;
      if (scenario) kept[scenarioId] = scenario;
      else fail(`bad scenario "${scenarioId.slice(0, 100)}"`);
    }
    if (Object.keys(kept).length > 0) lessons[lessonId] = kept;
  }
  return lessons;
}

/** Reads stored progress, keeping every valid entry and leaving out the rest. */
export function repairProgress(value: unknown): CourseProgress {
  const progress = emptyProgress();
  if (!isRecord(value)) return progress;
  for (const language of LANGUAGES) {
    progress[language] = isRecord(value[language]) ? readLessons(value[language], false) : {};
  }
  return progress;
}

/**
 * Checks progress a page sends to be kept. Unlike reading stored progress, a bad value is an
 * error: the page is ours, so a wrong value is a bug to report, not a file to repair.
 */
export function parseProgress(value: unknown): CourseProgress {
  if (!isRecord(value)) throw new ProgressError('progress must be an object');
  for (const key of Object.keys(value)) {
    if (!LANGUAGES.some((language) => language === key)) {
      throw new ProgressError(`unknown language "${key.slice(0, 20)}"`);
    }
  }
  const progress = emptyProgress();
  for (const language of LANGUAGES) {
    progress[language] = Object.hasOwn(value, language) ? readLessons(value[language], true) : {};
  }
  return progress;
}

export interface ScenarioKey {
  language: Language;
  lessonId: string;
  scenarioId: string;
}

/** An entry of a record that is its own, never one inherited (`constructor`, `toString`). */
function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function scenarioProgress(progress: CourseProgress, key: ScenarioKey): ScenarioProgress {
  const lesson = own(progress[key.language], key.lessonId);
  return (lesson && own(lesson, key.scenarioId)) ?? { seen: false, predicted: null };
}

/** The progress with one scenario's entry changed; the same object when nothing changes. */
export function updateScenario(
  progress: CourseProgress,
  key: ScenarioKey,
  patch: Partial<ScenarioProgress>,
): CourseProgress {
  if (!ID.test(key.lessonId) || !ID.test(key.scenarioId)) return progress;
  const before = scenarioProgress(progress, key);
  const after = { ...before, ...patch };
  if (after.seen === before.seen && after.predicted === before.predicted) return progress;
  const lessons = progress[key.language];
  const lesson = own(lessons, key.lessonId) ?? {};
  const full =
    (!Object.hasOwn(lessons, key.lessonId) && Object.keys(lessons).length >= MAX_LESSONS) ||
    (!Object.hasOwn(lesson, key.scenarioId) && Object.keys(lesson).length >= MAX_SCENARIOS);
  if (full) return progress;
  return {
    ...progress,
    [key.language]: { ...lessons, [key.lessonId]: { ...lesson, [key.scenarioId]: after } },
  };
}

/** Forgets one language's progress; the other's stays. */
export function resetProgress(progress: CourseProgress, language: Language): CourseProgress {
  return { ...progress, [language]: {} };
}

export interface ProgressSummary {
  seen: number;
  right: number;
  wrong: number;
}

/** Counts over one language's course, or over one of its lessons. */
export function summarizeProgress(
  progress: CourseProgress,
  language: Language,
  lessonId?: string,
): ProgressSummary {
  const summary: ProgressSummary = { seen: 0, right: 0, wrong: 0 };
  const lessons = progress[language];
  const ids = lessonId === undefined ? Object.keys(lessons) : [lessonId];
  for (const id of ids) {
    for (const entry of Object.values(own(lessons, id) ?? {})) {
      if (entry.seen) summary.seen++;
      if (entry.predicted === 'right') summary.right++;
      if (entry.predicted === 'wrong') summary.wrong++;
    }
  }
  return summary;
}
