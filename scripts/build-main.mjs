// Bundles the Electron main process and its two preloads with esbuild into dist/main/.
// Sandboxed preloads cannot require anything but 'electron', so each is one CommonJS file.
import { build } from 'esbuild';

export async function buildMain() {
  await build({
    entryPoints: {
      main: 'src-main/main.ts',
      preload: 'src-main/preload.ts',
      'engine-preload': 'src-main/engine-preload.ts',
    },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    sourcemap: true,
    // Kept readable: the security scan (scripts/check-security.mjs) reads this output.
    minify: false,
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildMain();
