/**
 * The hostile lessons (lessons/*.py) and what must happen to each, shared by the suites that
 * run them: against the desktop app's engine page (hostile.spec.ts) and against the web
 * edition (web-edition.spec.ts). Each lesson states in its header:
 *
 *   # expect-outcome: raised            how the run must end (`run.end`'s outcome)
 *   # expect-message: FileNotFoundError a regular expression the user must see: the program's
 *                                       output, its exception, or how and why the run ended
 *   # budget: maxWallMs=3000            budgets for the run, when not the defaults
 *
 * A lesson prints "LEAKED" when an attack worked; it gets, as its input, the address of a
 * server on another origin, which it tries to reach.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { LoopscopeApi } from '../../src-shared/api.ts';
import type { Budgets, RunRequest, TraceEvent } from '../../src-shared/trace.ts';

const LESSONS = fileURLToPath(new URL('./lessons', import.meta.url));

export interface HostileLesson {
  file: string;
  code: string;
  outcome: string;
  message: RegExp;
  budgets: Partial<Budgets>;
}

export function readHostileLessons(): HostileLesson[] {
  return readdirSync(LESSONS)
    .filter((name) => name.endsWith('.py'))
    .sort()
    .map((file) => {
      const code = readFileSync(join(LESSONS, file), 'utf8');
      const header = (key: string) => code.match(new RegExp(`^# ${key}: (.+)$`, 'm'))?.[1]?.trim();
      const outcome = header('expect-outcome');
      const message = header('expect-message');
      if (!outcome || !message)
        throw new Error(`${file} has no expect-outcome or expect-message header`);
      const budgets = Object.fromEntries(
        (header('budget') ?? '')
          .split(/\s+/)
          .filter(Boolean)
          .map((pair) => {
            const [key, value] = pair.split('=');
            return [key, Number(value)];
          }),
      ) as Partial<Budgets>;
      return { file, code, outcome, message: new RegExp(message), budgets };
    });
}

/** What the user sees of a run: its output, its exception, and how and why the run ended. */
export function visibleText(events: readonly TraceEvent[]): string {
  const parts: string[] = [];
  for (const event of events) {
    if (event.kind === 'output') parts.push(event.text);
    if (event.kind === 'exception') parts.push(`${event.exc.type}: ${event.exc.message}`);
    if (event.kind === 'run.end') {
      parts.push(`run ended: ${event.outcome}${event.budget ? ` (${event.budget} budget)` : ''}`);
      if (event.error) parts.push(event.error);
    }
  }
  return parts.join('\n');
}

/** What the program printed (tracebacks, which may quote a line saying LEAKED, excluded). */
export function stdoutOf(events: readonly TraceEvent[]): string {
  return events
    .map((event) => (event.kind === 'output' && event.stream === 'stdout' ? event.text : ''))
    .join('');
}

/** A plain program, run after each hostile one: the engine must still work, and be clean. */
export const CANARY = [
  'import asyncio, os',
  'async def main():',
  '    await asyncio.sleep(1)',
  '    print("canary ok", os.path.exists("/tmp/loopscope-hostile-marker"))',
  'asyncio.run(main())',
].join('\n');
export const CANARY_OUTPUT = 'canary ok False';

/**
 * Runs a program through a page's `window.loopscope` (the Electron preload's API or the web
 * edition's host), as the renderer does, and returns its whole trace.
 */
export function runThroughApi(page: Page, request: RunRequest): Promise<TraceEvent[]> {
  return page.evaluate(async (req) => {
    const api = (window as unknown as { loopscope: LoopscopeApi }).loopscope;
    const events: TraceEvent[] = [];
    const early: [string, TraceEvent[]][] = [];
    let runId: string | null = null;
    return new Promise<TraceEvent[]>((resolve) => {
      const take = (batch: TraceEvent[]) => {
        for (const event of batch) events.push(event);
        if (batch.at(-1)?.kind === 'run.end') {
          unsubscribe();
          resolve(events);
        }
      };
      const unsubscribe = api.engine.onEvents((id, batch) => {
        if (runId === null) early.push([id, batch]);
        else if (id === runId) take(batch);
      });
      void api.engine.run(req).then((id) => {
        runId = id;
        for (const [earlyId, batch] of early) if (earlyId === id) take(batch);
      });
    });
  }, request);
}
