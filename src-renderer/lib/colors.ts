/** Tasks are told apart by colour: ten theme colours, by creation order. */
export const TASK_COLORS = 10;

export function taskColor(order: number | null | undefined): string {
  return order === null || order === undefined
    ? 'var(--muted)'
    : `var(--task-${order % TASK_COLORS})`;
}
