/**
 * What the engine's test files share: one engine per file, the conformance programs, and
 * reading a result's events.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { NodeEngine, type ProgramResult } from '../../src-engine/node/engine.ts';
import type { EventOf, TraceEvent, TraceEventKind } from '../../src-shared/trace.ts';

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

/** The result's events of one kind, in order. */
export function eventsOf<K extends TraceEventKind>(result: ProgramResult, kind: K): EventOf<K>[] {
  return result.events.filter((e): e is EventOf<K> => e.kind === kind);
}

/** The result's last event, which must be its run.end. */
export function endOf(result: ProgramResult): EventOf<'run.end'> {
  const end = result.events.at(-1) as TraceEvent;
  expect(end.kind).toBe('run.end');
  return end as EventOf<'run.end'>;
}
