/**
 * The few web-like globals Pyodide needs in the engine's realm, written in the realm itself
 * over the child's host functions. The realm's global object holds ECMAScript's built-ins and
 * these, nothing else: no `process`, no `require`, no Node object of any kind.
 *
 * Pyodide's loader takes the realm for a d8-like shell (it finds `read`, `load` and
 * `readbuffer`), so it reads its files with `readbuffer` and needs no `fetch` or `URL`.
 * Emscripten, inside Pyodide, takes it for a web worker (it finds `WorkerGlobalScope`), so its
 * random bytes come from `crypto.getRandomValues`: as a shell it would run `os.system`.
 */
import type { RealmHost } from './realm-contract.ts';

/**
 * Wraps a host function for the realm. An error the host throws would be a Node object that
 * Python could walk from (to its `constructor`, Node's `Function`): the wrapper drops it,
 * unread, and throws an error of the realm's own instead.
 */
export function guard<A extends unknown[], R>(hostFunction: (...args: A) => R): (...args: A) => R {
  return (...args: A): R => {
    try {
      return hostFunction(...args);
    } catch {
      throw new Error('The engine host refused a call.');
    }
  };
}

/** The longest delay a timer takes, as in browsers and Node (2^31 − 1 ms). */
const MAX_TIMER_DELAY = 2 ** 31 - 1;
/** The most bytes `crypto.getRandomValues` fills at once, as in browsers. */
const MAX_RANDOM_BYTES = 65_536;

export interface RealmTimers {
  /** Runs the callback of a timer the host says is due. */
  fire(id: number): void;
}

/** Installs the realm's globals; call once, before Pyodide's loader is evaluated. */
export function installRealmGlobals(host: RealmHost): RealmTimers {
  const fileSize = guard(host.fileSize);
  const readFile = guard(host.readFile);
  const decode = guard(host.decode);
  const now = guard(host.now);
  const randomFill = guard(host.randomFill);
  const setTimer = guard(host.setTimer);
  const clearTimer = guard(host.clearTimer);

  const readBytes = (path: string): Uint8Array => {
    const size = fileSize(String(path));
    const bytes = new Uint8Array(Math.max(size, 0));
    if (size < 0 || !readFile(String(path), bytes)) throw new Error(`Cannot read ${path}.`);
    return bytes;
  };

  class TextDecoder {
    readonly encoding: string;
    readonly fatal: boolean;
    readonly ignoreBOM: boolean;
    constructor(label: unknown = 'utf-8', options: { fatal?: unknown; ignoreBOM?: unknown } = {}) {
      this.encoding = String(label).trim().toLowerCase();
      this.fatal = Boolean(options.fatal);
      this.ignoreBOM = Boolean(options.ignoreBOM);
    }
    decode(input?: ArrayBufferView | ArrayBuffer): string {
      const bytes =
        input === undefined
          ? new Uint8Array(0)
          : ArrayBuffer.isView(input)
            ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
            : new Uint8Array(input);
      const text = decode(this.encoding, this.fatal, this.ignoreBOM, bytes);
      if (text === null) {
        throw new TypeError(`The encoded data was not valid for encoding ${this.encoding}.`);
      }
      return text;
    }
  }

  const timers = new Map<number, () => void>();
  let nextTimer = 1;
  const setTimeout = (callback: unknown, delay?: unknown, ...args: unknown[]): number => {
    const id = nextTimer++;
    // A string is code to compile, which this realm never does.
    if (typeof callback !== 'function') return id;
    timers.set(id, () => callback(...args));
    const ms = Number(delay);
    setTimer(id, Number.isFinite(ms) ? Math.min(Math.max(ms, 0), MAX_TIMER_DELAY) : 0);
    return id;
  };
  const clearTimeout = (id: unknown): void => {
    if (typeof id !== 'number' || !timers.delete(id)) return;
    clearTimer(id);
  };

  const ignore = (): void => {};
  const globals: Record<string, unknown> = {
    // The d8 shell's file functions, for Pyodide's loader; `load` (run a script) never works.
    read: (path: string) => new TextDecoder().decode(readBytes(path)),
    readbuffer: (path: string) => readBytes(path).buffer,
    load: () => {
      throw new Error('Loading scripts is not available.');
    },
    // Emscripten only asks whether it exists.
    WorkerGlobalScope: function WorkerGlobalScope() {},
    TextDecoder,
    TextEncoder,
    setTimeout,
    clearTimeout,
    performance: { now: () => now(), timeOrigin: 0 },
    crypto: {
      getRandomValues<T extends ArrayBufferView | null>(view: T): T {
        if (
          !ArrayBuffer.isView(view) ||
          view instanceof Float32Array ||
          view instanceof Float64Array
        ) {
          throw new TypeError('getRandomValues takes an integer typed array.');
        }
        if (view.byteLength > MAX_RANDOM_BYTES) {
          throw new RangeError(`getRandomValues fills at most ${MAX_RANDOM_BYTES} bytes.`);
        }
        if (!randomFill(new Uint8Array(view.buffer, view.byteOffset, view.byteLength))) {
          throw new Error('No random bytes are available.');
        }
        return view;
      },
    },
    // Nothing the engine's JavaScript logs has a reader: the child's output goes nowhere.
    console: {
      log: ignore,
      info: ignore,
      warn: ignore,
      error: ignore,
      debug: ignore,
      trace: ignore,
    },
  };
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(globalThis, name, { value, writable: true, configurable: true });
  }
  lockRealm();

  return {
    fire(id) {
      const callback = timers.get(id);
      timers.delete(id);
      callback?.();
    },
  };
}

