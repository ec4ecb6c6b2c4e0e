// Builds everything: the engine's Node worker and the command line, the pages, the main
// process and its preloads.
import { buildEngine } from './build-engine.mjs';
import { buildMain } from './build-main.mjs';
import { buildRenderer } from './build-renderer.mjs';

const STEPS = { engine: buildEngine, renderer: buildRenderer, main: buildMain };

export async function buildAll() {
  for (const [name, run] of Object.entries(STEPS)) {
    const started = performance.now();
    await run();
    console.log(`built ${name} in ${Math.round(performance.now() - started)} ms`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await buildAll();
