import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);
const PYODIDE_DIR = dirname(require.resolve('pyodide/package.json'));
/** What Pyodide needs at run time; all of it ships in the npm package, nothing is fetched. */
const PYODIDE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];

/** Serves Python sources as strings (the engine's tracer is bundled into its worker). */
function pythonSource(): Plugin {
  return {
    name: 'python-source',
    async transform(code, id) {
      if (!id.endsWith('.py')) return null;
      return { code: `export default ${JSON.stringify(code)};`, map: null };
    },
  };
}

/** Copies Pyodide's runtime next to the built pages, under pyodide/. */
function pyodideFiles(): Plugin {
  let outDir = '';
  return {
    name: 'pyodide-files',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle() {
      const target = join(outDir, 'pyodide');
      await mkdir(target, { recursive: true });
      await Promise.all(
        PYODIDE_FILES.map((file) => copyFile(join(PYODIDE_DIR, file), join(target, file))),
      );
    },
  };
}

export default defineConfig({
  root: '.',
  base: './',
  plugins: [svelte(), pythonSource(), pyodideFiles()],
  // Pyodide loads its own files at run time; it must not be pre-bundled.
  optimizeDeps: { exclude: ['pyodide'] },
  worker: { format: 'es', plugins: () => [pythonSource()] },
  build: {
    outDir: 'dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2048,
    rollupOptions: {
      input: {
        // The Electron app's page (its preload provides window.loopscope).
        app: 'src-renderer/index.html',
        // The web edition: its host script provides window.loopscope, then the same renderer.
        web: 'src-web/index.html',
        // The Electron app's hidden, sandboxed page whose worker runs the engine.
        engine: 'src-engine/web/engine.html',
      },
    },
  },
});
