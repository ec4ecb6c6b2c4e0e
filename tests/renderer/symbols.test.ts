/**
 * No symbol of the interface depends on a font the computer may not have: a school's Linux PC
 * drew the media buttons' ⏮ ⏸ ⏭ as empty boxes. Text is letters, digits and common
 * punctuation (in every font that has Latin and Cyrillic letters); every other symbol is an
 * SVG icon shipped in the app (src-renderer/lib/icons.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiCatalog } from '../../src-renderer/i18n/catalog-ui.ts';

/**
 * ASCII, Latin-1 (× · « » é), Cyrillic, and the general punctuation of running text: dashes,
 * quotes, the ellipsis; and the numero sign.
 */
const TEXT =
  /^[\t\n\u0020-\u007e\u00a0-\u00ff\u0400-\u04ff\u2010-\u2015\u2018-\u201f\u2026\u2116]*$/u;

function symbolsIn(text: string): string[] {
  return [...text].filter((char) => !TEXT.test(char));
}

/** The source without its comments: they may draw arrows for the reader of the code. */
function withoutComments(source: string): string {
  return source
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const ROOT = new URL('../../src-renderer/', import.meta.url).pathname;

function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder))
    .filter((name) => /\.(svelte|ts)$/.test(name))
    .map((name) => join(folder, name));
}

describe('no symbol depends on a system font', () => {
  for (const language of ['en', 'ru'] as const) {
    it(`the ${language} catalog writes only text`, () => {
      const found = Object.entries(uiCatalog[language]).flatMap(([key, message]) =>
        symbolsIn(message).map(
          (char) => `${key}: ${char} (U+${char.codePointAt(0)?.toString(16)})`,
        ),
      );
      expect(found).toEqual([]);
    });
  }

  it('the components, views and helpers draw every other symbol as an icon', () => {
    const files = [...sources('components'), ...sources('viz'), ...sources('lib'), 'App.svelte'];
    expect(files.length).toBeGreaterThan(30);
    const found = files.flatMap((file) =>
      symbolsIn(withoutComments(readFileSync(join(ROOT, file), 'utf8'))).map(
        (char) => `${file}: ${char} (U+${char.codePointAt(0)?.toString(16)})`,
      ),
    );
    expect(found).toEqual([]);
  });
});
