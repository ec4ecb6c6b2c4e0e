import { TASK_COLORS } from '../../src-shared/palette.ts';

/** Tasks are told apart by colour: ten theme colours, by creation order (src-shared/palette.ts). */
export { TASK_COLORS };

export function taskColor(order: number | null | undefined): string {
  return order === null || order === undefined
    ? 'var(--muted)'
    : `var(--task-${order % TASK_COLORS})`;
}
