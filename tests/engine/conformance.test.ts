/**
 * The conformance suite: each program's output through the engine equals, byte for byte,
 * what native CPython prints for it: stdout, stderr and the exit status. The expectations
 * were recorded with CPython 3.13 and its C accelerator (record.py); where 3.14 prints
 * something else, the fixture's `cpython314` holds 3.14's output and cites the source.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { exportPerfetto, stringifyChromeTrace } from '../../src-shared/export/perfetto.ts';
import { foldTrace } from '../../src-shared/loop-state.ts';
import { TEST_ONLY_KINDS, TRACE_SCHEMA } from '../../src-shared/trace-schema.ts';
import { validateTrace } from '../../src-shared/trace-validate.ts';
import { checkTraceEventFormat } from '../shared/trace-event-spec.ts';
import { conformancePrograms, PROGRAMS_DIR as DIR, useEngine } from './engine-fixture.ts';

const EXPECTED = fileURLToPath(new URL('./conformance/expected/', import.meta.url));
/** Where the engine's CPython keeps its standard library (`{STDLIB}` in the fixtures). */
const ENGINE_STDLIB = '/lib/python314.zip';

interface Output {
  stdout: string;
  stderr: string;
  exitCode: number;
}

interface Expected extends Output {
  python: string;
  cpython314?: Partial<Output> & { because: string };
}

const programs = conformancePrograms();
/** The kinds of event the programs' traces hold, for the schema's coverage below. */
const recordedKinds = new Set<string>();
const engine = useEngine();

describe('every conformance program prints what native CPython 3.14 prints', () => {
  test('the suite has at least 120 programs', () => {
    expect(programs.length).toBeGreaterThanOrEqual(120);
  });

  for (const name of programs) {
    test(basename(name, '.py'), async () => {
      const file = join(DIR, name);
      const recorded = JSON.parse(
        readFileSync(join(EXPECTED, name.replace(/\.py$/, '.json')), 'utf8'),
      ) as Expected;
      const expected: Output = { ...recorded, ...recorded.cpython314 };
      const fill = (text: string) =>
        text.replaceAll('{DIR}', DIR).replaceAll('{STDLIB}', ENGINE_STDLIB);
      const result = await engine().run({ code: readFileSync(file, 'utf8'), filename: file });
      expect(result.stdout).toBe(fill(expected.stdout));
      expect(result.stderr).toBe(fill(expected.stderr));
      expect(result.exitCode).toBe(expected.exitCode);
      // Its trace is well formed and folds without contradiction.
      validateTrace(result.events);
      foldTrace(result.events);
      for (const event of result.events) recordedKinds.add(event.kind);
      // Its Perfetto export conforms to the Trace Event Format.
      const exported = JSON.parse(stringifyChromeTrace(exportPerfetto(result.events))) as unknown;
      expect(checkTraceEventFormat(exported)).toEqual([]);
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
