import { describe, expect, it } from 'vitest';
import { fitLabel } from '../../src-renderer/lib/measure-text.ts';

/** Every character 7 px wide, as in a monospaced type. */
const mono = (text: string) => [...text].length * 7;

describe('a label fitted to its room', () => {
  it('is whole where it fits', () => {
    expect(fitLabel('Task-1', 42, mono)).toBe('Task-1');
  });

  it('ends in an ellipsis, as long as still fits, where it does not', () => {
    const label = fitLabel('download_chapter_00_of_the_long_book', 102, mono);
    expect(label).toBe('download_chap…');
    expect(mono(label)).toBeLessThanOrEqual(102);
    expect(mono(`download_chapt…`)).toBeGreaterThan(102);
  });

  it('keeps characters outside the basic plane whole', () => {
    expect(fitLabel('задача_😀😀😀', 63, mono)).toBe('задача_😀…');
  });

  it('is only an ellipsis where not even one character fits', () => {
    expect(fitLabel('abc', 8, mono)).toBe('…');
  });
});
