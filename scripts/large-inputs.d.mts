export function hugeLesson(bytes?: number): string;
export const HUGE_OUTPUT: string;
export const HUNDRED_THOUSAND_TASKS: string;
export function longTrace(
  size: number,
  tasks?: number,
  lines?: (handle: number) => number[],
): Record<string, unknown>[];
export function traceAsJsonLines(events: readonly Record<string, unknown>[]): string;
export function traceAsReplayFile(events: readonly Record<string, unknown>[]): string;
