/**
 * The only way between the engine's confined child process (trusted Node code) and the
 * `node:vm` realm in which Pyodide runs the learner's program. Everything that crosses it is
 * a primitive or bytes: no Node object ever enters the realm, so Python, which can reach every
 * object of the realm it runs in, finds nothing of Node's there (docs/architecture.md, "The
 * command line's sandbox").
 */
import { assertNever } from '../../src-shared/trace.ts';
import type { HostMessage, WorkerMessage } from '../core/protocol.ts';

/**
 * What the child gives the realm: plain functions of primitives and bytes. They never throw
 * (a host error object would be a Node object) and never return an object; the realm wraps
 * each in a function of its own, so the realm's global object holds none of them.
 */
export interface RealmHost {
  /** The size of one of Pyodide's files, or -1 for any other path. */
  fileSize(path: string): number;
  /** Reads one of Pyodide's files into `into`, which has its size; false if it could not. */
  readFile(path: string, into: Uint8Array): boolean;
  /** Decodes bytes with a WHATWG encoding; null when they are invalid and `fatal` is set. */
  decode(label: string, fatal: boolean, ignoreBOM: boolean, bytes: Uint8Array): string | null;
  /** Milliseconds from the process's start, as `performance.now()`. */
  now(): number;
  /** Fills at most 65,536 bytes with cryptographically random ones; false if it could not. */
  randomFill(bytes: Uint8Array): boolean;
  /** Calls the realm's `fireTimer(id)` after `ms` milliseconds. */
  setTimer(id: number, ms: number): void;
  clearTimer(id: number): void;
  /** 0 while the run may go on; 1 when the user stopped it, 2 when it is out of time. */
  stopRequested(): number;
  /** Sends a message to the engine client, encoded as in `encodeWorkerMessage`. */
  post(type: string, number: number, text: string, bytes: Uint8Array | null): void;
}

/** What the realm gives the child in return; also functions of primitives and bytes. */
export interface RealmReceivers {
  /** Delivers a message from the engine client, encoded as in `decodeHostMessage`. */
  deliver(type: string, number: number, text: string, bytes: Uint8Array | null): void;
  /** A timer set with `setTimer` is due. */
  fireTimer(id: number): void;
  /** A byte array of the realm, for the child to copy a snapshot into. */
  allocate(length: number): Uint8Array;
}

/** The realm script's completion value: its exports. `start` runs once. */
export interface RealmExports {
  start(host: RealmHost): RealmReceivers;
}

/** The files of Pyodide's folder that the engine reads, and the only ones it may. */
export const PYODIDE_FILES = ['pyodide.asm.wasm', 'python_stdlib.zip', 'pyodide-lock.json'];

/** A message as the arguments of `post` or `deliver`. */
export type EncodedMessage = [type: string, number: number, text: string, bytes: Uint8Array | null];

/** The engine client's message, for `deliver`; the child chooses Pyodide's folder itself. */
export function encodeHostMessage(message: HostMessage, indexURL: string): EncodedMessage {
  switch (message.type) {
    case 'init':
      // The parent sends the snapshot as bytes: a Blob, like a compiled module, stays in the
      // process that made it.
      if (message.snapshot instanceof Blob) throw new Error('The snapshot must come as bytes.');
      return ['init', 0, indexURL, message.snapshot];
    case 'run':
      return ['run', message.id, JSON.stringify(message.request), null];
    default:
      return assertNever(message);
  }
}

/** The realm's side of `encodeHostMessage`; `control` is the realm's view of the stop flag. */
export function decodeHostMessage(
  [type, number, text, bytes]: EncodedMessage,
  control: Int32Array,
): HostMessage | null {
  switch (type) {
    case 'init':
      return { type: 'init', snapshot: bytes, indexURL: text, wasm: null };
    case 'run': {
      const request: Extract<HostMessage, { type: 'run' }>['request'] = JSON.parse(text);
      return { type: 'run', id: number, request, control };
    }
    default:
      return null;
  }
}

/** The worker's message, for `post`. */
export function encodeWorkerMessage(message: WorkerMessage): EncodedMessage {
  switch (message.type) {
    case 'loading':
      return ['loading', message.progress, '', null];
    case 'ready':
      return ['ready', message.coldStartMs, message.python, null];
    case 'snapshot':
      return ['snapshot', 0, '', message.snapshot];
    case 'events':
      return ['events', message.id, '', message.batch];
    case 'done':
      return ['done', message.id, '', null];
    case 'failed':
      return ['failed', 0, message.message, null];
    case 'over-memory':
      // The child's host says this, never the realm (decodeWorkerMessage refuses it).
      throw new Error('The realm does not measure memory.');
    default:
      return assertNever(message);
  }
}

/**
 * The child's side of `encodeWorkerMessage`: null for anything else. The arguments come from
 * the realm, where a program may call `post` itself, so nothing is assumed of them; `bytes`
 * is already the child's own copy. The engine client checks the message again.
 */
export function decodeWorkerMessage(
  type: unknown,
  number: unknown,
  text: unknown,
  bytes: Uint8Array | null,
): WorkerMessage | null {
  if (typeof type !== 'string' || typeof number !== 'number' || typeof text !== 'string') {
    return null;
  }
  switch (type) {
    case 'loading':
      return { type, progress: number };
    case 'ready':
      return { type, python: text, coldStartMs: number };
    case 'snapshot':
      return bytes ? { type, snapshot: bytes } : null;
    case 'events':
      return bytes ? { type, id: number, batch: bytes } : null;
    case 'done':
      return { type, id: number };
    case 'failed':
      return { type, message: text };
    default:
      return null;
  }
}
