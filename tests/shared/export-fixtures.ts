/**
 * What the export tests share: real traces, recorded by `loopscope run --trace` from the
 * programs beside them, and reading exported SVG back.
 */
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import { expect } from 'vitest';
import type { TraceEvent } from '../../src-shared/trace.ts';

const FIXTURES = new URL('./fixtures/export/', import.meta.url);

export const readFixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

export const fixtureEvents = (name: string): TraceEvent[] =>
  readFixture(name)
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as TraceEvent);

/** Parses an exported SVG as XML, failing the test on any error or warning the parser reports. */
export function parseSvg(text: string): Document {
  const errors: string[] = [];
  const document = new DOMParser({
    errorHandler: (level: string, message: unknown) =>
      void errors.push(`${level}: ${String(message)}`),
  }).parseFromString(text, 'image/svg+xml');
  expect(errors).toEqual([]);
  return document;
}

/** The text of every `<text>` element, in document order. */
export const svgTexts = (document: Document): string[] =>
  Array.from(document.getElementsByTagName('text')).map((node) => node.textContent ?? '');
