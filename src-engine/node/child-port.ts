/**
 * The parent's side of a confined engine child: a `WorkerPort` over a Node child process and
 * its IPC channel. Each child serves one run (the engine client replaces it after every run)
 * and is killed when its run ends, when the engine closes, when the parent exits, or after
 * the grace period of a run it cannot stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { deserialize } from 'node:v8';
import { join } from 'node:path';
import { maxBatchBytes } from '../../src-shared/run-guard.ts';
import type { BudgetKind } from '../../src-shared/trace.ts';
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

/** The child's file descriptor of the snapshot file, when it is given one. */
export const SNAPSHOT_FD = 5;

/**
 * The child's file descriptor of the pipe its messages go to the parent by, each a frame:
 * its length (4 bytes, little-endian), then the message as `v8.serialize` writes it. The
 * child writes it with blocking writes, so that a run's batches reach the parent while Python
 * keeps the child busy: sent over the IPC channel, a message waits, once the channel's pipe is
 * full, for the child's event loop, which runs again only after the run.
 */
export const MESSAGES_FD = 6;

/** The largest frame a child may send before it is ready: a snapshot, with room to spare. */
const MAX_FRAME_BYTES = 512 * 1024 * 1024;
/**
 * Once ready, a child sends short replies, and in a run batches no bigger than the run's guard
 * accepts (`maxBatchBytes`) in their message: a frame past that is refused by its length,
 * before the parent holds it in memory.
 */
const READY_FRAME_BYTES = 1024 * 1024;

/**
 * What a child may hold during a run beyond the run's memory budget (`maxMemoryMb`), which the
 * interpreter keeps to its WebAssembly memory: Node's and Pyodide's own, about 170 MB. Past
 * the two, memory the program holds outside WebAssembly's (typed arrays of the realm, which
 * V8's heap limit does not count: 1.6 GB in 10 s here, and `check --jobs 4` runs four) ends the
 * child, and its run is stopped by the memory budget.
 */
const CHILD_OWN_MB = 320;
/** How often the parent reads a running child's memory. */
const MEMORY_POLL_MS = 100;

/**
 * A process's resident set in bytes, from /proc (Linux), or null where it cannot be read
 * this way (macOS, Windows: there the children's memory is not watched).
 */
export function residentBytes(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'latin1');
    const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
    return kib === undefined ? null : Number(kib) * 1024;
  } catch {
    return null;
  }
}
const MESSAGE_ENVELOPE_BYTES = 64 * 1024;

/**
 * A snapshot the parent keeps in a file it opened for reading: each child inherits the
 * descriptor and reads the file itself, instead of receiving its tens of megabytes over the
 * IPC channel (serialised, piped and copied on both sides: measured in `npm run bench`).
 */
export interface SnapshotFile {
  fd: number;
  /** The file's bytes, once the parent has read them; the engine client posts these. */
  bytes: Uint8Array | null;
}

/** The message that tells the child to start from the snapshot in `SNAPSHOT_FD`. */
const SNAPSHOT_FILE_INIT = { type: 'init', snapshotFile: true } as const;

export function isSnapshotFileInit(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Reflect.get(value, 'type') === SNAPSHOT_FILE_INIT.type &&
    Reflect.get(value, 'snapshotFile') === true
  );
}

/**
 * How a child's V8 compiles Pyodide's WebAssembly, which each child compiles afresh for its
 * one program (measured in `npm run bench`):
 * - `tiered`: a function moves up to V8's optimising compiler only once it has run a long
 *   while (a budget 55 times V8's default). A short program runs as fast as with the baseline
 *   compiler alone, and a long one faster (the 10,000-task program by about a sixth).
 * - `baseline`: the baseline compiler only. Children that each run a short program back to
 *   back take less CPU time (`loopscope check` of the bundled course: 21 s against 26 s).
 */
export type Compilation = 'tiered' | 'baseline';

const V8_FLAGS: Record<Compilation, readonly string[]> = {
  tiered: ['--wasm-tiering-budget=100000000'],
  baseline: ['--liftoff-only'],
};

/**
 * The stack V8 may use, in KiB: half of the 8 MiB a main thread has on Linux and macOS, and on
 * Windows since Node.js 19 (V8 assumes 984 KiB). Freeing a long chain of objects recurses in
 * C, on this stack (docs/engine.md, "Deep recursion in C"): a linked list of 14,000 nodes is
 * freed, where 4,000 ended the run.
 */
const STACK_KIB = 4000;

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
 * while Python runs. `snapshot`, when given, is the file the child reads its snapshot from
 * if the engine client starts it with that file's bytes.
 */
