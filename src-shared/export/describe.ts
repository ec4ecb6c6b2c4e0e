/**
 * How the exports name what the loop holds, as the app's views do (src-renderer/replay/views.ts
 * derives the same for the live views; both read src-shared's loop state).
 */
import type { HandleState, RunState, TaskState } from '../loop-state.ts';

/**
 * `Task main: __step` for a task's own step or wake-up (`Task-1: __step` for a task asyncio
 * named: "Task Task-1" would say it twice); the callback's name otherwise.
 */
export function describeHandle(handle: HandleState, state: RunState): string {
  const task = handle.task === null ? undefined : state.tasks.get(handle.task);
  if (task && (handle.role === 'step' || handle.role === 'wakeup')) {
    const name = /^tasks?\b/i.test(task.name) ? task.name : `Task ${task.name}`;
    return `${name}: ${handle.callback}`;
  }
  return handle.callback;
}

/** The task a handle works for: its own task, or the task whose sleep or future it serves. */
export function ownerOfHandle(handle: HandleState, state: RunState): number | null {
  if (handle.task !== null) return handle.task;
  if (handle.role === 'sleep') return handle.fromTask;
  if (handle.future !== null && state.tasks.has(handle.future)) return handle.future;
  return handle.fromTask;
}

/**
 * True for one of asyncio's own tasks (`asyncio.run`'s shutdown steps): its coroutine is a
 * method of asyncio's loop, defined outside the program.
 */
export function isAsyncioTask(task: Pick<TaskState, 'coro' | 'defLine'>): boolean {
  return task.defLine === null && task.coro.startsWith('BaseEventLoop.');
}
