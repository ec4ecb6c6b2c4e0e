/**
 * Inside the worker: its one interpreter, restored from the memory snapshot of a prepared
 * one. A worker serves one run and is then ended by its host, so nothing a program leaves
 * behind in the worker's JavaScript realm (timers, proxies, patched globals) outlives it.
 */
import type { PyodideAPI, loadPyodide as LoadPyodide } from 'pyodide';
import { MAX_EVENT_TEXT } from '../../src-shared/run-guard.ts';
import type { Budgets, RunRequest } from '../../src-shared/trace.ts';
import { wireTable } from '../../src-shared/trace-wire.ts';
import { batchBytes, copyBytesRight } from './pyodide-bytes.ts';
import engineSource from '../python/loopscope_engine.py';
import asyncioSource from '../python/loopscope_asyncio.py';
import clockSource from '../python/loopscope_clock.py';
import errnoSource from '../python/loopscope_errno.py';
import framesSource from '../python/loopscope_frames.py';
import ioSource from '../python/loopscope_io.py';
import loopSource from '../python/loopscope_loop.py';
import netSource from '../python/loopscope_net.py';
import helperSource from '../python/loopscope.py';
import stackSource from '../python/loopscope_stack.py';
import threadsSource from '../python/loopscope_threads.py';
import traceSource from '../python/loopscope_trace.py';

type LoadOptions = NonNullable<Parameters<typeof LoadPyodide>[0]>;

const ENGINE_DIR = '/loopscope';

/** The engine's Python modules; `loopscope_engine` imports the others. */
const ENGINE_MODULES: Record<string, string> = {
  'loopscope_engine.py': engineSource,
  'loopscope_asyncio.py': asyncioSource,
  'loopscope_clock.py': clockSource,
  'loopscope_errno.py': errnoSource,
  'loopscope_frames.py': framesSource,
  'loopscope_io.py': ioSource,
  'loopscope_loop.py': loopSource,
  'loopscope_net.py': netSource,
  /** The one module a program may import itself (`import loopscope`). */
  'loopscope.py': helperSource,
  'loopscope_stack.py': stackSource,
  'loopscope_threads.py': threadsSource,
  'loopscope_trace.py': traceSource,
};

interface EngineModule {
  run(
    source: string,
    filename: string,
    stdin: string | undefined,
    options: string,
    sink: (batch: unknown) => void,
    control: Int32Array | undefined,
  ): void;
  cut_bridges(): void;
}

/**
 * The run's memory budget (`maxMemoryMb`), kept where Pyodide's memory grows: its
 * `emscripten_resize_heap`, which C's allocator calls when it needs more memory, refuses to
 * grow past the budget. The allocation then fails as it does natively under a memory limit
 * (`MemoryError`), and `refused` tells the engine that the budget, not the program, ended it.
 * Every host gets it, the browser's too, since it acts inside the interpreter.
 */
const heapBudget = { limit: Infinity, refused: () => {} };

type ResizeHeap = ((requestedBytes: number) => number | boolean) & { sig?: string };

function budgetHeap(imports: WebAssembly.Imports | undefined): void {
  const env = imports?.env;
  const grow = env?.emscripten_resize_heap;
  if (!env || typeof grow !== 'function') return;
  const limited: ResizeHeap = (requestedBytes) => {
    if (requestedBytes >>> 0 > heapBudget.limit) {
      heapBudget.refused();
      return 0;
    }
    return (grow as ResizeHeap)(requestedBytes);
  };
  // Emscripten reads a function's signature from it when it puts the function in a table.
  limited.sig = (grow as ResizeHeap).sig;
  env.emscripten_resize_heap = limited;
}

/**
 * Makes Pyodide instantiate `compiled` (the host compiled it once, for every worker) instead
 * of compiling its 9 MB of WebAssembly again; without it, the worker compiles it once for
 * both the interpreters a first start makes. Also puts the memory budget in (`budgetHeap`).
 * Installed once, before Pyodide loads.
 */
