/**
 * The engine inside the confined child's `node:vm` realm: the same worker code as the web
 * worker (`startEngineWorker`), with Pyodide bundled in (scripts/build-engine.mjs makes this
 * one script, so nothing is imported at run time) and talking to the child only through the
 * host functions of `realm-contract.ts`.
 */
import type { loadPyodide as LoadPyodide } from 'pyodide';
import type { HostMessage } from '../core/protocol.ts';
import { type CallTrampoline, installCallTrampoline } from './call-trampoline.ts';
import { startEngineWorker } from '../core/worker-main.ts';
import {
  decodeHostMessage,
  encodeWorkerMessage,
  type RealmHost,
  type RealmReceivers,
} from './realm-contract.ts';
import { guard, installRealmGlobals } from './realm-globals.ts';

let started = false;

/** How long a delivered stop rests before it is delivered again (see `control`). */
const REDELIVER_MS = 250;
/** How often the stop flag's file is read at most (see `control`). */
const FLAG_READ_MS = 5;
/** CPython's signal checks for each reading of the stop flag (see `checkSignal`). */
const CHECKS_PER_READ = 64;

export function start(host: RealmHost): RealmReceivers {
  if (started) throw new Error('The engine realm starts once.');
  started = true;
  const timers = installRealmGlobals(host);
  const post = guard(host.post);
  const stopRequested = guard(host.stopRequested);

  // The engine reads `control[0]` every 512 events. The child's flag is a file only the
  // parent writes: reading it is one system call, and works while Python keeps the child
  // busy (no message could arrive then).
  // The same array is Pyodide's signal buffer: Pyodide clears it (writes 0) once it has raised
  // the signal, as a shared buffer would be cleared. Reading the file's flag again at once would
  // raise the signal again inside its own handling; a stop that arrived while the engine's own
  // code ran (which defers it) is delivered again a quarter of a second later, so that a tight
  // loop that records nothing still meets it.
  // CPython looks for a signal at every `PyErr_CheckSignals` (each digit of an int turned into
  // text) and every 50 checks of its eval loop, millions of times a second
  // (Python/emscripten_signal.c): `checkSignal`, which Pyodide's WebAssembly calls instead of
  // its own reading of this array, looks at it only once in `CHECKS_PER_READ` (a JavaScript
  // Proxy's trap costs a microsecond). The file is read at most once every `FLAG_READ_MS`, and
  // its last reading serves the reads in between (a stop then waits a few milliseconds more).
  // A stop raised inside the realm (the memory budget's: the interpreter writes 3 into [0]) is
  // kept apart from the file's, and delivered at the next read; [1] is the interpreter's own.
  let deliveredAt = -Infinity;
  let readAt = -Infinity;
  let flag = 0;
  let raised = 0;
  const readFlag = () => {
    const now = Date.now();
    if (now - readAt >= FLAG_READ_MS) {
      readAt = now;
      flag = stopRequested();
    }
    return flag;
  };
  // An array, not a typed array, behind the proxy: Python writes `control[0] = 0` (see
  // Recorder.check_stop), which Pyodide allows on what `Array.isArray` calls an array; it sees
  // a proxy of a typed array as a plain object, and refuses.
  const control = new Proxy([0, 0], {
    get: (target, key) =>
      key === '0'
        ? raised || (Date.now() - deliveredAt < REDELIVER_MS ? 0 : readFlag())
        : Reflect.get(target, key),
    set: (target, key, value) => {
      if (key === '0') {
        if (value !== 0) raised = Number(value) || 0;
        else if (raised !== 0) raised = 0;
        else if (flag !== 0) deliveredAt = Date.now();
      }
      return Reflect.set(target, key, value);
    },
  });
  let checks = 0;
  const checkSignal = () => {
    if (++checks < CHECKS_PER_READ) return 0;
    checks = 0;
    const reason = control[0] ?? 0;
    // Taken, as CPython's own check clears the array once it has read a signal.
    if (reason !== 0) control[0] = 0;
    return reason;
  };

  // Pyodide's loader looks at the realm's globals when its module is evaluated: the bundle
  // evaluates it on this first import, after `installRealmGlobals`.
  const load: typeof LoadPyodide = async (options) => {
    const [{ loadPyodide }, { default: createPyodideModule }] = await Promise.all([
      import('pyodide'),
      import('pyodide/pyodide.asm.mjs'),
    ]);
    const trampolines: CallTrampoline[] = [];
    const pyodide = await loadPyodide({
      ...options,
      createPyodideModule: tuned(createPyodideModule, checkSignal, (t) => trampolines.push(t)),
    });
    // Restoring a snapshot wrote `_PyRuntime` over.
    for (const trampoline of trampolines) trampoline.restore();
    return pyodide;
  };

  let listener: ((message: HostMessage) => void) | null = null;
  startEngineWorker(
    {
      post: (message) => post(...encodeWorkerMessage(message)),
      onMessage: (receive) => void (listener = receive),
    },
    load,
  );
  return {
    deliver(type, number, text, bytes) {
      // Indexed as the Int32Array of the other hosts is, which is all the interpreter asks of it.
      const message = decodeHostMessage(
        [type, number, text, bytes],
        control as unknown as Int32Array,
      );
      if (message) listener?.(message);
    },
    fireTimer: (id) => timers.fire(id),
    allocate: (length) => new Uint8Array(length),
  };
}

type ModuleFactory = NonNullable<
  NonNullable<Parameters<typeof LoadPyodide>[0]>['createPyodideModule']
>;
type Instantiate = NonNullable<Parameters<ModuleFactory>[0]['instantiateWasm']>;

/**
 * Pyodide's module factory, tuned for the realm:
 * - the WebAssembly's import that reads the signal buffer (CPython's
 *   `_Py_CheckEmscriptenSignals_Helper`) is `check`;
 * - where Pyodide finds no WebAssembly GC for its call trampoline, CPython calls builtins
 *   through call-trampoline.ts's, installed before Python starts (after Pyodide's own
 *   `setEmscriptenTrampoline`, a hook of the same list), and handed to `installed`.
 */
function tuned(
  create: ModuleFactory,
  check: () => number,
  installed: (trampoline: CallTrampoline) => void,
): ModuleFactory {
  return (settings) => {
    const instantiate = settings.instantiateWasm;
    let exports: WebAssembly.Exports | null = null;
    const withCheck: Instantiate = (imports, done) => {
      if (!instantiate || typeof imports.env?._Py_CheckEmscriptenSignals_Helper !== 'function') {
        throw new Error("Pyodide's WebAssembly reads no signal buffer: no run could be stopped.");
      }
      imports.env._Py_CheckEmscriptenSignals_Helper = check;
      instantiate(imports, (instance, module) => {
        exports = instance.exports;
        return done(instance, module);
      });
    };
    const trampoline = () => {
      if (!exports) throw new Error("Pyodide's WebAssembly was not instantiated before it ran.");
      installed(installCallTrampoline(exports));
    };
    return create({
      ...settings,
      instantiateWasm: withCheck,
      preRun: [...settings.preRun, trampoline],
    });
  };
}
