/** Trace events the main process's tests hand to it as an engine page would send them. */
import type { TraceEvent } from '../../src-shared/trace.ts';

/** The run.start event an engine page sends for `source`, run as main.py. */
export const runStartEvent = (source = 'print(1)'): TraceEvent => ({
  seq: 0,
  t: 0,
  kind: 'run.start',
  version: 1,
  python: '3.14.0',
  file: 'main.py',
  source,
});
