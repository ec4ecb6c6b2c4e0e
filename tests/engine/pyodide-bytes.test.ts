/**
 * A batch crosses from Python to JavaScript as bytes (src-engine/core/pyodide-bytes.ts): its
 * copy is right wherever the bytes lie in the interpreter's memory, past 2 GiB too, where
 * Pyodide's own copy reads other bytes (a program that holds a lot of memory, such as a deep
 * recursion, gets there).
 */
import { loadPyodide, type PyodideAPI } from 'pyodide';
import { beforeAll, expect, test } from 'vitest';
import { batchBytes, copyBytesRight } from '../../src-engine/core/pyodide-bytes.ts';

let pyodide: PyodideAPI;

beforeAll(async () => {
  pyodide = await loadPyodide({ stdout: () => {}, stderr: () => {} });
  copyBytesRight(pyodide);
}, 60_000);

/** What the sink receives for the bytes the Python expression `source` makes. */
function sent(source: string): { copy: Uint8Array; address: number; bytes: number[] } {
  let copy: Uint8Array | null = null;
  pyodide.globals.set('sink', (batch: unknown) => {
    copy = batchBytes(batch, pyodide);
  });
  pyodide.runPython(`batch = ${source}\nsink(batch)`);
  const address = Number(pyodide.runPython('id(batch)'));
  const bytes = (pyodide.runPython('list(batch)') as { toJs(): number[] }).toJs();
  if (!copy) throw new Error('the sink was not called');
  return { copy, address, bytes };
}

test('bytes arrive as they are, as a Uint8Array of their own', () => {
  const { copy, bytes } = sent('bytes(range(256)) * 3');
  expect([...copy]).toEqual(bytes);
  expect(copy.buffer.byteLength).toBe(768);
});

test('bytes past 2 GiB of memory arrive as they are', () => {
  // Memory is taken in blocks until a batch-sized bytes object lands past 2 GiB.
  pyodide.runPython(`
import marshal
held = []
batch = b""
while id(batch) < 2**31 and len(held) < 15:
    held.append(bytearray(256 << 20))
    batch = marshal.dumps(list(range(100_000)), 4)
`);
  const { copy, address, bytes } = sent('batch');
  expect(address).toBeGreaterThanOrEqual(2 ** 31);
  expect(copy.length).toBe(bytes.length);
  expect([...copy].every((byte, i) => byte === bytes[i])).toBe(true);
  pyodide.runPython('held.clear()');
}, 60_000);

test('anything else than bytes is refused', () => {
  expect(() => sent('"[0, -1, 0]"')).toThrow(/A batch is bytes/);
  expect(() => sent('[0, -1, 0]')).toThrow(/A batch is bytes/);
});
