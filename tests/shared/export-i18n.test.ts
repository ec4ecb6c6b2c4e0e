/**
 * The exported frames speak the app's words: every key the export's catalog shares with the
 * user interface's catalog reads the same in both, in both languages.
 */
import { describe, expect, test } from 'vitest';
import { uiCatalog } from '../../src-renderer/i18n/catalog-ui.ts';
import { exportCatalog } from '../../src-shared/i18n/catalog-export.ts';
import { plural } from '../../src-shared/i18n/translate.ts';

describe('the export catalog', () => {
  for (const language of ['en', 'ru'] as const) {
    test(`reads as the app does in ${language}`, () => {
      const ui: Record<string, string> = uiCatalog[language];
      const shared = Object.entries(exportCatalog[language]).filter(([key]) => key in ui);
      expect(shared.length).toBeGreaterThan(50);
      for (const [key, text] of shared) expect([key, text]).toEqual([key, ui[key]]);
    });
  }
});

describe('plural forms', () => {
  test('follow CLDR: one, few, many in Russian; one, other in English', () => {
    const ru = (n: number) => plural('ru', n, 'задача|задачи|задач');
    expect([1, 2, 5, 11, 21, 22, 25, 111, 1.5].map(ru)).toEqual([
      'задача',
      'задачи',
      'задач',
      'задач',
      'задача',
      'задачи',
      'задач',
      'задач',
      'задачи',
    ]);
    expect([0, 1, 2, 1.5].map((n) => plural('en', n, 'task|tasks'))).toEqual([
      'tasks',
      'task',
      'tasks',
      'tasks',
    ]);
  });
});
