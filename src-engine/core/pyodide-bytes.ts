/**
 * How a trace batch, Python's bytes, reaches the worker's JavaScript: copied out of the
 * interpreter's memory once, right wherever it lies in it.
 */
import type { PyodideAPI } from 'pyodide';

/** The part of Pyodide's Emscripten module `copyBytesRight` replaces. */
interface BufferCopy {
  HEAPU8: Uint8Array;
  python2js_buffer_1d_contiguous(address: number, itemSize: number, count: number): ArrayBuffer;
}

/**
 * Pyodide 314.0.7 copies a bytes object to JavaScript (`toJs`) with `HEAP8.slice(address, …)`,
 * the address a signed 32-bit int: once the interpreter's memory passes 2 GiB, an object above
 * it has a negative address, and the copy is of other bytes (its strings are copied right,
 * with `address >>> 0`). This makes it copy bytes as it copies strings; a batch is bytes.
 */
export function copyBytesRight(pyodide: PyodideAPI): void {
  const module = Reflect.get(pyodide, '_module') as Partial<BufferCopy> | undefined;
  if (!module || typeof module.python2js_buffer_1d_contiguous !== 'function') {
    throw new Error('This Pyodide copies bytes in another way: see copyBytesRight.');
  }
  const heap = module as BufferCopy;
  heap.python2js_buffer_1d_contiguous = (address, itemSize, count) => {
    const start = address >>> 0;
    return heap.HEAPU8.slice(start, start + itemSize * count).buffer;
  };
}

/** A batch as the engine hands it over: Python's bytes, a proxy lent for the call. */
export function batchBytes(batch: unknown, pyodide: PyodideAPI): Uint8Array {
  const bytes = batch instanceof pyodide.ffi.PyProxy ? (batch.toJs() as unknown) : batch;
  if (!(bytes instanceof Uint8Array)) throw new TypeError('A batch is bytes.');
  return bytes;
}