/**
 * Closes what V8 and Node do with the realm's own objects on the child's behalf. A program
 * reaches every object of the realm (Python is not a sandbox), so none of these may hand it
 * an object of Node's context, or let it hook code the child runs:
 * - `Error.prepareStackTrace`: Node's stack formatter calls it, read through the realm's global
 *   `Error`, with the frames of a stack, some of them the child's. Neither the hook nor the
 *   global binding can change.
 * - `WebAssembly.compileStreaming` and `instantiateStreaming`: V8 hands them to Node's
 *   streaming callback, which answers in Node's own context (its errors are Node's objects).
 *   Pyodide reads its files with `readbuffer` and compiles bytes: they are gone.
 * - The prototypes every lookup ends in: Emscripten's library reads names the global object
 *   does not have (`globalThis.navigator`), and an accessor planted there for such a name would
 *   be called with the global object as `this`. No property can be added to them.
 */
export function lockRealm(): void {
  const fixed = { writable: false, configurable: false };
  Object.defineProperty(Error, 'prepareStackTrace', { value: undefined, ...fixed });
  for (const name of ['compileStreaming', 'instantiateStreaming']) {
    Reflect.deleteProperty(WebAssembly, name);
    Object.defineProperty(WebAssembly, name, { value: undefined, ...fixed });
  }
  for (const name of ['Error', 'WebAssembly', 'Object', 'Function']) {
    Object.defineProperty(globalThis, name, { value: Reflect.get(globalThis, name), ...fixed });
  }
  for (const prototype of [Object.prototype, Function.prototype]) {
    Object.preventExtensions(prototype);
  }
}

/** UTF-8 encoding in the realm itself (Pyodide encodes little: a snapshot's metadata). */
class TextEncoder {
  readonly encoding = 'utf-8';

  encode(input: unknown = ''): Uint8Array {
    const text = String(input);
    const bytes = new Uint8Array(text.length * 3);
    return bytes.slice(0, this.encodeInto(text, bytes).written);
  }

  encodeInto(input: unknown, into: Uint8Array): { read: number; written: number } {
    const text = String(input);
    let read = 0;
    let written = 0;
    while (read < text.length) {
      let code = text.codePointAt(read) ?? 0xfffd;
      // A lone surrogate is not a character: it is written as U+FFFD, as browsers do.
      if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
      const units = code > 0xffff ? 2 : 1;
      const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      if (written + size > into.length) break;
      if (size === 1) {
        into[written] = code;
      } else {
        const lead = [0, 0, 0xc0, 0xe0, 0xf0][size] ?? 0;
        for (let i = size - 1; i > 0; i--) {
          into[written + i] = 0x80 | (code & 0x3f);
          code >>= 6;
        }
        into[written] = lead | code;
      }
      written += size;
      read += units;
    }
    return { read, written };
  }
}
