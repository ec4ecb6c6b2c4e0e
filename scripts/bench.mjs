// `npm run bench`: runs every scripts/bench-*.mjs (engine, export, renderer) and prints what each
// measures. Benchmarks print numbers; they are run on purpose, never as tests (timings on
// shared machines vary).
import { readdir } from 'node:fs/promises';
import { register } from 'tsx/esm/api';

register();
const only = process.argv[2];
const benches = (await readdir(new URL('.', import.meta.url)))
  .filter((name) => /^bench-.+\.mjs$/.test(name) && (!only || name.includes(only)))
  .sort();
for (const bench of benches) {
  const module = await import(new URL(bench, import.meta.url).href);
  const run = Object.entries(module).find(([name]) => name.startsWith('bench'))?.[1];
  if (typeof run !== 'function') throw new Error(`${bench} exports no bench function`);
  console.log(`\n== ${bench.slice(6, -4)}`);
  await run();
}
process.exit(0);
