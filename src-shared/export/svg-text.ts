/**
 * Text for the exported SVG: the fonts it names, how wide a string will be drawn (to cut what
 * does not fit), XML escaping, and Python code split into coloured runs, line by line.
 */
import { highlightCode, tagHighlighter, tags } from '@lezer/highlight';
import { parser } from '@lezer/python';
import type { PaletteColor } from '../palette.ts';

/**
 * The bundled fonts (DejaVu, the app's own fallback, from the `dejavu-fonts-ttf` package): the
 * rasteriser is given their files, and an SVG can embed them. No symbol relies on a font: the
 * arrows and markers are drawn as paths.
 */
export const SANS = "'DejaVu Sans', sans-serif";
export const MONO = "'DejaVu Sans Mono', monospace";

/** DejaVu Sans Mono's advance: 1233 units of 2048 per character. */
export const MONO_ADVANCE = 1233 / 2048;

/**
 * DejaVu Sans's advances, by kind of character, in ems (bold ones divided by 1.08), as resvg
 * draws them, rounded up: enough to cut a string that would not fit, never much more.
 */
function sansAdvance(char: string): number {
  if (char === ' ') return 0.32;
  if ("il|'`ıj".includes(char)) return 0.34;
  if ('.,:;!'.includes(char)) return 0.44;
  if ('frtI()[]/\\-"'.includes(char)) return 0.48;
  if ('ЖШЩЮшщ№'.includes(char)) return 1.25;
  if ('mwMWжюмфФыЫМ%@—…'.includes(char)) return 1.05;
  if ('дцъл'.includes(char)) return 0.77;
  if (/[0-9]/.test(char)) return 0.67;
  if (/[А-ЯЁ]/.test(char)) return 0.89;
  if (/[#=+^~<>]/.test(char)) return 0.86;
  if (/[A-Z]/.test(char)) return 0.81;
  return 0.67;
}

/** Marks, joiners and variation selectors: drawn over the character before, or not at all. */
const ZERO_WIDTH = /^(?:\p{Mn}|\p{Me}|\p{Cf}|\p{Variation_Selector})$/u;
/** Emoji, drawn from the bundled emoji font (Noto Emoji's advance is 1.25 em), rounded up. */
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
const PICTOGRAPH_ADVANCE = 1.3;
/**
 * East Asian wide and fullwidth characters (CJK, kana, Hangul, fullwidth forms), which no
 * bundled font has: a fallback font draws them a square em wide, or the missing glyph's box.
 */
const WIDE =
  /^[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]$/u;

/** The advance of a character whatever the font, in ems; null for one the font itself draws. */
function anyFontAdvance(char: string): number | null {
  if (char.charCodeAt(0) < 0x300) return null;
  if (ZERO_WIDTH.test(char)) return 0;
  if (PICTOGRAPH.test(char)) return PICTOGRAPH_ADVANCE;
  if (WIDE.test(char)) return 1;
  return null;
}

/** How wide `text` is drawn at `size` pixels: never less than it is drawn. */
export function textWidth(text: string, size: number, font: 'sans' | 'mono', bold = false): number {
  let ems = 0;
  for (const char of text) {
    ems += anyFontAdvance(char) ?? (font === 'mono' ? MONO_ADVANCE : sansAdvance(char));
  }
  return ems * size * (bold && font === 'sans' ? 1.08 : 1);
}

/** `text`, cut with an ellipsis to fit `width`. */
export function fitText(
  text: string,
  width: number,
  size: number,
  font: 'sans' | 'mono',
  bold = false,
): string {
  if (textWidth(text, size, font, bold) <= width) return text;
  // No visible character is narrower than 0.3 em: a title of a megabyte is measured only as
  // far as could be drawn (with room for marks over the characters).
  const drawable = text.slice(0, 8 * Math.ceil(width / (0.3 * size)) + 8);
  const chars = [...drawable.replace(/[\uD800-\uDBFF]$/, '')];
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (textWidth(`${chars.slice(0, middle).join('')}…`, size, font, bold) <= width) low = middle;
    else high = middle - 1;
  }
  return low === 0 ? '' : `${chars.slice(0, low).join('').trimEnd()}…`;
}

/** Escapes text for XML, and drops what XML 1.0 cannot hold (control characters). */
export function escapeXml(text: string): string {
  return [...text]
    .filter((char) => {
      const code = char.codePointAt(0) ?? 0;
      return (
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code !== 0xfffe && code !== 0xffff)
      );
    })
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A run of code in one colour. */
export interface CodeRun {
  text: string;
  color: PaletteColor;
  italic: boolean;
}

/** The app's code colours (src-renderer/lib/code-editor.ts), by lezer's highlighting tags. */
const highlighter = tagHighlighter([
  {
    tag: [tags.keyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword],
    class: 'syn-keyword',
  },
  { tag: [tags.string, tags.special(tags.string)], class: 'syn-string' },
  { tag: [tags.number, tags.bool, tags.null], class: 'syn-number' },
  { tag: tags.comment, class: 'syn-comment' },
  {
    tag: [tags.function(tags.definition(tags.variableName)), tags.function(tags.variableName)],
    class: 'syn-function',
  },
  { tag: [tags.className, tags.definition(tags.className)], class: 'syn-function' },
  { tag: tags.operator, class: 'syn-operator' },
]);

let cached: { code: string; lines: CodeRun[][] } | null = null;

/** The code's lines as coloured runs (tabs as four spaces); the last code asked is kept. */
export function highlightPython(code: string): CodeRun[][] {
  if (cached?.code === code) return cached.lines;
  const lines: CodeRun[][] = [[]];
  const source = code.replace(/\t/g, '    ');
  highlightCode(
    source,
    parser.parse(source),
    highlighter,
    (text, classes) => {
      const color = (classes.split(' ')[0] || 'fg') as PaletteColor;
      lines.at(-1)?.push({ text, color, italic: color === 'syn-comment' });
    },
    () => lines.push([]),
  );
  if (source.endsWith('\n')) lines.pop();
  cached = { code, lines };
  return lines;
}
