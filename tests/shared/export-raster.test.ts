/**
 * The pictures' fonts in resvg: emoji a program prints are drawn from the bundled emoji font
 * (unwrapped from its WOFF), not left out for want of a system font.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { loadRasterAssets } from '../../src-engine/cli/export-assets.ts';
import { EMOJI_FONT_FILE, FONT_FILES } from '../../src-shared/export/font-files.ts';
import { createRasterizer, type Rasterizer } from '../../src-shared/export/raster.ts';
import { sfntFromWoff } from '../../src-shared/export/woff.ts';

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
