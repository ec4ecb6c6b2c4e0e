/** The course progress kept for offline study: what is read back, what a page may send. */
import { describe, expect, test } from 'vitest';
import {
  emptyProgress,
  MAX_LESSONS,
  parseProgress,
  repairProgress,
  resetProgress,
  scenarioProgress,
  summarizeProgress,
  updateScenario,
  type CourseProgress,
} from '../../src-shared/progress.ts';

const key = { language: 'en', lessonId: 'create-task', scenarioId: 'scenario-2' } as const;

describe('reading stored progress', () => {
  test('keeps every valid entry and leaves out the rest', () => {
    const stored = {
      en: {
        'create-task': {
          'scenario-1': { seen: true, predicted: 'right' },
          'scenario-2': { seen: 'yes', predicted: 'right' },
          'scenario-3': { seen: false, predicted: 'maybe' },
          'scenario-4': { seen: false, predicted: null },
        },
        '../etc': { 'scenario-1': { seen: true, predicted: null } },
        gather: 'nothing',
      },
      ru: [],
      de: { x: { y: { seen: true, predicted: null } } },
    };
    expect(repairProgress(stored)).toEqual({
      en: {
        'create-task': {
          'scenario-1': { seen: true, predicted: 'right' },
          'scenario-4': { seen: false, predicted: null },
        },
      },
      ru: {},
    });
  });

  test('anything that is not progress reads as none', () => {
    for (const value of [null, 1, 'x', [], { en: null }]) {
      expect(repairProgress(value)).toEqual(emptyProgress());
    }
  });

  test('names that objects inherit are never read as entries', () => {
    const progress = repairProgress(JSON.parse('{"en":{"__proto__":{"a":{"seen":true}}}}'));
    expect(progress).toEqual(emptyProgress());
    for (const lessonId of ['constructor', 'toString', 'hasOwnProperty']) {
      expect(scenarioProgress(progress, { ...key, lessonId, scenarioId: 'toString' })).toEqual({
        seen: false,
        predicted: null,
      });
    }
    const kept = updateScenario(progress, { ...key, lessonId: 'constructor' }, { seen: true });
    expect(summarizeProgress(kept, 'en')).toEqual({ seen: 1, right: 0, wrong: 0 });
  });

  test('a stored file cannot hold more than a bounded number of lessons', () => {
    const lessons = Object.fromEntries(
      Array.from({ length: MAX_LESSONS + 50 }, (_, i) => [
        `lesson-${i}`,
        { s1: { seen: true, predicted: null } },
      ]),
    );
    expect(Object.keys(repairProgress({ en: lessons }).en)).toHaveLength(MAX_LESSONS);
    expect(() => parseProgress({ en: lessons, ru: {} })).toThrow(/too many lessons/);
  });
});

describe('what a page sends', () => {
  test('valid progress is taken as it is', () => {
    const progress: CourseProgress = {
      en: { 'create-task': { 'scenario-1': { seen: true, predicted: 'wrong' } } },
      ru: {},
    };
    expect(parseProgress(progress)).toEqual(progress);
  });

  test('a bad value is refused, not repaired', () => {
    for (const bad of [
      null,
      [],
      { en: {}, ru: {}, fr: {} },
      { en: { 'a b': {} } },
      { en: { lesson: { s1: { seen: true, predicted: 'right', extra: 1 } } } },
      { en: { lesson: { s1: { seen: 1, predicted: null } } } },
      { ru: 'all of it' },
    ]) {
      expect(() => parseProgress(bad), JSON.stringify(bad)).toThrow();
    }
  });
});

describe('keeping track', () => {
  test('a prediction and a replay seen are kept per scenario and per language', () => {
    let progress = emptyProgress();
    progress = updateScenario(progress, key, { predicted: 'wrong' });
    progress = updateScenario(progress, key, { seen: true });
    progress = updateScenario(
      progress,
      { ...key, scenarioId: 'scenario-3' },
      { predicted: 'right' },
    );
    progress = updateScenario(progress, { ...key, language: 'ru' }, { seen: true });
    expect(scenarioProgress(progress, key)).toEqual({ seen: true, predicted: 'wrong' });
    expect(summarizeProgress(progress, 'en')).toEqual({ seen: 1, right: 1, wrong: 1 });
    expect(summarizeProgress(progress, 'en', 'other')).toEqual({ seen: 0, right: 0, wrong: 0 });
    expect(summarizeProgress(progress, 'ru')).toEqual({ seen: 1, right: 0, wrong: 0 });
    expect(parseProgress(JSON.parse(JSON.stringify(progress)))).toEqual(progress);
  });

  test('nothing changes when nothing is new, and a reset forgets one language only', () => {
    const progress = updateScenario(emptyProgress(), key, { seen: true });
    expect(updateScenario(progress, key, { seen: true })).toBe(progress);
    const reset = resetProgress(
      updateScenario(
        progress,
        { ...key, language: 'ru' },
        {
          seen: true,
        },
      ),
      'en',
    );
    expect(reset.en).toEqual({});
    expect(summarizeProgress(reset, 'ru').seen).toBe(1);
  });
});
