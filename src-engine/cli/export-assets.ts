/**
 * What the exports need from node_modules in Node: resvg's WebAssembly and the bundled DejaVu
 * fonts (the `dejavu-fonts-ttf` package), found next to this module as Node resolves packages.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { RENDERER_DIR, REPLAY_PAGE_FILE } from '../../src-shared/build-paths.mjs';
import { embeddedFonts, FONT_FILES } from '../../src-shared/export/font-files.ts';
import type { EmbeddedFont } from '../../src-shared/export/frame-svg.ts';
import type { RasterAssets } from '../../src-shared/export/raster.ts';

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

export async function loadRasterAssets(): Promise<RasterAssets> {
  const [wasm, fonts] = await Promise.all([
    readFile(resolvePath('@resvg/resvg-wasm/index_bg.wasm')),
    readFonts(),
  ]);
  return { wasm: new Uint8Array(wasm), fonts };
}

/** The fonts as an SVG embeds them. */
export async function loadEmbeddedFonts(): Promise<EmbeddedFont[]> {
  return embeddedFonts(await readFonts(), (bytes) => Buffer.from(bytes).toString('base64'));
}
