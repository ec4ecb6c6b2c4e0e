/**
 * The parent's side of a confined engine child: a `WorkerPort` over a Node child process and
 * its IPC channel. Each child serves one run (the engine client replaces it after every run)
 * and is killed when its run ends, when the engine closes, when the parent exits, or after
 * the grace period of a run it cannot stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerPort } from '../core/protocol.ts';
import { confinementArgs } from './confinement.ts';
import { PYODIDE_FILES } from './realm-contract.ts';

export interface ChildPaths {
  /** The child's entry (dist/engine/node-child.mjs). */
  childScript: string;
  /** The realm script (dist/engine/node-realm.js). */
  realmScript: string;
  /** Pyodide's folder. */
  pyodideDir: string;
}

/**
 * The child's file descriptor of its stop flag: a file opened read-only by the parent and
 * inherited, so the child needs no permission to read any path for it.
 */
export const STOP_FLAG_FD = 4;

/**
 * Each child compiles Pyodide's WebAssembly afresh and runs one program: V8's optimising
 * compiler would spend more time on the interpreter than a lesson's run saves (measured in
 * `npm run bench`: a short program's child takes about a third less CPU time with only the
 * baseline compiler, and a 10,000-task program as much as with both).
 */
const V8_FLAGS = ['--liftoff-only'];

/** How often a run's stop flag is looked at, in milliseconds. */
const STOP_POLL_MS = 20;

const live = new Set<() => void>();
let exitHooked = false;

/** Kills every child still running; the parent calls it before it exits. */
export function killAllChildren(): void {
  for (const kill of [...live]) kill();
}

/**
 * The child's environment: nothing of the user's (no `NODE_OPTIONS` to widen its
 * permissions, no secrets to read), except what Windows needs to start a process at all.
 */
function childEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  if (process.platform === 'win32' && process.env.SystemRoot) {
    env.SystemRoot = process.env.SystemRoot;
  }
  return env;
}

/**
 * Starts a confined child. `stopFile` is this child's own stop flag, which the parent writes
 * when the engine client asks a run to stop, and the child reads (through `STOP_FLAG_FD`)
 * while Python runs.
 */
export function spawnConfinedChild(paths: ChildPaths, stopFile: string): WorkerPort {
  writeFileSync(stopFile, '');
  const pyodideFiles = PYODIDE_FILES.map((name) => join(paths.pyodideDir, name));
  const args = [
    ...confinementArgs([paths.childScript, paths.realmScript, ...pyodideFiles]),
    ...V8_FLAGS,
    paths.childScript,
    paths.realmScript,
    paths.pyodideDir,
  ];
  const flag = openSync(stopFile, 'r');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, args, {
      // No standard streams: the child has nothing to say but its messages.
      stdio: ['ignore', 'ignore', 'ignore', 'ipc', flag],
      serialization: 'advanced',
      env: childEnvironment(),
      windowsHide: true,
    });
  } finally {
    closeSync(flag);
  }
  // Neither the child nor an idle channel keeps the parent alive: a pending request does.
  child.unref();
  const channel = child.channel;
  channel?.unref();
  let awaiting = 0;
  const awaitReplies = (more: number) => {
    awaiting = Math.max(0, awaiting + more);
    if (awaiting > 0) channel?.ref();
    else channel?.unref();
  };

  let poll: ReturnType<typeof setInterval> | null = null;
  const stopPolling = () => {
    if (poll) clearInterval(poll);
    poll = null;
  };
  const kill = () => {
    stopPolling();
    live.delete(kill);
    channel?.unref();
    child.kill('SIGKILL');
    try {
      rmSync(stopFile, { force: true });
    } catch {
      // Windows keeps a file the dying child still holds; the engine removes its folder.
    }
  };
  live.add(kill);
  if (!exitHooked) {
    exitHooked = true;
    process.on('exit', killAllChildren);
  }

  return {
    post(message) {
      if (message.type === 'run') {
        const { control } = message;
        stopPolling();
        if (control) {
          // The engine client writes its stop request into `control`; the child cannot
          // share memory with the parent, so the request goes on through the stop file.
          poll = setInterval(() => {
            const reason = Atomics.load(control, 0);
            if (reason === 0) return;
            stopPolling();
            try {
              writeFileSync(stopFile, new Uint8Array([reason]));
            } catch {
              // The child is gone already; the engine client ends the run after its grace.
            }
          }, STOP_POLL_MS);
          poll.unref();
        }
        awaitReplies(1);
        child.send({ ...message, control: null });
        return;
      }
      awaitReplies(1);
      child.send(message);
    },
    onMessage(listener) {
      child.on('message', (message: unknown) => {
        const type =
          typeof message === 'object' && message !== null && Reflect.get(message, 'type');
        if (type === 'ready' || type === 'done' || type === 'failed') awaitReplies(-1);
        listener(message);
      });
    },
    onError(listener) {
      child.on('error', (error) =>
        listener(`The engine's process could not start: ${error.message}`),
      );
      child.on('exit', (code, signal) => {
        stopPolling();
        live.delete(kill);
        listener(`The engine's process exited (${signal ?? `code ${code}`}).`);
      });
    },
    terminate: kill,
  };
}
