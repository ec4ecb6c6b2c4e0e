;; CPython's call trampoline for a JavaScript engine without WebAssembly GC (Node 20).
;;
;; Under Emscripten, CPython calls a C function of a builtin (a method, a getter...) through
;; `_PyEM_TrampolineCall`, because the C code calls it with three arguments where the function
;; may take fewer, which a WebAssembly `call_indirect` refuses (Python/emscripten_trampoline.c).
;; Pyodide's own trampoline asks each function its signature with a WebAssembly GC
;; instruction; without one it calls into JavaScript, `wasmTable.get(func)(a, b, c)`, which
;; costs a tenth of a busy run. This trampoline stays in WebAssembly: it learns how many
;; parameters each function takes (JavaScript tells it once, from the function's `length`),
;; keeps that in a byte per table slot, and calls the function with a `call_indirect` of that
;; many arguments. `call_indirect` checks the signature at the call, so a slot whose function
;; changed can never be called with the wrong one (call-trampoline.ts forgets a slot when the
;; table's `set` writes it).
(module
  (type $none (func (result i32)))
  (type $one (func (param i32) (result i32)))
  (type $two (func (param i32 i32) (result i32)))
  (type $three (func (param i32 i32 i32) (result i32)))
  (import "env" "table" (table 0 funcref))
  ;; Finds out a slot's arity, writes it into `arity` and returns it.
  (import "env" "learn" (func $learn (param i32) (result i32)))
  ;; Calls a function JavaScript's way (any arity, any parameter types).
  (import "env" "slow" (func $slow (param i32 i32 i32 i32) (result i32)))
  ;; One byte per table slot: 0 not known yet, 1 + the number of parameters, 255 some other
  ;; signature.
  (import "env" "arity" (memory 1))

  ;; The signature `_PyEM_TrampolineCall` calls its trampoline with: `success` stays 1 (the C
  ;; code sets it), as every function this one cannot call directly is called by `$slow`.
  (func (export "call")
    (param $success i32) (param $f i32) (param $a i32) (param $b i32) (param $c i32)
    (result i32)
    (local $n i32)
    ;; A slot past the bytes kept (the table grew): JavaScript's way.
    (if (i32.ge_u (local.get $f) (i32.shl (memory.size) (i32.const 16)))
      (then (return (call $slow (local.get $f) (local.get $a) (local.get $b) (local.get $c)))))
    (local.set $n (i32.load8_u (local.get $f)))
    (if (i32.eqz (local.get $n))
      (then (local.set $n (call $learn (local.get $f)))))
    (block $other
      (block $3
        (block $2
          (block $1
            (block $0
              (br_table $0 $1 $2 $3 $other (i32.sub (local.get $n) (i32.const 1))))
            (return (call_indirect (type $none) (local.get $f))))
          (return (call_indirect (type $one) (local.get $a) (local.get $f))))
        (return (call_indirect (type $two) (local.get $a) (local.get $b) (local.get $f))))
      (return
        (call_indirect (type $three) (local.get $a) (local.get $b) (local.get $c) (local.get $f))))
    (call $slow (local.get $f) (local.get $a) (local.get $b) (local.get $c))))
