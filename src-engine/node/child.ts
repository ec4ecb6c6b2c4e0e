/**
 * The engine's confined child process: one per run, started by the command line (the
 * trusted parent, `child-port.ts`) with Node's permission model, and killed when the run
 * ends. It checks that it really is confined, then runs the engine in a `node:vm` realm
 * (`realm-host.ts`) and relays messages between that realm and the parent's engine client over
 * the IPC channel. It reads only its own files and Pyodide's, and writes nothing.
 *
 * Usage (by `child-port.ts` only): node <confinement flags> node-child.mjs REALM PYODIDE,
 * with the stop flag open for reading as file descriptor `STOP_FLAG_FD`, and the snapshot,
 * when the parent has it in a file, as `SNAPSHOT_FD`.
 */
import type { HostMessage, WorkerMessage } from '../core/protocol.ts';
import { writeSync } from 'node:fs';
import { serialize } from 'node:v8';
import { MESSAGES_FD, SNAPSHOT_FD, STOP_FLAG_FD, isSnapshotFileInit } from './child-port.ts';
import { EXIT_UNCONFINED, findConfinementGap } from './confinement.ts';
import { PYODIDE_FILES } from './realm-contract.ts';
import { createEngineRealm } from './realm-host.ts';

/** Blocks the thread for `ms` milliseconds (while the parent drains the messages' pipe). */
const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Writes all of `bytes` to `fd`, waiting while the pipe is full. */
function writeAll(fd: number, bytes: Uint8Array): void {
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(fd, bytes, written);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      pause(1);
    }
  }
}

/** Sends a message to the parent, at once (see `MESSAGES_FD`). */
function send(message: WorkerMessage): void {
  const body = serialize(message);
  const frame = Buffer.allocUnsafe(4 + body.length);
  frame.writeUInt32LE(body.length, 0);
  body.copy(frame, 4);
  try {
    writeAll(MESSAGES_FD, frame);
  } catch {
    // The parent is gone; it will not miss the message.
  }
}

/** The parent is trusted; its messages are still checked for shape. */
function parseHostMessage(value: unknown): HostMessage | null {
  if (typeof value !== 'object' || value === null) return null;
  const message = value as Partial<Record<string, unknown>>;
  if (message.type === 'init') {
    const snapshot = message.snapshot;
    return snapshot === null || snapshot instanceof Uint8Array
      ? { type: 'init', snapshot, indexURL: null, wasm: null }
      : null;
  }
  if (message.type === 'run' && Number.isSafeInteger(message.id)) {
    const request = message.request;
    if (typeof request !== 'object' || request === null) return null;
    return {
      type: 'run',
      id: Number(message.id),
      request: request as Extract<HostMessage, { type: 'run' }>['request'],
      control: null,
    };
  }
  return null;
}

function main(): void {
  const [realmScript, pyodideDir] = process.argv.slice(2);
  if (!realmScript || !pyodideDir) throw new Error('usage: node-child.mjs REALM PYODIDE');
  // The parent's end of the channel closes when it exits: so does the child.
  process.on('disconnect', () => process.exit(0));

  const readable = [
    process.argv[1] ?? '',
    realmScript,
    ...PYODIDE_FILES.map((f) => `${pyodideDir}/${f}`),
  ];
  const gap = findConfinementGap(readable);
  if (gap) {
    send({
      type: 'failed',
      message: `The engine's process is not confined (${gap}); Loopscope runs no program outside its sandbox.`,
    });
    process.exit(EXIT_UNCONFINED);
    return;
  }

  const realm = createEngineRealm({ realmScript, pyodideDir, stopFd: STOP_FLAG_FD }, (message) =>
    send(message),
  );
  process.on('message', (value: unknown) => {
    try {
      if (isSnapshotFileInit(value)) {
        realm.initFromFile(SNAPSHOT_FD);
        return;
      }
      const message = parseHostMessage(value);
      if (message) realm.deliver(message);
    } catch {
      send({ type: 'failed', message: 'The engine realm refused a message.' });
    }
  });
}

main();
