import { describe, expect, it } from 'vitest';
import {
  codePointLabel,
  findHiddenChars,
  hiddenCharLines,
} from '../../src-renderer/lib/hidden-chars.ts';

describe('characters that hide or reorder code are found', () => {
  it('finds the bidirectional overrides and isolates of a Trojan Source program', () => {
    // The classic "early return" example: an RLO and isolates inside a comment and a string.
    const code = [
      'access_level = "user"',
      'if access_level != "none\u202e \u2066# Check if admin\u2069 \u2066":',
      '    print("You are an admin.")',
    ].join('\n');
    const found = findHiddenChars(code);
    expect(found.map((f) => [f.line, codePointLabel(f.codePoint), f.bidi])).toEqual([
      [2, 'U+202E', true],
      [2, 'U+2066', true],
      [2, 'U+2069', true],
      [2, 'U+2066', true],
    ]);
    expect(hiddenCharLines(code)).toEqual([2]);
  });

  it('finds zero-width characters, fillers and tag characters that make names look alike', () => {
    const code = 'a\u200b = 1\nb = 2\n\u3164 = 3\nflag = "\u{e0041}"\nc\ufeff = 4';
    expect(hiddenCharLines(code)).toEqual([1, 3, 4, 5]);
    expect(findHiddenChars(code).every((f) => !f.bidi)).toBe(true);
  });

  it('leaves ordinary text alone: Cyrillic, accents, emoji, tabs and Windows line ends', () => {
    expect(findHiddenChars('print("привет, café 🎉")\r\n\tpass\r\n')).toEqual([]);
  });

  it('writes a code point as U+ and four hex digits at least', () => {
    expect(codePointLabel(0x200b)).toBe('U+200B');
    expect(codePointLabel(0xe0041)).toBe('U+E0041');
    expect(codePointLabel(0x7)).toBe('U+0007');
  });
});
