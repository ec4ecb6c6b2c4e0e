import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { pyodideFiles, pythonSource } from './vite-plugins.ts';

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
