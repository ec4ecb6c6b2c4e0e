/**
 * What the exports need from node_modules in Node: resvg's WebAssembly and the bundled DejaVu
 * fonts (the `dejavu-fonts-ttf` package), found next to this module as Node resolves packages.
 */
import { assertExists } from '../../src-shared/assert.ts';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { EmbeddedFont } from '../../src-shared/export/frame-svg.ts';
import type { RasterAssets } from '../../src-shared/export/raster.ts';

/**
 * The faces the frames use: body text and bold, code and its current line. Italic text is
 * drawn upright: two more faces would slow every frame for a few hints and comments.
 */
const FONT_FILES: readonly (Omit<EmbeddedFont, 'base64'> & { file: string })[] = [
  { family: 'DejaVu Sans', weight: 400, file: 'DejaVuSans.ttf' },
  { family: 'DejaVu Sans', weight: 700, file: 'DejaVuSans-Bold.ttf' },
  { family: 'DejaVu Sans Mono', weight: 400, file: 'DejaVuSansMono.ttf' },
  { family: 'DejaVu Sans Mono', weight: 700, file: 'DejaVuSansMono-Bold.ttf' },
];

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
  const fonts = await readFonts();
  return FONT_FILES.map((font, i) => ({
    family: font.family,
    weight: font.weight,
    base64: Buffer.from(assertExists(fonts[i], 'a font is read for every file')).toString('base64'),
  }));
}
