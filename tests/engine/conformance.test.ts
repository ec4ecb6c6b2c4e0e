/**
 * The conformance suite: each program's output through the engine equals, byte for byte,
 * what native `python3` printed for it (recorded in expected/ by record.py).
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { foldTrace } from '../../src-shared/loop-state.ts';
import { TEST_ONLY_KINDS, TRACE_SCHEMA } from '../../src-shared/trace-schema.ts';
import { validateTrace } from '../../src-shared/trace-validate.ts';
import { conformancePrograms, PROGRAMS_DIR as DIR, useEngine } from './engine-fixture.ts';

const EXPECTED = fileURLToPath(new URL('./conformance/expected/', import.meta.url));

interface Expected {
  stdout: string;
  stderr: string;
  exitCode: number;
  compare?: 'exact' | 'stdout';
  notes?: string;
}

const programs = conformancePrograms();
/** The kinds of event the programs' traces hold, for the schema's coverage below. */
const recordedKinds = new Set<string>();
const engine = useEngine();

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1) ?? '';

describe('every conformance program prints what native python3 printed', () => {
  test('the suite has at least 40 programs', () => {
    expect(programs.length).toBeGreaterThanOrEqual(40);
  });

  for (const name of programs) {
    test(basename(name, '.py'), async () => {
      const file = join(DIR, name);
      const expected = JSON.parse(
        readFileSync(join(EXPECTED, name.replace(/\.py$/, '.json')), 'utf8'),
      ) as Expected;
      const fill = (text: string) => text.replaceAll('{DIR}', DIR);
      const result = await engine().run({ code: readFileSync(file, 'utf8'), filename: file });
      expect(result.stdout).toBe(fill(expected.stdout));
      if (expected.compare === 'stdout') {
        expect(lastLine(result.stderr)).toBe(lastLine(fill(expected.stderr)));
      } else {
        expect(result.stderr).toBe(fill(expected.stderr));
      }
      expect(result.exitCode).toBe(expected.exitCode);
      // Its trace is well formed and folds without contradiction.
      validateTrace(result.events);
      foldTrace(result.events);
      for (const event of result.events) recordedKinds.add(event.kind);
    });
  }

  // It runs after the programs (a file's tests run in order) and reads what they recorded.
  test('the engine records every kind the schema names, each as the schema says', () => {
    const kinds: string[] = Object.keys(TRACE_SCHEMA);
    const missing = kinds.filter(
      (kind) => !recordedKinds.has(kind) && ![...TEST_ONLY_KINDS].some((only) => only === kind),
    );
    expect(missing).toEqual([]);
  });
});
