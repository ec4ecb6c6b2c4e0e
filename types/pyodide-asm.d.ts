// Pyodide's Emscripten module, which the engine's Node realm bundles in (src-engine/node/realm.ts)
// and hands to `loadPyodide` as `createPyodideModule`, so that nothing is imported at run time.
declare module 'pyodide/pyodide.asm.mjs' {
  import type { loadPyodide } from 'pyodide';
  type LoadOptions = NonNullable<Parameters<typeof loadPyodide>[0]>;
  const createPyodideModule: NonNullable<LoadOptions['createPyodideModule']>;
  export default createPyodideModule;
}