function shareCompiledWasm(compiled: WebAssembly.Module | null): void {
  const instantiate = WebAssembly.instantiate.bind(WebAssembly);
  const LARGE = 1024 * 1024;
  let shared: Promise<WebAssembly.Module> | null = compiled ? Promise.resolve(compiled) : null;
  const instantiateShared = async (
    compile: () => Promise<WebAssembly.Module>,
    imports: WebAssembly.Imports | undefined,
  ): Promise<WebAssembly.WebAssemblyInstantiatedSource> => {
    shared ??= compile();
    const module = await shared;
    return { module, instance: await instantiate(module, imports) };
  };
  WebAssembly.instantiate = ((
    source: BufferSource | WebAssembly.Module,
    imports?: WebAssembly.Imports,
  ) => {
    budgetHeap(imports);
    if (!(source instanceof WebAssembly.Module) && source.byteLength > LARGE) {
      return instantiateShared(() => WebAssembly.compile(source), imports);
    }
    return instantiate(source as BufferSource, imports);
  }) as typeof WebAssembly.instantiate;
  // Node has no instantiateStreaming; browsers do.
  if (typeof WebAssembly.instantiateStreaming === 'function') {
    WebAssembly.instantiateStreaming = (source, imports) => {
      budgetHeap(imports);
      return instantiateShared(() => WebAssembly.compileStreaming(source), imports);
    };
  }
}

export interface InterpreterOptions {
  loadPyodide: typeof LoadPyodide;
  indexURL: string | null;
  /** Pyodide's WebAssembly, compiled by the host; null: compile it here. */
  wasm: WebAssembly.Module | null;
}

export interface Interpreter {
  readonly python: string;
  /**
   * Runs one program; events go to `sink` as batches in the wire format (trace-wire.ts),
   * each the worker's own copy. Once: a worker serves one run.
   */
  run(
    request: RunRequest & { budgets: Budgets },
    sink: (batch: Uint8Array) => void,
    control: Int32Array | null,
  ): void;
}

/**
 * Prepares the worker's interpreter: restored from `snapshot` when there is one; else Pyodide
 * is loaded from scratch, the engine prepared and a snapshot taken (returned, for the host
 * to keep), and the interpreter restored from it, as every later worker's will be.
 */
export async function prepareInterpreter(
  options: InterpreterOptions,
  snapshot: Uint8Array | Blob | null,
): Promise<{ interpreter: Interpreter; made: Uint8Array | null }> {
  shareCompiledWasm(options.wasm);
  let made: Uint8Array | null = null;
  // Tested without naming `Blob`: the command line's realm has no such global.
  let source =
    snapshot === null || snapshot instanceof Uint8Array
      ? snapshot
      : new Uint8Array(await snapshot.arrayBuffer());
  if (!source) {
    const pyodide = await options.loadPyodide({ ...baseOptions(options), _makeSnapshot: true });
    pyodide.FS.mkdirTree(ENGINE_DIR);
    for (const [name, source] of Object.entries(ENGINE_MODULES)) {
      pyodide.FS.writeFile(`${ENGINE_DIR}/${name}`, source);
    }
    pyodide.runPython(
      `import sys\nsys.path.insert(0, ${JSON.stringify(ENGINE_DIR)})\nimport loopscope_engine`,
    );
    made = source = pyodide.makeMemorySnapshot();
  }
  const pyodide = await options.loadPyodide({ ...baseOptions(options), _loadSnapshot: source });
  return { interpreter: createInterpreter(pyodide), made };
}

