// Python sources are bundled as text: esbuild's `text` loader and the `python-source` Vite plugin.
declare module '*.py' {
  const source: string;
  export default source;
}
