/**
 * The frames and variables of a task, as Python Tutor shows a program's frames: its coroutine
 * stack as last recorded (`task.frames`, when it paused), innermost last, each frame's local
 * variables as `name = value`, a Task value as a link to its card. Also where each paused
 * task's outer frames wait in the code (the calls that led to where it is paused).
 *
 * Pure functions of the state at a step, the same in every language.
 */
import type { RunState, TaskState } from '../../src-shared/loop-state.ts';
import type { FrameLocal } from '../../src-shared/trace.ts';
import { findPrivateNames } from './private-names.ts';
import type { Program } from './program.ts';

/** A task or future a value refers to; `task` is false for a future, which has no card. */
export interface ValueLink {
  id: number;
  label: string;
  task: boolean;
}

export interface LocalRow {
  name: string;
  /**
   * The value as the engine rendered it; null when the value is a link alone (a task or a
   * future), or when it shows asyncio's private names in the `code` lens, which words it plainly.
   */
  value: string | null;
  /** The task or future the value is, or those a container holds. */
  links: ValueLink[];
}

export interface FrameRow {
  /** Unique within the stack: its depth and function. */
  key: string;
  name: string;
  line: number;
  /** The frame where the task is paused (the innermost). */
  innermost: boolean;
  locals: LocalRow[];
}

/**
 * What the panel says about the task on show:
 * - `none`: no task to show;
 * - `scheduled`: created, its first step not run yet (its call is on its card);
 * - `paused`: waiting or ready, with its stack as it paused;
 * - `running`: its step runs; the stack is the one it had when it last paused (the engine
 *   records a stack when a step ends), empty on its first step;
 * - `ended`: done, failed or cancelled, with no frames left.
 */
export type FramesStatus = 'none' | 'scheduled' | 'paused' | 'running' | 'ended';

export interface FramesView {
  task: number | null;
  status: FramesStatus;
  frames: FrameRow[];
}

export interface FramesContext {
  /** How a task is called on screen. */
  label(id: number): string;
  /** How a future's type is called on screen, in the lens. */
  futureLabel(type: string): string;
  /** The program's code, to tell its own names from asyncio's private ones. */
  program: Program;
  /** The `code` lens: asyncio's private names are not shown. */
  plain: boolean;
}

function statusOf(task: TaskState): FramesStatus {
  switch (task.status) {
    case 'scheduled':
      return 'scheduled';
    case 'running':
      return 'running';
    case 'suspended':
    case 'ready':
      return 'paused';
    case 'done':
    case 'failed':
    case 'cancelled':
      return 'ended';
  }
}

function linkTo(id: number, state: RunState, context: FramesContext): ValueLink {
  const task = state.tasks.has(id);
  const label = task ? context.label(id) : context.futureLabel(state.futures.get(id)?.type ?? '');
  return { id, task, label };
}

function localRow(local: FrameLocal, state: RunState, context: FramesContext): LocalRow {
  if (local.ref !== undefined) {
    return { name: local.name, value: null, links: [linkTo(local.ref, state, context)] };
  }
  const links = (local.items ?? []).map((id) => linkTo(id, state, context));
  const hidden = context.plain && findPrivateNames(local.value, context.program).length > 0;
  return { name: local.name, value: hidden ? null : local.value, links };
}

/** The frames and variables of task `id` (null: none) at the state shown. */
export function deriveFramesView(
  state: RunState,
  id: number | null,
  context: FramesContext,
): FramesView {
  const task = id === null ? undefined : state.tasks.get(id);
  if (id === null || task === undefined) return { task: null, status: 'none', frames: [] };
  const status = statusOf(task);
  const last = task.frames.length - 1;
  const frames = task.frames.map((frame, depth) => ({
    key: `${depth}:${frame.name}`,
    name: frame.name,
    line: frame.line,
    innermost: depth === last,
    locals: frame.locals.map((local) => localRow(local, state, context)),
  }));
  return { task: id, status, frames };
}

/** A task's outer frame waiting at a line for the call it made: the task and the function. */
export interface CallerMark {
  task: number;
  function: string;
}

/**
 * The lines where paused tasks' outer frames wait for the calls they made, line → marks (the
 * innermost frame's line is the task's paused line, marked apart). A running task's stack is
 * the one it paused with, which its step may have left: it is not marked.
 */
export function callerLines(state: RunState): Map<number, CallerMark[]> {
  const lines = new Map<number, CallerMark[]>();
  for (const task of state.tasks.values()) {
    if (statusOf(task) !== 'paused') continue;
    for (const frame of task.frames.slice(0, -1)) {
      const mark = { task: task.id, function: frame.name };
      const marks = lines.get(frame.line);
      if (marks) marks.push(mark);
      else lines.set(frame.line, [mark]);
    }
  }
  return lines;
}
