// Bundles the Electron main process and its two preloads with esbuild into dist/main/.
// Sandboxed preloads cannot require anything but 'electron', so each is one CommonJS file.
import { build } from 'esbuild';
import { MAIN_BUNDLES, MAIN_DIR } from '../src-shared/build-paths.mjs';

const SOURCES = {
  main: 'src-main/main.ts',
  preload: 'src-main/preload.ts',
  enginePreload: 'src-main/engine-preload.ts',
};

export async function buildMain() {
  await build({
    // Each bundle is named as the main process loads it (build-paths.mjs).
    entryPoints: Object.fromEntries(
      Object.entries(SOURCES).map(([key, source]) => [
        MAIN_BUNDLES[key].replace(/\.cjs$/, ''),
        source,
      ]),
    ),
    outdir: MAIN_DIR,
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
