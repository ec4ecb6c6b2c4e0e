/**
 * Builds the hostile suite's harness page (tests/hostile/page/) with the real engine page and
 * worker, and copies Pyodide's files next to it, as the app's build does.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const PYODIDE_DIR = dirname(require.resolve('pyodide/package.json'));
const PYODIDE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];

function pythonSource(): Plugin {
  return {
    name: 'python-source',
    transform(code, id) {
      return id.endsWith('.py')
        ? { code: `export default ${JSON.stringify(code)};`, map: null }
        : null;
    },
  };
}

function pyodideFiles(outDir: string): Plugin {
  return {
    name: 'pyodide-files',
    apply: 'build',
    async writeBundle() {
      const target = join(outDir, 'pyodide');
      await mkdir(target, { recursive: true });
      await Promise.all(
        PYODIDE_FILES.map((file) => copyFile(join(PYODIDE_DIR, file), join(target, file))),
      );
    },
  };
}

/** Under the repository's dist/, which lint and git ignore. */
export const HOSTILE_DIST = join(here, '../../dist/hostile');

export default defineConfig({
  root: join(here, 'page'),
  base: '/',
  logLevel: 'warn',
  plugins: [pythonSource(), pyodideFiles(HOSTILE_DIST)],
  worker: { format: 'es', plugins: () => [pythonSource()] },
  build: {
    outDir: HOSTILE_DIST,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
});
