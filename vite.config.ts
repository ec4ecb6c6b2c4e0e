import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { PAGES, RENDERER_DIR } from './src-shared/build-paths.mjs';
import { pyodideFiles, pythonSource } from './vite-plugins.ts';

export default defineConfig({
  root: '.',
  base: './',
  plugins: [svelte(), pythonSource(), pyodideFiles()],
  // Pyodide loads its own files at run time; it must not be pre-bundled.
  optimizeDeps: { exclude: ['pyodide'] },
  worker: { format: 'es', plugins: () => [pythonSource()] },
  build: {
    outDir: RENDERER_DIR,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2048,
    rollupOptions: {
      input: {
        // The Electron app's page (its preload provides window.loopscope).
        app: PAGES.app,
        // The web edition: its host script provides window.loopscope, then the same renderer.
        web: PAGES.web,
        // The Electron app's hidden, sandboxed page whose worker runs the engine.
        engine: PAGES.engine,
      },
    },
  },
});
