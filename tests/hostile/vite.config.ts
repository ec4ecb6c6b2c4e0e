/**
 * Builds the hostile suite's harness page (tests/hostile/page/) with the real engine page and
 * worker, and copies Pyodide's files next to it, as the app's build does.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { pyodideFiles, pythonSource } from '../../vite-plugins.ts';

const here = dirname(fileURLToPath(import.meta.url));

/** Under the repository's dist/, which lint and git ignore. */
export const HOSTILE_DIST = join(here, '../../dist/hostile');

export default defineConfig({
  root: join(here, 'page'),
  base: '/',
  logLevel: 'warn',
  plugins: [pythonSource(), pyodideFiles()],
  worker: { format: 'es', plugins: () => [pythonSource()] },
  build: {
    outDir: HOSTILE_DIST,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
});
