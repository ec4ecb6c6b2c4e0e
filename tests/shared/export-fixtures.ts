/** The export tests' real traces: recorded by `loopscope run --trace` from the programs beside them. */
import { readFileSync } from 'node:fs';
import type { TraceEvent } from '../../src-shared/trace.ts';

const FIXTURES = new URL('./fixtures/export/', import.meta.url);

export const readFixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

export const fixtureEvents = (name: string): TraceEvent[] =>
  readFixture(name)
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as TraceEvent);
