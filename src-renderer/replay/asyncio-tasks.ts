/**
 * asyncio's own tasks. When the main coroutine has returned, `asyncio.run` shuts the loop down
 * with two more tasks: one runs `loop.shutdown_asyncgens()` (it finalizes async generators
 * still open), the other `loop.shutdown_default_executor()` (it joins the thread pool behind
 * `run_in_executor` and `to_thread`). They are real tasks, and they are shown, as asyncio's.
 */

/** What one of asyncio's own tasks does; `other` for one Loopscope does not know by name. */
export type AsyncioTaskKind = 'asyncgens' | 'executor' | 'other';

/**
 * The kind of asyncio's own task that runs `coro`, or null for a task of the program. A task
 * is asyncio's when its coroutine is a method of asyncio's loop, defined outside the program.
 */
export function asyncioTaskKind(coro: string, defLine: number | null): AsyncioTaskKind | null {
  if (defLine !== null || !coro.startsWith('BaseEventLoop.')) return null;
  switch (coro) {
    case 'BaseEventLoop.shutdown_asyncgens':
      return 'asyncgens';
    case 'BaseEventLoop.shutdown_default_executor':
      return 'executor';
    default:
      return 'other';
  }
}
