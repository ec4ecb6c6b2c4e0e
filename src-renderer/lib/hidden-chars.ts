/**
 * Characters that are in the code but not on the screen, or that make the screen lie about
 * the code's order ("Trojan Source", CVE-2021-42574): bidirectional embeddings, overrides
 * and isolates reorder what the reader sees while Python reads the bytes in order; zero-width
 * and filler characters hide text or make two names that look alike differ. The editor draws
 * each one as a visible box, and the lesson's text names the lines that hold them.
 */

/**
 * Every such character, as a regular expression's class body: C0 and C1 controls other than
 * tab and newline; soft hyphen; combining grapheme joiner; Arabic letter mark; the Hangul,
 * Khmer and Mongolian fillers and separators; zero-width spaces, joiners and marks; the
 * bidirectional embeddings, overrides and isolates; line and paragraph separators; the word
 * joiner and invisible operators; deprecated format characters; the byte order mark;
 * interlinear annotations; and Unicode's tag characters.
 */
const HIDDEN_CLASS =
  '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u00ad\\u034f\\u061c\\u115f\\u1160' +
  '\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u202a-\\u202e\\u2028\\u2029\\u2060-\\u2064' +
  '\\u2066-\\u206f\\u3164\\ufeff\\uffa0\\ufff9-\\ufffb\\u{e0000}-\\u{e007f}';

/**
 * One hidden character at a time (global, Unicode-aware: the tag characters are astral). The
 * class holds combining characters on purpose: each is looked for on its own.
 */
// eslint-disable-next-line no-misleading-character-class
export const HIDDEN_CHARS = new RegExp(`[${HIDDEN_CLASS}]`, 'gu');

/** Of those, the ones that reorder what is shown. */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

export interface HiddenChar {
  /** 1-based line. */
  line: number;
  codePoint: number;
  bidi: boolean;
}

/** `U+202E`: how a hidden character is written where it is shown. */
export function codePointLabel(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function findHiddenChars(code: string): HiddenChar[] {
  const found: HiddenChar[] = [];
  code.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(HIDDEN_CHARS)) {
      const codePoint = match[0].codePointAt(0) ?? 0;
      // A carriage return before the newline is a Windows line end, not a hidden character.
      if (codePoint === 0x0d && match.index === text.length - 1) continue;
      found.push({ line: index + 1, codePoint, bidi: BIDI.test(match[0]) });
    }
  });
  return found;
}

/** The lines that hold hidden characters, each once, in order. */
export function hiddenCharLines(code: string): number[] {
  return [...new Set(findHiddenChars(code).map((found) => found.line))];
}
