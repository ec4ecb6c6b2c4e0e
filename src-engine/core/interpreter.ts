/**
 * Inside the worker: Pyodide, prepared once and then restored from a memory snapshot for
 * every run, so that each program starts from a clean interpreter.
 */
import type { PyodideAPI, loadPyodide as LoadPyodide } from 'pyodide';
import type { Budgets, RunRequest } from '../../src-shared/trace.ts';
import engineSource from '../python/loopscope_engine.py';
import asyncioSource from '../python/loopscope_asyncio.py';
import clockSource from '../python/loopscope_clock.py';
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
    sink: (json: string) => void,
    control: Int32Array | undefined,
  ): void;
  destroy(): void;
}

/**
 * Makes every interpreter share one compiled Pyodide module. Pyodide compiles its 9 MB of
 * WebAssembly for each instance it creates; with one interpreter per run, that would repeat
 * the compilation every run and start every run on the engine's baseline compiler. Sharing
 * the module keeps the optimised code warm across runs. Installed once, in the worker only.
 */
function shareCompiledWasm(): void {
  const wasm = WebAssembly as typeof WebAssembly & { loopscopeShared?: boolean };
  if (wasm.loopscopeShared) return;
  wasm.loopscopeShared = true;
  const instantiate = WebAssembly.instantiate.bind(WebAssembly);
  // Node has no instantiateStreaming; browsers do.
  const hasStreaming = typeof WebAssembly.instantiateStreaming === 'function';
  const LARGE = 1024 * 1024;
  let shared: Promise<WebAssembly.Module> | null = null;
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
    if (!(source instanceof WebAssembly.Module) && source.byteLength > LARGE) {
      return instantiateShared(() => WebAssembly.compile(source), imports);
    }
    return instantiate(source as BufferSource, imports);
  }) as typeof WebAssembly.instantiate;
  if (hasStreaming) {
    WebAssembly.instantiateStreaming = (source, imports) =>
      instantiateShared(() => WebAssembly.compileStreaming(source), imports);
  }
}

export interface InterpreterOptions {
  loadPyodide: typeof LoadPyodide;
  indexURL: string | null;
}

export class InterpreterFactory {
  private spare: Promise<PyodideAPI> | null = null;

  private constructor(
    private readonly options: InterpreterOptions,
    readonly snapshot: Uint8Array,
    readonly python: string,
  ) {}

  /**
   * Builds the factory: from a snapshot when there is one, else by loading Pyodide from
   * scratch, preparing the engine, and taking the snapshot (`fresh` is then true).
   */
  static async create(
    options: InterpreterOptions,
    snapshot: Uint8Array | null,
  ): Promise<{ factory: InterpreterFactory; fresh: boolean }> {
    shareCompiledWasm();
    if (snapshot) {
      const factory = new InterpreterFactory(options, snapshot, '');
      const python = await factory.peekVersion();
      const made = new InterpreterFactory(options, snapshot, python);
      // The interpreter restored to read the version is clean: the first run takes it.
      made.spare = factory.spare;
      return { factory: made, fresh: false };
    }
    const pyodide = await options.loadPyodide({ ...baseOptions(options), _makeSnapshot: true });
    pyodide.FS.mkdirTree(ENGINE_DIR);
    for (const [name, source] of Object.entries(ENGINE_MODULES)) {
      pyodide.FS.writeFile(`${ENGINE_DIR}/${name}`, source);
    }
    pyodide.runPython(
      `import sys\nsys.path.insert(0, ${JSON.stringify(ENGINE_DIR)})\nimport loopscope_engine`,
    );
    const python = String(pyodide.runPython('import sys; sys.version.split()[0]'));
    const made = pyodide.makeMemorySnapshot();
    return { factory: new InterpreterFactory(options, made, python), fresh: true };
  }

  private async peekVersion(): Promise<string> {
    const pyodide = await this.take();
    const version = String(pyodide.runPython('import sys; sys.version.split()[0]'));
    this.spare = Promise.resolve(pyodide);
    return version;
  }

  /** Starts restoring the next clean interpreter, so that a run finds one ready. */
  warm(): void {
    this.spare ??= this.options.loadPyodide({
      ...baseOptions(this.options),
      _loadSnapshot: this.snapshot,
    });
  }

  private async take(): Promise<PyodideAPI> {
    this.warm();
    const pyodide = await (this.spare as Promise<PyodideAPI>);
    this.spare = null;
    return pyodide;
  }

  /** Runs one program in a clean interpreter; events go to `sink` as JSON arrays. */
  async run(
    request: RunRequest & { budgets: Budgets },
    sink: (json: string) => void,
    control: Int32Array | null,
  ): Promise<void> {
    const pyodide = await this.take();
    const engine = pyodide.pyimport('loopscope_engine') as unknown as EngineModule;
    // The host's stop flag doubles as Pyodide's signal buffer, so that even a tight loop that
    // records nothing notices a stop (the engine handles signals 1 and 2).
    if (control) pyodide.setInterruptBuffer(control);
    try {
      engine.run(
        request.code,
        request.filename,
        request.stdin ?? undefined,
        JSON.stringify({ budgets: request.budgets, probe: request.probe === true }),
        sink,
        control ?? undefined,
      );
    } finally {
      engine.destroy();
      this.warm();
    }
  }
}

function baseOptions(options: InterpreterOptions): LoadOptions {
  return {
    ...(options.indexURL ? { indexURL: options.indexURL } : {}),
    // The program's `import js` finds an empty object, not the worker's global scope.
    jsglobals: {},
    stdout: () => {},
    stderr: () => {},
    checkAPIVersion: true,
  };
}
