/**
 * The doctor (src-shared/doctor.ts) on real runs: each program of the bundled lesson on common
 * mistakes, run by the real engine, gets the finding it was written for, at the right line and
 * task; programs that do it right get none.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { diagnose, DOCTOR_RULES, type DoctorRule } from '../../src-shared/doctor.ts';
import { doctorCatalog, doctorKeys } from '../../src-shared/i18n/catalog-doctor.ts';
import { parseLesson } from '../../src-shared/lesson/parse.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';
import { useEngine } from './engine-fixture.ts';

const LESSON = new URL('../../assets/lessons/10-common-mistakes.en.md', import.meta.url);
const lesson = parseLesson(readFileSync(LESSON, 'utf8'), '10-common-mistakes.en.md');
const engine = useEngine();

async function run(code: string): Promise<TraceEvent[]> {
  return (await engine().run({ code, filename: 'main.py' })).events;
}

/** Each scenario of the lesson, in order: the rule it shows and the line it is about. */
const EXPECTED: { rule: DoctorRule; line: number; coroutine?: string }[] = [
  { rule: 'never-awaited', line: 9 },
  { rule: 'exception-never-retrieved', line: 15, coroutine: 'load' },
  { rule: 'destroyed-pending', line: 18, coroutine: 'wait_for_signal' },
  { rule: 'task-not-kept', line: 10, coroutine: 'report' },
  { rule: 'blocking-call', line: 13, coroutine: 'compress' },
  { rule: 'no-running-loop', line: 8 },
  { rule: 'never-finishes', line: 6, coroutine: 'main' },
];

describe('the lesson on common mistakes: one finding for each', () => {
  test('it has a scenario for every rule, in the order of EXPECTED', () => {
    expect(lesson.scenarios).toHaveLength(EXPECTED.length);
    expect(new Set(EXPECTED.map((e) => e.rule))).toEqual(new Set(DOCTOR_RULES));
  });

  EXPECTED.forEach((expected, index) => {
    test(`${expected.rule}`, async () => {
      const code = lesson.scenarios[index]?.code ?? '';
      const events = await run(code);
      const findings = diagnose(events);
      expect(findings.map((f) => f.rule)).toEqual([expected.rule]);
      const [finding] = findings;
      expect(finding?.line).toBe(expected.line);
      // The step shown is an event of this run, not later than its end.
      expect(events[finding?.step ?? -1]?.seq).toBe(finding?.step);
      if (expected.coroutine) {
        const create = events.find((e) => e.kind === 'task.create' && e.task === finding?.task);
        expect(create?.kind === 'task.create' && create.coro).toBe(expected.coroutine);
        expect(finding?.params.name ?? finding?.params.seconds).toBeDefined();
      }
    });
  });
});

describe('programs that do it right get no finding', () => {
  test.each([
    [
      'tasks kept in a variable, a set and a TaskGroup',
      `import asyncio
async def work(n):
    await asyncio.sleep(0.1 * n)
    return n
async def main():
    first = asyncio.create_task(work(1))
    background = set()
    task = asyncio.create_task(work(2))
    background.add(task)
    task.add_done_callback(background.discard)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(work(3))
    print(await first, await task)
asyncio.run(main())
`,
    ],
    [
      'a failed task whose exception is awaited',
      `import asyncio
async def fail():
    raise ValueError('x')
async def main():
    task = asyncio.create_task(fail())
    try:
        await task
    except ValueError as error:
        print('caught', repr(error))
asyncio.run(main())
`,
    ],
  ])('%s', async (_name, code) => {
    expect(diagnose(await run(code))).toEqual([]);
  });
});

test('every rule has a title and an explanation in both languages', () => {
  for (const rule of DOCTOR_RULES) {
    const { title, explain } = doctorKeys(rule);
    for (const language of ['en', 'ru'] as const) {
      expect(doctorCatalog[language][title]).toMatch(/\S/);
      expect(doctorCatalog[language][explain]).toMatch(/\S/);
    }
  }
});