export function spawnConfinedChild(
  paths: ChildPaths,
  stopFile: string,
  snapshot: SnapshotFile | null = null,
  compilation: Compilation = 'tiered',
): WorkerPort {
  writeFileSync(stopFile, '');
  const pyodideFiles = PYODIDE_FILES.map((name) => join(paths.pyodideDir, name));
  const args = [
    ...confinementArgs([paths.childScript, paths.realmScript, ...pyodideFiles]),
    ...V8_FLAGS[compilation],
    `--stack-size=${STACK_KIB}`,
    paths.childScript,
    paths.realmScript,
    paths.pyodideDir,
  ];
  const flag = openSync(stopFile, 'r');
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, args, {
      // No standard streams: the child has nothing to say but its messages.
      stdio: ['ignore', 'ignore', 'ignore', 'ipc', flag, snapshot?.fd ?? 'ignore', 'pipe'],
      serialization: 'advanced',
      env: childEnvironment(),
      windowsHide: true,
    });
  } finally {
    closeSync(flag);
  }
  // Neither the child nor its idle pipes keep the parent alive: a pending request does.
  child.unref();
  child.channel?.unref();
  const messages = (child.stdio as readonly unknown[])[MESSAGES_FD] as Socket;
  messages.unref();
  let awaiting = 0;
  const awaitReplies = (more: number) => {
    awaiting = Math.max(0, awaiting + more);
    if (awaiting > 0) messages.ref();
    else messages.unref();
  };

  let frameLimit = MAX_FRAME_BYTES;
  let runFrameLimit: number | null = null;
  let refusal: string | null = null;
  let poll: ReturnType<typeof setInterval> | null = null;
  let memoryPoll: ReturnType<typeof setInterval> | null = null;
  /** The budget the parent ended the child for, if it did. */
  let overBudget: BudgetKind | null = null;
  const stopPolling = () => {
    if (poll) clearInterval(poll);
    if (memoryPoll) clearInterval(memoryPoll);
    poll = null;
    memoryPoll = null;
  };
  const kill = () => {
    stopPolling();
    live.delete(kill);
    messages.unref();
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
        runFrameLimit = maxBatchBytes(message.request) + MESSAGE_ENVELOPE_BYTES;
        frameLimit = runFrameLimit;
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
        const pid = child.pid;
        const maxRssBytes = (message.request.budgets.maxMemoryMb + CHILD_OWN_MB) * 1024 * 1024;
        if (pid !== undefined && residentBytes(pid) !== null) {
          // Read from outside: the child's own event loop does not run while Python computes.
          memoryPoll = setInterval(() => {
            if ((residentBytes(pid) ?? 0) <= maxRssBytes) return;
            overBudget = 'memory';
            kill();
          }, MEMORY_POLL_MS);
          memoryPoll.unref();
        }
        awaitReplies(1);
        child.send({ ...message, control: null });
        return;
      }
      awaitReplies(1);
      // The same bytes as the file the child inherited: it reads them there.
      const fromFile =
        message.type === 'init' &&
        message.snapshot !== null &&
        message.snapshot === snapshot?.bytes;
      child.send(fromFile ? SNAPSHOT_FILE_INIT : message);
    },
    onMessage(listener) {
      readFrames(
        messages,
        () => frameLimit,
        (frame) => {
          let message: unknown;
          try {
            message = deserialize(frame);
          } catch {
            kill();
            return;
          }
          const type =
            typeof message === 'object' && message !== null && Reflect.get(message, 'type');
          if (type === 'ready') frameLimit = runFrameLimit ?? READY_FRAME_BYTES;
          if (type === 'ready' || type === 'done' || type === 'failed') awaitReplies(-1);
          listener(message);
        },
        (length) => {
          refusal = `The engine sent a message of ${length} bytes, more than a run sends.`;
          kill();
        },
      );
    },
    onError(listener) {
      child.on('error', (error) =>
        listener(`The engine's process could not start: ${error.message}`),
      );
      // 'close', not 'exit': the messages the child wrote before it ended are read first.
      child.on('close', (code, signal) => {
        stopPolling();
        live.delete(kill);
        if (overBudget) {
          listener("The engine's process held more than its memory budget.", overBudget);
          return;
        }
        listener(refusal ?? `The engine's process exited (${signal ?? `code ${code}`}).`);
      });
    },
    terminate: kill,
  };
}

/**
 * Calls `deliver` with the body of each frame read from `stream` (see `MESSAGES_FD`), in
 * order; a frame longer than `limit` (read as each frame's length arrives) calls `refuse`
 * instead, and ends the reading.
 */
export function readFrames(
  stream: NodeJS.ReadableStream,
  limit: number | (() => number),
  deliver: (body: Buffer) => void,
  refuse: (length: number) => void,
): void {
  let chunks: Buffer[] = [];
  let size = 0;
  const onData = (chunk: Buffer) => {
    chunks.push(chunk);
    size += chunk.length;
    while (size >= 4) {
      if ((chunks[0]?.length ?? 0) < 4) chunks = [Buffer.concat(chunks, size)];
      const length = (chunks[0] as Buffer).readUInt32LE(0);
      if (length > (typeof limit === 'number' ? limit : limit())) {
        stream.off('data', onData);
        chunks = [];
        refuse(length);
        return;
      }
      if (size < 4 + length) return;
      // Joined once, when the whole frame is there (a snapshot comes in a thousand chunks).
      const all = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
      const rest = all.subarray(4 + length);
      chunks = rest.length > 0 ? [rest] : [];
      size = rest.length;
      deliver(all.subarray(4, 4 + length));
    }
  };
  stream.on('data', onData);
}
