/**
 * The bundled course's runnable scenarios, each run by the real engine once per test file:
 * the traces the renderer's tests check the picture against.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { NodeEngine } from '../../src-engine/node/engine.ts';
import { parseLesson } from '../../src-shared/lesson/parse.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';

const LESSONS = new URL('../../assets/lessons/', import.meta.url);

export interface BundledScenario {
  /** `01-create-task.en.md #3`. */
  name: string;
  file: string;
  number: number;
  code: string;
  events: TraceEvent[];
}

/** Every runnable scenario of every bundled lesson, in both languages, once per distinct code. */
function bundledPrograms(): Omit<BundledScenario, 'events'>[] {
  const seen = new Set<string>();
  const programs: Omit<BundledScenario, 'events'>[] = [];
  for (const file of readdirSync(LESSONS)
    .filter((f) => f.endsWith('.md'))
    .sort()) {
    const lesson = parseLesson(readFileSync(new URL(file, LESSONS), 'utf8'), file);
    for (const scenario of lesson.scenarios) {
      if (!scenario.runnable || seen.has(scenario.code)) continue;
      seen.add(scenario.code);
      programs.push({
        name: `${file} #${scenario.number}`,
        file,
        number: scenario.number,
        code: scenario.code,
      });
    }
  }
  return programs;
}

/** Runs every bundled scenario before the file's tests; the traces are ready inside them. */
export function useBundledTraces(): () => BundledScenario[] {
  let traces: BundledScenario[] = [];
  beforeAll(async () => {
    // Two engines take turns with the programs: each run has a process of its own, and a
    // machine with two cores runs two at once.
    const programs = bundledPrograms();
    const results: BundledScenario[] = [];
    const worker = async () => {
      const engine = new NodeEngine();
      try {
        for (let next = programs.shift(); next; next = programs.shift()) {
          const result = await engine.run({ code: next.code, filename: 'main.py' });
          results.push({ ...next, events: result.events });
        }
      } finally {
        await engine.close();
      }
    };
    await Promise.all([worker(), worker()]);
    traces = results.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
  }, 600_000);
  afterAll(() => {
    traces = [];
  });
  return () => traces;
}
