// Builds everything: every scripts/build-*.mjs in turn (engine, renderer, main process).
import { readdir } from 'node:fs/promises';

const steps = (await readdir(new URL('.', import.meta.url)))
  .filter((name) => /^build-.+\.mjs$/.test(name))
  .sort();
for (const step of steps) {
  const module = await import(new URL(step, import.meta.url));
  const run = Object.entries(module).find(([name]) => name.startsWith('build'))?.[1];
  if (typeof run !== 'function') throw new Error(`${step} exports no build function`);
  const started = performance.now();
  await run();
  console.log(`built ${step.slice(6, -4)} in ${Math.round(performance.now() - started)} ms`);
}
