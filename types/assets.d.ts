// Python sources are bundled as text: esbuild's `text` loader and the `python-source` Vite plugin.
declare module '*.py' {
  const source: string;
  export default source;
}

// WebAssembly text is bundled as its module's bytes: the `wat` esbuild plugin
// (scripts/build-engine.mjs).
declare module '*.wat' {
  const bytes: Uint8Array<ArrayBuffer>;
  export default bytes;
}
