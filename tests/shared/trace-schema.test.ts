/**
 * The trace's schema is written once (src-shared/trace-schema.ts). trace.ts is held to it when
 * it compiles; this test holds docs/trace-format.md to it, and the validator's refusal of what
 * it does not name. (The Python emitter is held to it by the conformance suite, which validates
 * every event of every program and checks that every kind is recorded.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { TRACE_SCHEMA } from '../../src-shared/trace-schema.ts';
import { TraceError, validateEvent } from '../../src-shared/trace-validate.ts';

const DOC = readFileSync(new URL('../../docs/trace-format.md', import.meta.url), 'utf8');

/** The rows of the document's `| kind | fields | meaning |` tables: kinds → field names. */
function documentedKinds(markdown: string): Map<string, string[]> {
  const kinds = new Map<string, string[]>();
  let inKindTable = false;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      inKindTable = false;
      continue;
    }
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (cells[0] === 'kind') {
      inKindTable = true;
      continue;
    }
    if (!inKindTable || cells[0]?.startsWith('-')) continue;
    const names = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');
    // A field's shape, in braces, brackets or parentheses after its name, is not a field.
    const fields = names((cells[1] ?? '').replace(/\([^)]*\)/g, ''))
      .filter((name) => /^\w+\??$/.test(name))
      .map((name) => name.replace(/\?$/, ''));
    for (const kind of names(cells[0] ?? '')) kinds.set(kind, fields);
  }
  return kinds;
}

describe('docs/trace-format.md says what the schema says', () => {
  const documented = documentedKinds(DOC);

  test('every kind is documented, and nothing else', () => {
    expect([...documented.keys()].sort()).toEqual(Object.keys(TRACE_SCHEMA).sort());
  });

  for (const [kind, fields] of Object.entries(TRACE_SCHEMA)) {
    test(`${kind}: its fields`, () => {
      expect(documented.get(kind)?.sort()).toEqual(Object.keys(fields).sort());
    });
  }
});

describe('the validator holds events to the schema', () => {
  const line = { seq: 3, t: 0, kind: 'line', line: 4, task: null };

  test('an event with exactly its fields passes', () => {
    expect(validateEvent(line)).toEqual(line);
  });

  test('a field the schema does not name is refused', () => {
    expect(() => validateEvent({ ...line, smuggled: 'x'.repeat(100) })).toThrow(
      new TraceError('event 3 (line) has an unknown field "smuggled"', 3),
    );
  });

  test('a missing or mistyped field is refused', () => {
    expect(() => validateEvent({ ...line, line: '4' })).toThrow(/bad field "line"/);
    expect(() => validateEvent({ ...line, line: undefined })).toThrow(/bad field "line"/);
  });

  test('a kind the schema does not name is refused', () => {
    expect(() => validateEvent({ ...line, kind: 'constructor' })).toThrow(/unknown kind/);
    expect(() => validateEvent({ ...line, kind: 'toString' })).toThrow(/unknown kind/);
  });
});
