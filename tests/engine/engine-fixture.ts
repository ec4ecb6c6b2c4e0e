/** What the engine's test files share: one engine per file, and the conformance programs. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { NodeEngine } from '../../src-engine/node/engine.ts';

/** The folder of the conformance programs, without a trailing slash. */
export const PROGRAMS_DIR = fileURLToPath(
  new URL('./conformance/programs/', import.meta.url),
).replace(/\/$/, '');

/** The conformance programs' file names, in order. */
export const conformancePrograms = (): string[] =>
  readdirSync(PROGRAMS_DIR)
    .filter((name) => name.endsWith('.py'))
    .sort();

/** Starts an engine before the file's tests and closes it after them. */
export function useEngine(): () => NodeEngine {
  let engine: NodeEngine | null = null;
  beforeAll(async () => {
    engine = new NodeEngine();
    await engine.ready();
  });
  afterAll(() => engine?.close());
  return () => {
    if (!engine) throw new Error('The engine is not started yet.');
    return engine;
  };
}
