/**
 * What the exports need from node_modules in Node: resvg's WebAssembly and the bundled DejaVu
 * fonts (the `dejavu-fonts-ttf` package), found next to this module as Node resolves packages.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { EmbeddedFont } from '../../src-shared/export/frame-svg.ts';
import type { RasterAssets } from '../../src-shared/export/raster.ts';

/** The faces the frames use: body text, bold, italic notes; code, its current line, comments. */
const FONT_FILES: readonly (EmbeddedFont & { file: string; italic: boolean })[] = [
  { family: 'DejaVu Sans', weight: 400, italic: false, file: 'DejaVuSans.ttf', base64: '' },
  { family: 'DejaVu Sans', weight: 700, italic: false, file: 'DejaVuSans-Bold.ttf', base64: '' },
  { family: 'DejaVu Sans', weight: 400, italic: true, file: 'DejaVuSans-Oblique.ttf', base64: '' },
  {
    family: 'DejaVu Sans Mono',
    weight: 400,
    italic: false,
    file: 'DejaVuSansMono.ttf',
    base64: '',
  },
  {
    family: 'DejaVu Sans Mono',
    weight: 700,
    italic: false,
    file: 'DejaVuSansMono-Bold.ttf',
    base64: '',
  },
  {
    family: 'DejaVu Sans Mono',
    weight: 400,
    italic: true,
    file: 'DejaVuSansMono-Oblique.ttf',
    base64: '',
  },
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

/** The upright faces as an SVG embeds them (an SVG viewer slants the italic ones itself). */
export async function loadEmbeddedFonts(): Promise<EmbeddedFont[]> {
  const fonts = await readFonts();
  return FONT_FILES.flatMap((font, i) =>
    font.italic
      ? []
      : [
          {
            family: font.family,
            weight: font.weight,
            base64: Buffer.from(fonts[i] as Uint8Array).toString('base64'),
          },
        ],
  );
}
