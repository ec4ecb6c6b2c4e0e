/**
 * The child's side of the engine realm: a `node:vm` context whose global object holds only
 * ECMAScript's built-ins and which compiles no strings, the realm script run in it, and the
 * host functions it may call (`RealmHost`). Every value from the realm is treated as hostile:
 * checked with `typeof`, its bytes read through Node's own intrinsics (a program may have
 * redefined the realm's `buffer` getter), and nothing thrown back.
 */
import { randomFillSync } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { types } from 'node:util';
import vm from 'node:vm';
import type { HostMessage, WorkerMessage } from '../core/protocol.ts';
import {
  decodeWorkerMessage,
  encodeHostMessage,
  PYODIDE_FILES,
  type RealmExports,
  type RealmHost,
} from './realm-contract.ts';

export interface RealmPaths {
  /** The bundled realm script (dist/engine/node-realm.js). */
  realmScript: string;
  /** Pyodide's folder. */
  pyodideDir: string;
  /** The stop flag, open for reading: the parent writes 1 (stop) or 2 (out of time) into it. */
  stopFd: number;
}

export interface EngineRealm {
  deliver(message: HostMessage): void;
  /**
   * Starts the interpreter from the snapshot in the open file `fd`, read straight into the
   * realm's own byte array: a snapshot is tens of megabytes, and every copy of it costs.
   */
  initFromFile(fd: number): void;
}

/**
 * Fills `view` with the file's bytes from its start, by position (a descriptor shared with
 * another process may have its offset moved); false when the file is shorter.
 */
export function readExactly(fd: number, view: Uint8Array): boolean {
  for (let done = 0; done < view.length;) {
    const read = readSync(fd, view, done, view.length - done, done);
    if (read === 0) return false;
    done += read;
  }
  return true;
}

const MAX_TIMER_DELAY = 2 ** 31 - 1;
/** A program may set timers through the realm; a few thousand is more than Pyodide uses. */
const MAX_TIMERS = 10_000;
const MAX_DECODERS = 16;

// Node's own accessors of a typed array's memory, which no code in the realm can redefine.
const typedArrayPrototype: object = Object.getPrototypeOf(Uint8Array.prototype);
const accessor = (name: string) => {
  const get = Object.getOwnPropertyDescriptor(typedArrayPrototype, name)?.get;
  if (!get) throw new Error(`No typed array accessor ${name}.`);
  return (view: Uint8Array): unknown => Reflect.apply(get, view, []);
};
const bufferOf = accessor('buffer');
const byteOffsetOf = accessor('byteOffset');
const byteLengthOf = accessor('byteLength');

/** A Node view of the memory of the realm's `Uint8Array`, or null for anything else. */
function viewOf(value: unknown): Uint8Array | null {
  if (!types.isUint8Array(value)) return null;
  try {
    const buffer = bufferOf(value);
    const offset = byteOffsetOf(value);
    const length = byteLengthOf(value);
    if (!types.isArrayBuffer(buffer) || typeof offset !== 'number' || typeof length !== 'number') {
      return null;
    }
    return new Uint8Array(buffer, offset, length);
  } catch {
    // A buffer the realm detached (ArrayBuffer.prototype.transfer) has no bytes to read.
    return null;
  }
}

function isRealmExports(value: unknown): value is RealmExports {
  return (
    typeof value === 'object' && value !== null && typeof Reflect.get(value, 'start') === 'function'
  );
}

/** The host functions, and the switch that stops snapshots once a program may have run. */
export interface RealmHostControl {
  host: RealmHost;
  /**
   * A run starts: no snapshot is taken any more, and the process's memory is watched against
   * the run's budget (see `overMemory`).
   */
  startRun(id: number, maxMemoryMb: number): void;
}

/** The stop reason of a run over its memory budget (engine-client's `interrupt`). */
const STOP_MEMORY = 3;

/**
 * The memory budget, read by `stopRequested` (which the realm calls every few milliseconds
 * while Python runs, even in a loop that records nothing): the process's resident set, which
 * counts what WebAssembly's memory and the realm's own arrays hold alike. Reading it costs a
 * system call, as the stop flag does.
 */
function memoryWatch(onOver: () => void) {
  let limit = Infinity;
  let over = false;
  return {
    start(maxMemoryMb: number) {
      limit =
        Number.isFinite(maxMemoryMb) && maxMemoryMb > 0 ? maxMemoryMb * 1024 * 1024 : Infinity;
    },
    /** True from the first reading over the budget on; the parent hears of it once. */
    exceeded(): boolean {
      if (!over && process.memoryUsage.rss() > limit) {
        over = true;
        onOver();
      }
      return over;
    },
  };
}

/**
 * The functions the realm may call. `onTimer` is called when a timer the realm set is due;
 * `send` takes the messages for the parent.
 */
