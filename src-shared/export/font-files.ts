/**
 * The faces the frames use, from the `dejavu-fonts-ttf` package: body text and bold, code and
 * its current line. Italic text is drawn upright: two more faces would slow every frame for a
 * few hints and comments. The command line reads them from node_modules, the page fetches them.
 */
import type { EmbeddedFont } from './frame-svg.ts';

export const FONT_FILES: readonly (Omit<EmbeddedFont, 'base64'> & { file: string })[] = [
  { family: 'DejaVu Sans', weight: 400, file: 'DejaVuSans.ttf' },
  { family: 'DejaVu Sans', weight: 700, file: 'DejaVuSans-Bold.ttf' },
  { family: 'DejaVu Sans Mono', weight: 400, file: 'DejaVuSansMono.ttf' },
  { family: 'DejaVu Sans Mono', weight: 700, file: 'DejaVuSansMono-Bold.ttf' },
];

/**
 * Emoji a program prints, drawn in one colour, from the `@fontsource/noto-emoji` package (its
 * subset with every emoji): resvg falls back to it for what DejaVu lacks. It ships as WOFF
 * (`woff.ts` unwraps it); an SVG export does not embed it.
 */
export const EMOJI_FONT_FILE = 'files/noto-emoji-emoji-400-normal.woff';

/** The fonts' bytes, in FONT_FILES's order, as an SVG embeds them. */
export function embeddedFonts(
  fonts: readonly Uint8Array[],
  toBase64: (bytes: Uint8Array) => string,
): EmbeddedFont[] {
  return FONT_FILES.map((font, i) => ({
    family: font.family,
    weight: font.weight,
    base64: toBase64(fonts[i] ?? new Uint8Array()),
  }));
}
