/** The Vite plugins every build of the engine's pages needs (the app's and the hostile suite's). */
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { assembleWat } from './scripts/build-engine.mjs';
import { PYODIDE_DIR } from './src-shared/build-paths.mjs';

const require = createRequire(import.meta.url);
const PYODIDE_PACKAGE = dirname(require.resolve('pyodide/package.json'));
/** What Pyodide needs at run time; all of it ships in the npm package, nothing is fetched. */
const PYODIDE_FILES = [
  'pyodide.mjs',
  'pyodide.asm.mjs',
  'pyodide.asm.wasm',
  'python_stdlib.zip',
  'pyodide-lock.json',
];

/** Serves Python sources as strings (the engine's tracer is bundled into its worker). */
export function pythonSource(): Plugin {
  return {
    name: 'python-source',
    transform(code, id) {
      return id.endsWith('.py')
        ? { code: `export default ${JSON.stringify(code)};`, map: null }
        : null;
    },
  };
}

/** Serves WebAssembly text as its module's bytes, as the engine's build bundles it. */
export function watModule(): Plugin {
  return {
    name: 'wat-module',
    async load(id) {
      if (!id.endsWith('.wat')) return null;
      const bytes = await assembleWat(id);
      return { code: `export default new Uint8Array(${JSON.stringify([...bytes])});`, map: null };
    },
  };
}

/** Copies Pyodide's runtime next to the built pages, under pyodide/. */
export function pyodideFiles(): Plugin {
  let outDir = '';
  return {
    name: 'pyodide-files',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    async writeBundle() {
      const target = join(outDir, PYODIDE_DIR);
      await mkdir(target, { recursive: true });
      await Promise.all(
        PYODIDE_FILES.map((file) => copyFile(join(PYODIDE_PACKAGE, file), join(target, file))),
      );
    },
  };
}
