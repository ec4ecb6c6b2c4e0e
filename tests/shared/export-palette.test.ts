/**
 * The app's stylesheet and the exported frames use one palette: every colour the stylesheet
 * sets for a theme is the palette's, and the palette has no colour the stylesheet lacks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PALETTES, type ThemeName } from '../../src-shared/palette.ts';

const css = readFileSync(new URL('../../src-renderer/app.css', import.meta.url), 'utf8');

/** The custom properties set in the rule for a selector, in order. */
function customProperties(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, selector).toBeGreaterThan(-1);
  const body = css.slice(start, css.indexOf('}', start));
  return Object.fromEntries(
    [...body.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{3,8});/g)].map((m) => [m[1], m[2]]),
  );
}

const SELECTORS: Record<ThemeName, string> = {
  light: ":root,\n:root[data-theme='light']",
  dark: ":root[data-theme='dark']",
  contrast: ":root[data-theme='contrast']",
};

describe('the palette', () => {
  for (const theme of Object.keys(SELECTORS) as ThemeName[]) {
    test(`is the stylesheet's ${theme} theme`, () => {
      const palette = PALETTES[theme];
      const expected: Record<string, string> = { ...palette.colors };
      palette.tasks.forEach((color, i) => (expected[`task-${i}`] = color));
      expect(customProperties(SELECTORS[theme])).toEqual(expected);
    });
  }
});
