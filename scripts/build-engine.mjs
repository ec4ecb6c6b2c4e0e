// Bundles the engine's Node worker and the command line with esbuild.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CLI_BUNDLE, DIST_DIR } from '../src-shared/build-paths.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  loader: { '.py': 'text' },
  // Pyodide finds its wasm and standard library next to its own module: leave it in node_modules.
  external: ['pyodide'],
  logLevel: 'warning',
  absWorkingDir: root,
};

export async function buildEngine() {
  await build({
    ...shared,
    entryPoints: {
      'engine/node-worker': 'src-engine/node/worker.ts',
      // bin/loopscope.mjs runs it from CLI_BUNDLE.
      [CLI_BUNDLE.slice(DIST_DIR.length + 1, -'.mjs'.length)]: 'src-engine/cli/main.ts',
    },
    outdir: DIST_DIR,
    outExtension: { '.js': '.mjs' },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildEngine();
