import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  decodeLesson,
  describeDecodeFailure,
  MAX_LESSON_BYTES,
} from '../../src-shared/lesson/decode.ts';

const FIXTURES = new URL('./fixtures/lessons/', import.meta.url);
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decoding a lesson file', () => {
  test('UTF-8 text is decoded as it is', () => {
    expect(decodeLesson(utf8('# Урок\n'))).toEqual({ ok: true, text: '# Урок\n' });
  });

  test('the byte-order mark is not part of the text', () => {
    const result = decodeLesson(fixture('crlf-bom.md'));
    expect(result.ok && result.text.startsWith('# Event loop basics\r\n')).toBe(true);
  });

  test('an empty file, or one with only a byte-order mark and whitespace, is empty', () => {
    expect(decodeLesson(fixture('empty.md'))).toEqual({ ok: false, reason: 'empty', line: null });
    expect(decodeLesson(new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0a]))).toMatchObject({
      reason: 'empty',
    });
  });

  test('a file with NUL bytes is binary', () => {
    expect(decodeLesson(fixture('binary.md'))).toEqual({ ok: false, reason: 'binary', line: null });
  });

  test('a file in another encoding is not UTF-8, and the line of the first bad byte is named', () => {
    expect(decodeLesson(fixture('not-utf8.md'))).toEqual({
      ok: false,
      reason: 'not-utf8',
      line: 1,
    });
    const bytes = new Uint8Array([...utf8('# ok\n\nстрока\n'), 0xc0, 0x20, 0x0a]);
    expect(decodeLesson(bytes)).toMatchObject({ reason: 'not-utf8', line: 4 });
  });

  test('a file cut in the middle of a character is not UTF-8', () => {
    const bytes = utf8('ok\nя').slice(0, -1);
    expect(decodeLesson(bytes)).toMatchObject({ reason: 'not-utf8', line: 2 });
  });

  test('UTF-16 text is reported as not UTF-8 rather than binary', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x23, 0x00, 0x0a, 0x00]);
    expect(decodeLesson(utf16)).toMatchObject({ reason: 'not-utf8' });
  });

  test('a file over 5 MB is too large; one of exactly 5 MB is not', () => {
    const limit = new Uint8Array(MAX_LESSON_BYTES).fill(0x61);
    expect(decodeLesson(limit).ok).toBe(true);
    const over = new Uint8Array(MAX_LESSON_BYTES + 1).fill(0x61);
    expect(decodeLesson(over)).toEqual({ ok: false, reason: 'too-large', line: null });
  });

  test('failures are described in English and in Russian, with sizes in MB', () => {
    expect(describeDecodeFailure('too-large', 'en', 7.5 * 1024 * 1024)).toBe(
      'the file is 7.5 MB; a lesson may be at most 5 MB',
    );
    expect(describeDecodeFailure('binary', 'ru')).toBe('это двоичный файл, а не урок в Markdown');
  });
});
