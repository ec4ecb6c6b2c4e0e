/**
 * The pictures' fonts in resvg: emoji a program prints are drawn from the bundled emoji font
 * (unwrapped from its WOFF), not left out for want of a system font.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { loadRasterAssets } from '../../src-engine/cli/export-assets.ts';
import { EMOJI_FONT_FILE, FONT_FILES } from '../../src-shared/export/font-files.ts';
import { FrameSource } from '../../src-shared/export/frame-model.ts';
import { renderFrameSvg } from '../../src-shared/export/frame-svg.ts';
import { createRasterizer, type Rasterizer } from '../../src-shared/export/raster.ts';
import { fitText, SANS, textWidth } from '../../src-shared/export/svg-text.ts';
import { sfntFromWoff } from '../../src-shared/export/woff.ts';
import { fixtureEvents, parseSvg } from './export-fixtures.ts';

/** How many pixels a line of text inks. */
function ink(rasterizer: Rasterizer, text: string): number {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60">' +
    '<rect width="240" height="60" fill="white"/>' +
    `<text x="8" y="45" font-size="40" font-family="DejaVu Sans Mono">${text}</text></svg>`;
  const { pixels } = rasterizer.rgba(svg);
  let dark = 0;
  for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) < 128) dark += 1;
  return dark;
}

/** The OpenType checksum of a table: its big-endian 32-bit words summed (§ "Table Directory"). */
function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array((bytes.length + 3) & ~3);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

describe('the pictures’ fonts', () => {
  test('an emoji is drawn from the emoji font, which DejaVu alone does not have', async () => {
    const assets = await loadRasterAssets();
    expect(assets.fonts).toHaveLength(FONT_FILES.length + 1);
    const withEmoji = await createRasterizer(assets);
    const dejaVuOnly = await createRasterizer({
      ...assets,
      fonts: assets.fonts.slice(0, FONT_FILES.length),
    });
    // A character no font has is drawn as the font's empty box.
    const box = ink(withEmoji, '\uE000');
    for (const emoji of ['🚀', '✅', '🐍', '⏰']) {
      expect(ink(dejaVuOnly, emoji), emoji).toBe(box);
      expect(ink(withEmoji, emoji), emoji).toBeGreaterThan(box + 100);
    }
    // Text DejaVu has is still drawn in DejaVu: the same pixels either way.
    expect(ink(withEmoji, 'await')).toBe(ink(dejaVuOnly, 'await'));
  });

  test('the WOFF is unwrapped into a font whose every table has its recorded checksum', async () => {
    const folder = new URL('./', import.meta.resolve('@fontsource/noto-emoji'));
    const sfnt = await sfntFromWoff(
      new Uint8Array(await readFile(new URL(EMOJI_FONT_FILE, folder))),
    );
    const view = new DataView(sfnt.buffer);
    const count = view.getUint16(4);
    expect(count).toBeGreaterThan(8);
    const tags: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const entry = 12 + i * 16;
      const tag = String.fromCharCode(...sfnt.subarray(entry, entry + 4));
      tags.push(tag);
      const table = sfnt.slice(
        view.getUint32(entry + 8),
        view.getUint32(entry + 8) + view.getUint32(entry + 12),
      );
      // 'head' holds the whole file's adjustment, which its own checksum leaves out.
      if (tag === 'head') table.fill(0, 8, 12);
      expect(checksum(table), tag).toBe(view.getUint32(entry + 4));
    }
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'name']));
  });

  test('what is not a WOFF font is refused', async () => {
    await expect(
      sfntFromWoff(new TextEncoder().encode('not a font at all, not at all')),
    ).rejects.toThrow('not a WOFF 1.0 font');
  });
});

