import { readFileSync } from 'node:fs';
import type { TraceEvent } from '../../src-shared/trace.ts';
import { validateTrace } from '../../src-shared/trace-validate.ts';

/** A trace the real engine recorded (see fixtures/record.ts), checked as the host checks it. */
export function loadFixture(name: string): TraceEvent[] {
  const text = readFileSync(new URL(`fixtures/${name}.json`, import.meta.url), 'utf8');
  return validateTrace(JSON.parse(text) as unknown);
}

export const FIXTURES = [
  'budget_events',
  'create_task_not_started',
  'failing_task',
  'gather_order',
  'not_awaited_cancelled',
  'stuck',
  'syntax_error',
  'taskgroup_cancel',
  'time_sleep_blocks',
  'timers_cancel',
  'uncaught',
] as const;
