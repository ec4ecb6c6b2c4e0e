/** The learning loop's counted messages take each language's plural forms. */
import { describe, expect, test } from 'vitest';
import { DOCTOR_RULES } from '../../src-shared/doctor.ts';
import { createLearningLocale, learningCatalog } from '../../src-renderer/i18n/catalog-learning.ts';

describe('counted messages', () => {
  test('English says one and other', () => {
    const { count } = createLearningLocale('en');
    expect(count('doctor.count', 1)).toBe('1 finding');
    expect(count('doctor.count', 2)).toBe('2 findings');
    expect(count('progress.seen', 1)).toBe('1 scenario seen');
    expect(count('progress.seen', 0)).toBe('0 scenarios seen');
  });

  test('Russian says one, few and many', () => {
    const { count } = createLearningLocale('ru');
    expect(count('doctor.count', 1)).toBe('1 замечание');
    expect(count('doctor.count', 3)).toBe('3 замечания');
    expect(count('doctor.count', 5)).toBe('5 замечаний');
    expect(count('doctor.count', 21)).toBe('21 замечание');
    expect(count('progress.seen', 2)).toBe('2 сценария просмотрены');
    expect(count('progress.seen', 11)).toBe('11 сценариев просмотрено');
    expect(count('progress.right', 22)).toBe('22 верных предсказания');
    expect(count('progress.wrong', 1)).toBe('1 неверное предсказание');
  });

  test('numbers are written as each language writes them', () => {
    expect(createLearningLocale('en').number(1.2)).toBe('1.2');
    expect(createLearningLocale('ru').number(1.2)).toBe('1,2');
  });

  test('every counted message has the forms of its language', () => {
    for (const key of [
      'doctor.count',
      'progress.seen',
      'progress.right',
      'progress.wrong',
    ] as const) {
      expect(learningCatalog.en[key].split('|')).toHaveLength(2);
      expect(learningCatalog.ru[key].split('|')).toHaveLength(3);
    }
  });

  test('every rule of the doctor has plain words in both languages, naming what it names', () => {
    for (const language of ['en', 'ru'] as const) {
      const { t } = createLearningLocale(language);
      for (const rule of DOCTOR_RULES) {
        const title = t(`doctor-plain.${rule}.title`, { name: 'worker', seconds: 2 });
        expect(title, `${language} ${rule}`).not.toMatch(/[{}]/);
        expect(t(`doctor-plain.${rule}.explain`).length).toBeGreaterThan(40);
      }
    }
  });
});
