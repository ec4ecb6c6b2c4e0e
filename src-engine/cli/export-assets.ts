/**
 * What the exports need from node_modules in Node: resvg's WebAssembly, the bundled DejaVu
 * fonts (the `dejavu-fonts-ttf` package) and the emoji font (`@fontsource/noto-emoji`), found
 * next to this module as Node resolves packages.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { RENDERER_DIR, REPLAY_PAGE_FILE } from '../../src-shared/build-paths.mjs';
import { EMOJI_FONT_FILE, embeddedFonts, FONT_FILES } from '../../src-shared/export/font-files.ts';
import type { EmbeddedFont } from '../../src-shared/export/frame-svg.ts';
import type { RasterAssets } from '../../src-shared/export/raster.ts';
import { sfntFromWoff } from '../../src-shared/export/woff.ts';

/**
 * The HTML replay's built page (`npm run build` makes it). This module runs from its source
 * (tests) or bundled into dist/cli (the command line).
 */
export const REPLAY_PAGE_PATH = fileURLToPath(
  new URL(
    `${import.meta.url.includes('/dist/') ? '../' : '../../dist/'}${RENDERER_DIR.replace(/^dist\//, '')}/${REPLAY_PAGE_FILE}`,
    import.meta.url,
  ),
);

const resolvePath = (specifier: string) => fileURLToPath(import.meta.resolve(specifier));

async function readFonts(): Promise<Uint8Array[]> {
  return Promise.all(
    FONT_FILES.map(
      async (font) =>
        new Uint8Array(await readFile(resolvePath(`dejavu-fonts-ttf/ttf/${font.file}`))),
    ),
  );
}

/** The emoji font; its package exports only style sheets, so its files are found beside them. */
async function readEmojiFont(): Promise<Uint8Array> {
  const folder = new URL('./', import.meta.resolve('@fontsource/noto-emoji'));
  return sfntFromWoff(new Uint8Array(await readFile(new URL(EMOJI_FONT_FILE, folder))));
}

export async function loadRasterAssets(): Promise<RasterAssets> {
  const [wasm, fonts, emoji] = await Promise.all([
    readFile(resolvePath('@resvg/resvg-wasm/index_bg.wasm')),
    readFonts(),
    readEmojiFont(),
  ]);
  return { wasm: new Uint8Array(wasm), fonts: [...fonts, emoji] };
}

/** The fonts as an SVG embeds them. */
export async function loadEmbeddedFonts(): Promise<EmbeddedFont[]> {
  return embeddedFonts(await readFonts(), (bytes) => Buffer.from(bytes).toString('base64'));
}
