// The engine's call trampoline (src-engine/node/call-trampoline.ts), called the way CPython's
// `_PyEM_TrampolineCall` calls it: from WebAssembly, through the slot written into the runtime.
import wabtInit from 'wabt';
import { beforeAll, describe, expect, it } from 'vitest';
import { installCallTrampoline } from '../../src-engine/node/call-trampoline.ts';

// A stand-in for Pyodide's module: a table of C functions of each arity, the runtime's word
// that holds the trampoline's slot (at RUNTIME + the offset kept at OFFSET_AT), and `call`,
// which calls a table function as `_PyEM_TrampolineCall` does.
const RUNTIME = 64;
const OFFSET_AT = 16;
const OFFSET = 8;
const PYODIDE = `
(module
  (type $tramp (func (param i32 i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (table (export "__indirect_function_table") 8 funcref)
  (global (export "_PyRuntime") i32 (i32.const ${RUNTIME}))
  (global (export "_PyEM_EMSCRIPTEN_TRAMPOLINE_OFFSET") i32 (i32.const ${OFFSET_AT}))
  (data (i32.const ${OFFSET_AT}) "\\${OFFSET.toString(16).padStart(2, '0')}")
  (func $none (result i32) (i32.const 100))
  (func $one (param i32) (result i32) (i32.add (local.get 0) (i32.const 1000)))
  (func $two (param i32 i32) (result i32) (i32.sub (local.get 0) (local.get 1)))
  (func $three (param i32 i32 i32) (result i32)
    (i32.add (i32.mul (local.get 0) (local.get 1)) (local.get 2)))
  (func $four (param i32 i32 i32 i32) (result i32)
    (i32.add (i32.add (local.get 0) (local.get 1)) (i32.add (local.get 2) (local.get 3))))
  (elem (i32.const 1) $none $one $two $three $four)
  (func (export "call") (param $f i32) (param $a i32) (param $b i32) (param $c i32) (result i32)
    (call_indirect (type $tramp) (i32.const 0) (local.get $f) (local.get $a) (local.get $b)
      (local.get $c) (i32.load (i32.const ${RUNTIME + OFFSET})))))
`;
const [NONE, ONE, TWO, THREE, FOUR] = [1, 2, 3, 4, 5];
const EMPTY = 7;

let moduleBytes: Uint8Array<ArrayBuffer>;
beforeAll(async () => {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat('pyodide.wat', PYODIDE);
  moduleBytes = new Uint8Array(parsed.toBinary({}).buffer);
  parsed.destroy();
});

function pyodide() {
  const instance = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes));
  const exports = instance.exports as unknown as {
    memory: WebAssembly.Memory;
    __indirect_function_table: WebAssembly.Table;
    call(f: number, a: number, b: number, c: number): number;
  };
  const slotWord = () => new Int32Array(exports.memory.buffer)[(RUNTIME + OFFSET) / 4];
  return { instance, exports, slotWord };
}

describe('the call trampoline', () => {
  it('calls each function with as many arguments as it takes', () => {
    const { instance, exports, slotWord } = pyodide();
    const trampoline = installCallTrampoline(instance.exports);
    expect(trampoline.slot).toBe(8);
    expect(slotWord()).toBe(8);
    expect(exports.__indirect_function_table.get(8)).toBeTypeOf('function');
    for (let round = 0; round < 2; round++) {
      expect(exports.call(NONE, 5, 6, 7)).toBe(100);
      expect(exports.call(ONE, 5, 6, 7)).toBe(1005);
      expect(exports.call(TWO, 5, 6, 7)).toBe(-1);
      expect(exports.call(THREE, 5, 6, 7)).toBe(37);
    }
  });

  it("leaves a function of more parameters to JavaScript's call", () => {
    const { instance, exports } = pyodide();
    installCallTrampoline(instance.exports);
    // JavaScript passes the three arguments, and the fourth parameter is 0.
    expect(exports.call(FOUR, 5, 6, 7)).toBe(18);
    expect(() => exports.call(EMPTY, 5, 6, 7)).toThrow(TypeError);
  });

  it('learns a slot again when the table is written', () => {
    const { instance, exports } = pyodide();
    installCallTrampoline(instance.exports);
    const table = exports.__indirect_function_table;
    expect(exports.call(TWO, 5, 6, 7)).toBe(-1);
    table.set(TWO, table.get(THREE));
    expect(exports.call(TWO, 5, 6, 7)).toBe(37);
    table.set(TWO, table.get(NONE));
    expect(exports.call(TWO, 5, 6, 7)).toBe(100);
  });

  it("keeps Pyodide's own trampoline where it built one", () => {
    const { instance, exports, slotWord } = pyodide();
    new Int32Array(exports.memory.buffer)[(RUNTIME + OFFSET) / 4] = THREE;
    const length = exports.__indirect_function_table.length;
    expect(installCallTrampoline(instance.exports).slot).toBeNull();
    expect(slotWord()).toBe(THREE);
    expect(exports.__indirect_function_table.length).toBe(length);
  });

  it('leaves a Pyodide that does not export what it needs as it is', () => {
    const { exports } = pyodide();
    const length = exports.__indirect_function_table.length;
    const withoutRuntime = Object.fromEntries(
      Object.entries(exports).filter(([name]) => name !== '_PyRuntime'),
    ) as WebAssembly.Exports;
    expect(installCallTrampoline(withoutRuntime).slot).toBeNull();
    expect(exports.__indirect_function_table.length).toBe(length);
  });

  it('points the runtime at it again after a snapshot wrote 0 over it, and no other slot', () => {
    const { instance, exports, slotWord } = pyodide();
    const trampoline = installCallTrampoline(instance.exports);
    const words = new Int32Array(exports.memory.buffer);
    words[(RUNTIME + OFFSET) / 4] = 0;
    trampoline.restore();
    expect(slotWord()).toBe(trampoline.slot);
    expect(exports.call(ONE, 5, 6, 7)).toBe(1005);
    words[(RUNTIME + OFFSET) / 4] = ONE;
    expect(() => trampoline.restore()).toThrow(/snapshot/);
  });
});
