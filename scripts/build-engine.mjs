// Bundles the engine's Node worker and the command line with esbuild.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

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
      'cli/loopscope': 'src-engine/cli/main.ts',
    },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildEngine();
