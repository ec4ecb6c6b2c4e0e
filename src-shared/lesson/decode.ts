/**
 * A lesson file's bytes to its text, refusing what is not a lesson: an empty file, a binary
 * file, text in another encoding than UTF-8, a file too large to be one.
 */
import type { Language } from '../api.ts';
import { lessonsCatalog } from '../i18n/catalog-lessons.ts';
import { createTranslator } from '../i18n/translate.ts';

/** The largest lesson file accepted, in bytes (5 MB). */
export const MAX_LESSON_BYTES = 5 * 1024 * 1024;

export type DecodeFailure = 'empty' | 'binary' | 'not-utf8' | 'too-large';

export type DecodeResult =
  | { ok: true; text: string }
  | {
      ok: false;
      reason: DecodeFailure;
      /** For `not-utf8`: the 1-based line of the first byte that is not UTF-8. */
      line: number | null;
    };

/** Decodes a lesson file. The byte-order mark, if any, is not part of the text. */
export function decodeLesson(bytes: Uint8Array): DecodeResult {
  return decodeText(bytes, { maxBytes: MAX_LESSON_BYTES, allowEmpty: false });
}

/**
 * Decodes a UTF-8 text file (a lesson, a program), refusing one that is binary, in another
 * encoding, larger than `maxBytes`, or (unless allowed) empty.
 */
export function decodeText(
  bytes: Uint8Array,
  { maxBytes, allowEmpty }: { maxBytes: number; allowEmpty: boolean },
): DecodeResult {
  if (bytes.length > maxBytes) return fail('too-large');
  // UTF-16 text is full of NUL bytes; say what it really is rather than "binary".
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return fail('not-utf8');
  if (bytes.includes(0)) return fail('binary');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('not-utf8', lineOfOffset(bytes, findFirstInvalidByte(bytes)));
  }
  if (!allowEmpty && text.trim() === '') return fail('empty');
  return { ok: true, text };
}

/** The message for a decoding failure, without the file name. */
export function describeDecodeFailure(
  reason: DecodeFailure,
  language: Language,
  sizeInBytes = 0,
): string {
  const t = createTranslator(lessonsCatalog, language);
  const megabytes = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  return t(`decode.${reason}`, {
    size: megabytes(sizeInBytes),
    limit: megabytes(MAX_LESSON_BYTES),
  });
}

function fail(reason: DecodeFailure, line: number | null = null): DecodeResult {
  return { ok: false, reason, line };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * The offset of the first byte that makes the text invalid: the longest prefix that decodes
 * (a streaming decoder tolerates a sequence cut at its end) is found by bisection.
 */
function findFirstInvalidByte(bytes: Uint8Array): number {
  const decodes = (length: number) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    if (decodes(middle)) good = middle;
    else bad = middle;
  }
  return bad - 1;
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}