export function createRealmHost(
  paths: RealmPaths,
  send: (message: WorkerMessage) => void,
  onTimer: (id: number) => void,
): RealmHostControl {
  const files = new Set(PYODIDE_FILES.map((name) => join(paths.pyodideDir, name)));
  const allowed = (path: unknown): string | null => {
    if (typeof path !== 'string') return null;
    const full = resolve(path);
    return files.has(full) ? full : null;
  };
  const stopByte = new Uint8Array(1);
  let runId = 0;
  // The parent is told as well: a program that catches the stop (it is an exception) and
  // goes on allocating is ended by the parent after the same grace as a run out of time.
  const memory = memoryWatch(() => send({ type: 'over-memory', id: runId }));
  const decoders = new Map<string, TextDecoder>();
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let snapshotsAccepted = true;

  const host: RealmHost = {
    fileSize(path) {
      const file = allowed(path);
      if (!file) return -1;
      try {
        const fd = openSync(file, 'r');
        try {
          return fstatSync(fd).size;
        } finally {
          closeSync(fd);
        }
      } catch {
        return -1;
      }
    },
    readFile(path, into) {
      const file = allowed(path);
      const view = viewOf(into);
      if (!file || !view) return false;
      try {
        const fd = openSync(file, 'r');
        try {
          return fstatSync(fd).size === view.length && readExactly(fd, view);
        } finally {
          closeSync(fd);
        }
      } catch {
        return false;
      }
    },
    decode(label, fatal, ignoreBOM, bytes) {
      const view = viewOf(bytes);
      if (typeof label !== 'string' || !view) return null;
      const key = `${label}\0${fatal === true}\0${ignoreBOM === true}`;
      try {
        let decoder = decoders.get(key);
        if (!decoder) {
          decoder = new TextDecoder(label, {
            fatal: fatal === true,
            ignoreBOM: ignoreBOM === true,
          });
          if (decoders.size < MAX_DECODERS) decoders.set(key, decoder);
        }
        return decoder.decode(view);
      } catch {
        return null;
      }
    },
    now: () => performance.now(),
    randomFill(bytes) {
      const view = viewOf(bytes);
      if (!view || view.length > 65_536) return false;
      try {
        randomFillSync(view);
        return true;
      } catch {
        return false;
      }
    },
    setTimer(id, ms) {
      if (!Number.isSafeInteger(id) || typeof ms !== 'number' || timers.size >= MAX_TIMERS) return;
      clearTimeout(timers.get(id));
      const delay = Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_TIMER_DELAY) : 0;
      const timer = setTimeout(() => {
        timers.delete(id);
        try {
          onTimer(id);
        } catch {
          // The callback's error is the program's; nothing here reads it.
        }
      }, delay);
      timers.set(id, timer);
    },
    clearTimer(id) {
      if (typeof id !== 'number') return;
      clearTimeout(timers.get(id));
      timers.delete(id);
    },
    stopRequested() {
      let flag = 0;
      try {
        flag = readSync(paths.stopFd, stopByte, 0, 1, 0) === 1 ? (stopByte[0] ?? 0) : 0;
      } catch {
        // Read again at the next call.
      }
      if (flag !== 0) return flag;
      return memory.exceeded() ? STOP_MEMORY : 0;
    },
    post(type, number, text, bytes) {
      // A snapshot is taken before any program runs; a later one can only be forged.
      const copied = type === 'events' || (type === 'snapshot' && snapshotsAccepted);
      const copy = copied ? viewOf(bytes)?.slice() : null;
      const message = decodeWorkerMessage(type, number, text, copy ?? null);
      if (!message) return;
      try {
        send(message);
      } catch {
        // The parent is gone; it will not miss the message.
      }
    },
  };
  return {
    host: Object.freeze(Object.assign(Object.create(null), host)),
    startRun(id, maxMemoryMb) {
      snapshotsAccepted = false;
      runId = id;
      memory.start(maxMemoryMb);
    },
  };
}

/** Creates the realm and starts the engine in it; `send` takes the messages for the parent. */
export function createEngineRealm(
  paths: RealmPaths,
  send: (message: WorkerMessage) => void,
): EngineRealm {
  const context = vm.createContext(
    // A global object without a prototype: the realm sees its own `Object`, not Node's.
    Object.create(null),
    { name: 'loopscope-engine', codeGeneration: { strings: false, wasm: true } },
  );
  const script = new vm.Script(readFileSync(paths.realmScript, 'utf8'), {
    filename: paths.realmScript,
  });
  const exports: unknown = script.runInContext(context);
  if (!isRealmExports(exports)) throw new Error('The engine realm script exports no start().');

  let fireTimer: (id: number) => void = () => {};
  const { host, startRun } = createRealmHost(paths, send, (id) => fireTimer(id));
  const receivers = exports.start(host);
  // Taken once, now, before any program has run in the realm.
  const deliver = receivers.deliver;
  const allocate = receivers.allocate;
  fireTimer = receivers.fireTimer;
  const indexURL = `${paths.pyodideDir}/`;

  /** A byte array of the realm, and the child's view of its memory. */
  const allocateInRealm = (length: number) => {
    const bytes = allocate(length);
    const view = viewOf(bytes);
    if (!view || view.length !== length) throw new Error('The realm gave no buffer.');
    return { bytes, view };
  };

  return {
    deliver(message) {
      const [type, number, text, bytes] = encodeHostMessage(message, indexURL);
      let copy: Uint8Array | null = null;
      if (bytes) {
        const buffer = allocateInRealm(bytes.length);
        buffer.view.set(bytes);
        copy = buffer.bytes;
      }
      if (message.type === 'run') startRun(message.id, message.request.budgets.maxMemoryMb);
      deliver(type, number, text, copy);
    },
    initFromFile(fd) {
      const buffer = allocateInRealm(fstatSync(fd).size);
      if (!readExactly(fd, buffer.view))
        throw new Error('The snapshot file is shorter than it was.');
      deliver('init', 0, indexURL, buffer.bytes);
    },
  };
}