/** The columns of an RGBA image (of `width`) in rows `top` to `bottom` that hold dark ink. */
function inkedColumns(
  pixels: Uint8Array,
  width: number,
  rows: [number, number],
  columns: [number, number],
): number[] {
  const inked: number[] = [];
  for (let x = Math.max(0, columns[0]); x < columns[1]; x += 1) {
    for (let y = rows[0]; y < rows[1]; y += 1) {
      const i = (y * width + x) * 4;
      if ((pixels[i] ?? 255) < 160 || (pixels[i + 1] ?? 255) < 160) {
        inked.push(x);
        break;
      }
    }
  }
  return inked;
}

describe('text cut to fit', () => {
  const strings = [
    'await asyncio.sleep(1)',
    'Очень длинное название урока: ЖЩШЮ',
    '😀🐍🎉 emoji in a title ✅⏰🚀',
    '漢字テスト한국어ＡＢＣ',
    'e\u0301 combining marks a\u0308',
  ];

  test('is never drawn wider than it is measured, emoji and East Asian text too', async () => {
    const rasterizer = await createRasterizer(await loadRasterAssets());
    const width = 2400;
    for (const font of ['sans', 'mono'] as const) {
      for (const bold of [false, true]) {
        for (const text of strings) {
          const family = font === 'mono' ? 'DejaVu Sans Mono' : SANS.replace(/"/g, "'");
          const svg =
            `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="80">` +
            `<rect width="${width}" height="80" fill="white"/>` +
            `<text x="10" y="55" font-size="40" font-family="${family}"${bold ? ' font-weight="bold"' : ''}>${text}</text></svg>`;
          const inked = inkedColumns(rasterizer.rgba(svg).pixels, width, [0, 80], [0, width]);
          const drawn = (inked.at(-1) ?? 10) - 10;
          expect(drawn, `${font}${bold ? ' bold' : ''}: ${text}`).toBeLessThanOrEqual(
            textWidth(text, 40, font, bold),
          );
        }
      }
    }
  });

  test('a megabyte title is cut to what fits, at a character', () => {
    const title = '🐍 Заголовок '.repeat(100_000);
    const cut = fitText(title, 600, 20, 'sans', true);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 20, 'sans', true)).toBeLessThanOrEqual(600);
    expect(cut.length).toBeGreaterThan(20);
    expect(title.startsWith(cut.slice(0, -1))).toBe(true);
  });

  test('a long title of emoji and Cyrillic stops short of the step number, whole in <title>', async () => {
    const rasterizer = await createRasterizer(await loadRasterAssets());
    const events = fixtureEvents('gather.jsonl');
    const code = events[0]?.kind === 'run.start' ? events[0].source : '';
    const lesson = '😀🐍🎉 Эмодзи '.repeat(30) + '漢字テスト'.repeat(10);
    const meta = { lesson, scenario: { number: 1, title: 'Ж'.repeat(200) }, file: 'gather.py' };
    const source = new FrameSource(events, { meta, code });
    for (const [width, height] of [
      [1280, 720],
      [640, 360],
    ] as const) {
      const svg = renderFrameSvg(source.frame(10), {
        width,
        height,
        theme: 'light',
        language: 'en',
      });
      expect(parseSvg(svg).getElementsByTagName('title')[0]?.textContent).toBe(
        `${lesson} — 1. ${'Ж'.repeat(200)} · Step 10 of ${events.length}`,
      );
      // The title bar is 2.3 units high; the step is drawn at its right, 0.7 units in.
      const u = Math.max(10, Math.min(0.014 * width, 0.025 * height));
      const stepWidth = textWidth(`Step 10 of ${events.length}`, 1.05 * u, 'sans', true);
      const stepStart = Math.floor(width - 0.7 * u - stepWidth);
      const { pixels } = rasterizer.rgba(svg);
      const gap = inkedColumns(
        pixels,
        width,
        [2, Math.floor(2.3 * u) - 2],
        [stepStart - Math.floor(0.9 * u), stepStart - 2],
      );
      expect(gap, `${width}×${height}`).toEqual([]);
    }
  });
});
