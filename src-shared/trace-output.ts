import type { OutcomeKind, TraceEvent } from './trace.ts';

/** What a program printed, and how it ended, read off its trace. */
export interface ProgramOutput {
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved in the order the program wrote them, as a terminal shows. */
  terminal: string;
  exitCode: number;
  outcome: OutcomeKind;
}

export function collectOutput(events: readonly TraceEvent[]): ProgramOutput {
  let stdout = '';
  let stderr = '';
  let terminal = '';
  let exitCode = 70;
  let outcome: OutcomeKind = 'crashed';
  for (const event of events) {
    if (event.kind === 'output') {
      if (event.stream === 'stdout') stdout += event.text;
      else stderr += event.text;
      terminal += event.text;
    } else if (event.kind === 'run.end') {
      exitCode = event.exitCode;
      outcome = event.outcome;
    }
  }
  return { stdout, stderr, terminal, exitCode, outcome };
}
