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
import { foldTrace } from '../../src-shared/loop-state.ts';
import { validateTrace } from '../../src-shared/trace-validate.ts';
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
    });
  }
});