function createInterpreter(pyodide: PyodideAPI): Interpreter {
  copyBytesRight(pyodide);
  terminalDevices(pyodide.FS);
  const python = String(pyodide.runPython('import sys; sys.version.split()[0]'));
  const engine = pyodide.pyimport('loopscope_engine') as unknown as EngineModule;
  // What would hand the worker's JavaScript to a program goes now, while the worker waits
  // for its run. (Not before the snapshot: Pyodide's snapshot needs those references.)
  engine.cut_bridges();
  let used = false;
  return {
    python,
    run(request, sink, control) {
      if (used) throw new Error('This worker has served its run.');
      used = true;
      // The host's stop flag doubles as Pyodide's signal buffer, so that even a tight loop
      // that records nothing notices a stop (the engine handles signals 1 to 3).
      if (control) pyodide.setInterruptBuffer(control);
      heapBudget.limit = request.budgets.maxMemoryMb * 1024 * 1024;
      heapBudget.refused = () => {
        if (!control) return;
        // [1] stays set for the engine to read (Recorder.over_memory); [0] asks for the stop
        // at once, as a signal, where the program would go on without the memory.
        control[1] = 1;
        control[0] = 3;
      };
      engine.run(
        request.code,
        request.filename,
        request.stdin ?? undefined,
        // The wire's kinds and fields come from the schema, at each run (trace-wire.ts).
        JSON.stringify({
          budgets: request.budgets,
          probe: request.probe === true,
          wire: wireTable(),
          textLimit: MAX_EVENT_TEXT,
        }),
        (batch: unknown) => sink(batchBytes(batch, pyodide)),
        control ?? undefined,
      );
    },
  };
}

/** An emscripten device number no device of Pyodide's uses. */
const TERMINAL_MAJOR = 64;
/** emscripten's numbers for EBADF and EINVAL (they are WASI's, not Linux's). */
const EMSCRIPTEN_EBADF = 8;
const EMSCRIPTEN_EINVAL = 28;
const EMSCRIPTEN_ENOENT = 44;

/**
 * `/dev/stdout` and `/dev/stderr` as on Linux, where they lead to descriptors 1 and 2 as they
 * are now (`/proc/self/fd/1`): what a program writes to a file it opens on them goes where
 * descriptor 1 or 2 goes, the engine's pipes during a run (Pyodide's own devices went to the
 * worker's console, which discards it). Before a run, with descriptor 1 still such a device,
 * the text is dropped, as it was; once the program closed the descriptor, the path cannot be
 * opened (ENOENT).
 */
function terminalDevices(FS: PyodideAPI['FS']): void {
  for (const fd of [1, 2]) {
    const dev = FS.makedev(TERMINAL_MAJOR, fd);
    FS.registerDevice(dev, {
      open(stream: { fd: number }) {
        // Natively the link leads nowhere once the descriptor is closed (here the new stream
        // may have taken its number): the open fails, and leaves no descriptor behind.
        const target = FS.getStream(fd);
        if (!target || target === stream) {
          FS.closeStream(stream.fd);
          throw new FS.ErrnoError(EMSCRIPTEN_ENOENT);
        }
      },
      read() {
        throw new FS.ErrnoError(EMSCRIPTEN_EINVAL);
      },
      write(_stream: unknown, buffer: Uint8Array, offset: number, length: number) {
        const target = FS.getStream(fd);
        if (!target) throw new FS.ErrnoError(EMSCRIPTEN_EBADF);
        if (target.node?.rdev === dev) return length;
        return FS.write(target, buffer, offset, length);
      },
    });
    const path = fd === 1 ? '/dev/stdout' : '/dev/stderr';
    FS.unlink(path);
    FS.mkdev(path, 0o620, dev);
  }
}

function baseOptions(options: InterpreterOptions): LoadOptions {
  return {
    ...(options.indexURL ? { indexURL: options.indexURL } : {}),
    // What `import js` would give: an empty object, not the worker's global scope (the engine
    // refuses the import anyway, and `cut_bridges` drops Pyodide's own reference to it).
    jsglobals: {},
    stdout: () => {},
    stderr: () => {},
    checkAPIVersion: true,
  };
}
