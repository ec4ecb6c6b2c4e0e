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
 * DejaVu Sans's advances, by kind of character, in ems, rounded up: enough to cut a string
 * that would not fit, never so much that one that fits is cut.
 */
function sansAdvance(char: string): number {
  if (char === ' ') return 0.32;
  if ("il.,:;|!'`ıj".includes(char)) return 0.3;
  if ('frtI()[]{}/\\-"'.includes(char)) return 0.42;
  if ('mwMWЖШЩЮмшщжю—…'.includes(char)) return 0.95;
  if (/[0-9]/.test(char)) return 0.64;
  if (/[A-ZА-ЯЁ]/.test(char)) return 0.74;
  return 0.62;
}

/** How wide `text` is drawn at `size` pixels. */
export function textWidth(text: string, size: number, font: 'sans' | 'mono', bold = false): number {
  if (font === 'mono') return [...text].length * MONO_ADVANCE * size;
  let ems = 0;
  for (const char of text) ems += sansAdvance(char);
  return ems * size * (bold ? 1.08 : 1);
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
  const chars = [...text];
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
