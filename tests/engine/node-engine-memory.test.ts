/**
 * The command line's children have a memory budget, watched by the parent from outside (from
 * /proc, where there is one): a program that grows its memory outside WebAssembly's, which the
 * interpreter keeps to the budget, is ended, and its run is stopped by the memory budget, with
 * what it recorded before.
 */
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { NodeEngine } from '../../src-engine/node/engine.ts';
import { residentBytes } from '../../src-engine/node/child-port.ts';
import { collectOutput } from '../../src-shared/trace-output.ts';

const engine = new NodeEngine({ cacheDir: null, prepareNext: false });
afterAll(() => engine.close());

describe.skipIf(!existsSync('/proc/self/status'))('a child over its memory budget', () => {
  test('reads a process’s resident set', () => {
    expect(residentBytes(process.pid)).toBeGreaterThan(10 * 1024 * 1024);
    expect(residentBytes(2 ** 30)).toBeNull();
  });

  test('is ended, and its run stopped by the memory budget', { timeout: 120_000 }, async () => {
    // Typed arrays in the realm, which V8's heap limit does not count, filled so that they
    // are resident: 64 MB a turn, for ever.
    const code = [
      'import gc, types',
      'ffi = next(m for m in gc.get_objects() if isinstance(m, types.ModuleType) and m.__name__ == "pyodide").ffi',
      'U8 = ffi.to_js(b"x").constructor',
      'print("growing", flush=True)',
      'keep = []',
      'while True:',
      '    chunk = U8.new(64 * 1024 * 1024)',
      '    chunk.fill(1)',
      '    keep.append(chunk)',
    ].join('\n');
    const result = await engine.run({
      code,
      filename: 'grow.py',
      budgets: { maxEvents: 10_000_000, maxWallMs: 100_000, maxMemoryMb: 300 },
    });
    const end = result.events.at(-1);
    expect(end).toMatchObject({ kind: 'run.end', outcome: 'budget', budget: 'memory' });
    expect(collectOutput(result.events).terminal).toContain('growing');
    // The next run has a child of its own, within the budget.
    const next = await engine.run({ code: 'print("fine")', filename: 'fine.py' });
    expect(next.events.at(-1)).toMatchObject({ kind: 'run.end', outcome: 'completed' });
  });
});
