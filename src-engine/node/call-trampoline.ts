/**
 * CPython's call trampoline for Pyodide under a JavaScript engine without WebAssembly GC
 * (Node 20): call-trampoline.wat, assembled by the build (scripts/build-engine.mjs).
 *
 * Pyodide writes its trampoline's table slot into `_PyRuntime` before Python starts, or 0 when
 * it could not build one; with 0, each call of a builtin's C function goes out to JavaScript
 * and back. `installCallTrampoline` puts this one in its place, and only there.
 */
import trampolineWasm from './call-trampoline.wat';

/** What the trampoline needs of Pyodide's WebAssembly instance. */
interface PyodideExports {
  memory: WebAssembly.Memory;
  __indirect_function_table: WebAssembly.Table;
  _PyRuntime: WebAssembly.Global;
  _PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET: WebAssembly.Global;
}

/** Where CPython keeps its trampoline's slot, and its trampoline. */
export interface CallTrampoline {
  /** The table slot of this trampoline; null where Pyodide has its own. */
  slot: number | null;
  /**
   * Points CPython at this trampoline again after a memory snapshot was restored over
   * `_PyRuntime` (a snapshot made without it says 0).
   */
  restore(): void;
}

/** The table functions the trampoline calls directly: those of at most this many parameters. */
const MAX_DIRECT = 3;
/** The arity byte of a function the trampoline leaves to JavaScript. */
const OTHER = 255;

/** Pyodide's exports the trampoline needs, or null where its build has not all of them. */
function pyodideExports(exports: WebAssembly.Exports): PyodideExports | null {
  const { memory, __indirect_function_table, _PyRuntime, _PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET } =
    exports;
  return memory instanceof WebAssembly.Memory &&
    __indirect_function_table instanceof WebAssembly.Table &&
    _PyRuntime instanceof WebAssembly.Global &&
    _PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET instanceof WebAssembly.Global
    ? (exports as unknown as PyodideExports)
    : null;
}

const NONE: CallTrampoline = { slot: null, restore() {} };

/**
 * Installs the trampoline where Pyodide has none of its own; a Pyodide whose build does not
 * export what it needs keeps its JavaScript one.
 */
export function installCallTrampoline(exports: WebAssembly.Exports): CallTrampoline {
  const pyodide = pyodideExports(exports);
  if (!pyodide) return NONE;
  const table = pyodide.__indirect_function_table;
  const words = () => new Int32Array(pyodide.memory.buffer);
  const offset = words()[pyodide._PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET.value / 4] ?? 0;
  const at = (pyodide._PyRuntime.value + offset) / 4;
  if (words()[at] !== 0) return NONE;

  const arityMemory = new WebAssembly.Memory({ initial: 1 });
  const arity = new Uint8Array(arityMemory.buffer);
  const learn = (slot: number): number => {
    const fn: unknown = table.get(slot);
    const length = typeof fn === 'function' ? fn.length : Infinity;
    const known = length <= MAX_DIRECT ? length + 1 : OTHER;
    arity[slot] = known;
    return known;
  };
  const slow = (slot: number, a: number, b: number, c: number): number =>
    (table.get(slot) as (a: number, b: number, c: number) => number)(a, b, c);
  const module = new WebAssembly.Module(trampolineWasm);
  const instance = new WebAssembly.Instance(module, {
    env: { table, learn, slow, arity: arityMemory },
  });

  // A slot Emscripten writes again (a function added where one was removed) is learnt again.
  const set = table.set;
  table.set = function (this: WebAssembly.Table, slot: number, value?: unknown): void {
    if (slot < arity.length) arity[slot] = 0;
    Reflect.apply(set, this, [slot, value]);
  };
  const slot = table.grow(1);
  table.set(slot, instance.exports.call);
  words()[at] = slot;
  return {
    slot,
    restore() {
      const found = words()[at];
      if (found === slot) return;
      if (found !== 0) {
        throw new Error(`The interpreter's snapshot names call trampoline ${found}, not ${slot}.`);
      }
      words()[at] = slot;
    },
  };
}
