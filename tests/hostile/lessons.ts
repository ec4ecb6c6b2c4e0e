/**
 * The hostile lessons (lessons/*.py) and what must happen to each, shared by the suites that
 * run them: against the desktop app's engine page (hostile.spec.ts) and against the web
 * edition (web-edition.spec.ts). Each lesson states in its header:
 *
 *   # expect-outcome: raised            how the run must end (`run.end`'s outcome)
 *   # expect-message: FileNotFoundError a regular expression the user must see: the program's
 *                                       output, its exception, or how and why the run ended
 *   # budget: maxWallMs=3000            budgets for the run, when not the defaults
 *   # resident-for: 17                  the lesson tries to outlive its run: ordinary runs
 *                                       follow it for that many seconds, each untouched
 *
 * A lesson prints "LEAKED" when an attack worked; it gets, as its input, the address of a
 * server on another origin, which it tries to reach. A lesson that attacks in steps prints
 * `step <what it tried>: yes` or `: no (why)` for each, so that a test can tell an attack
 * that was contained from one that never got going.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import type { LoopscopeApi } from '../../src-shared/api.ts';
import type { Budgets, RunRequest, TraceEvent } from '../../src-shared/trace.ts';
import { validateTrace } from '../../src-shared/trace-validate.ts';

const LESSONS = fileURLToPath(new URL('./lessons', import.meta.url));

export interface HostileLesson {
  file: string;
  code: string;
  outcome: string;
  message: RegExp;
  budgets: Partial<Budgets>;
  /** Seconds during which ordinary runs after it must be untouched; 0 when not a resident. */
  residentFor: number;
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
      const residentFor = Number(header('resident-for') ?? 0);
      return { file, code, outcome, message: new RegExp(message), budgets, residentFor };
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

/** The steps a lesson reports (`step <what>: yes|no …`), and whether each worked. */
export function stepsOf(events: readonly TraceEvent[]): { step: string; worked: boolean }[] {
  return [...stdoutOf(events).matchAll(/^step (.+?): (yes|no)\b/gm)].map((match) => ({
    step: match[1] ?? '',
    worked: match[2] === 'yes',
  }));
}

/** What the hostile suites count, per host, for the closing report. */
export interface Tally {
  lessons: number;
  contained: number;
  steps: number;
  stepsWorked: number;
  residents: number;
  ordinaryRuns: number;
}

export const createTally = (): Tally => ({
  lessons: 0,
  contained: 0,
  steps: 0,
  stepsWorked: 0,
  residents: 0,
  ordinaryRuns: 0,
});

export function describeTally(host: string, tally: Tally): string {
  return (
    `${host}: ${tally.contained} of ${tally.lessons} hostile lessons contained; ` +
    `${tally.stepsWorked} of ${tally.steps} attack steps reached what they aimed at; ` +
    `${tally.residents} lessons tried to outlive their run, followed by ` +
    `${tally.ordinaryRuns} ordinary runs, all untouched`
  );
}

/**
 * After a lesson that tried to outlive its run: ordinary programs run for `seconds` (past
 * every timer the lesson could plant), and each must show exactly its own output, carry its
 * own source, and nothing of the lesson's. Returns how many ran.
 */
export async function expectLaterRunsUntouched(
  run: (code: string) => Promise<TraceEvent[]>,
  seconds: number,
): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let count = 0;
  do {
    count += 1;
    const marker = `ordinary run ${count} ${Math.random().toString(36).slice(2)}`;
    const code = `print(${JSON.stringify(marker)})`;
    const events = await run(code);
    const start = events[0];
    expect(start?.kind === 'run.start' ? start.source : null).toBe(code);
    expect(events.at(-1)).toMatchObject({ kind: 'run.end', outcome: 'completed' });
    expect(stdoutOf(events)).toBe(`${marker}\n`);
    expect(visibleText(events)).toBe(`${marker}\n\nrun ended: completed`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  } while (performance.now() < until);
  return count;
}

/** Runs a program in the host under test; resolves with its whole trace. */
export type RunProgram = (
  code: string,
  options?: { stdin?: string; budgets?: Partial<Budgets> },
) => Promise<TraceEvent[]>;

/**
 * Runs a hostile lesson and checks what every host must guarantee: the outcome and message
 * its header states, nothing it printed says LEAKED, its worker ended with its run (of the
 * engine's workers that `liveWorkers` lists, none alive before the run is left after it, and
 * only one, for the next run, is alive), the next program
 * runs in a clean interpreter, and, for a lesson that tries to outlive its run, every later
 * run is untouched. The lesson's input is `exfil`, an address on another origin it tries to
 * reach.
 */
export async function expectContained(
  lesson: HostileLesson,
  run: RunProgram,
  exfil: string,
  tally: Tally,
  liveWorkers: () => readonly object[],
): Promise<void> {
  tally.lessons += 1;
  // The worker waiting for the next run, which this lesson gets.
  const before = liveWorkers();
  const started = performance.now();
  const trace = validateTrace(
    await run(lesson.code, { stdin: `${exfil}\n`, budgets: lesson.budgets }),
  );
  const end = trace.at(-1);
  const text = visibleText(trace);
  const steps = stepsOf(trace);
  console.log(
    `${lesson.file}: ${end?.kind === 'run.end' ? end.outcome : '?'} in ` +
      `${Math.round(performance.now() - started)} ms, ${trace.length} events` +
      (steps.length
        ? `, ${steps.filter((s) => s.worked).length} of ${steps.length} steps worked`
        : '') +
      ` — ${text.trim().split('\n').at(-1)?.slice(0, 160)}`,
  );
  if (process.env.HOSTILE_VERBOSE) console.log(text);
  expect(end).toMatchObject({ kind: 'run.end', outcome: lesson.outcome });
  expect(text).toMatch(lesson.message);
  // A lesson prints LEAKED when an attack worked (tracebacks may quote the line, so only
  // what the program printed counts).
  expect(stdoutOf(trace)).not.toContain('LEAKED');
  tally.steps += steps.length;
  tally.stepsWorked += steps.filter((s) => s.worked).length;
  // Whatever the program left running in its worker died with it.
  await expect
    .poll(
      () => {
        const live = liveWorkers();
        return { count: live.length, fromBefore: live.filter((w) => before.includes(w)).length };
      },
      { message: 'the run’s worker is ended with its run', timeout: 15_000 },
    )
    .toEqual({ count: 1, fromBefore: 0 });

  // The engine keeps working: the next program runs, in a clean interpreter.
  const after = validateTrace(await run(CANARY));
  expect(after.at(-1)).toMatchObject({ kind: 'run.end', outcome: 'completed' });
  expect(visibleText(after)).toContain(CANARY_OUTPUT);
  if (lesson.residentFor > 0) {
    tally.residents += 1;
    tally.ordinaryRuns += await expectLaterRunsUntouched(run, lesson.residentFor);
  }
  tally.contained += 1;
}
