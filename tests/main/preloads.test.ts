/**
 * The preloads as they ship: bundled as the build bundles them, then run in a VM context
 * with a stand-in for Electron's renderer modules. This checks what no type can: that a
 * sandboxed preload requires nothing but 'electron', that it exposes exactly its API and no
 * Electron object, and which IPC channel each function uses.
 */
import vm from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { INVOKE, PUSH, SEND, ENGINE } from '../../src-main/ipc-channels.ts';

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

class FakeFile {
  constructor(readonly path: string) {}
}
class FakeElement {
  constructor(private readonly anchor: FakeAnchor | null) {}
  closest(): FakeAnchor | null {
    return this.anchor;
  }
}
class FakeAnchor extends FakeElement {
  constructor(readonly href: string) {
    super(null);
  }
  override closest(): FakeAnchor {
    return this;
  }
}

type Listener = (...args: unknown[]) => void;

function loadPreload(code: string) {
  const exposed: Record<string, unknown> = {};
  const invokes: unknown[][] = [];
  const sends: unknown[][] = [];
  const ipcListeners = new Map<string, Set<Listener>>();
  const windowListeners = new Map<string, Listener>();
  const ipcRenderer = {
    invoke: (channel: string, ...args: unknown[]) => {
      invokes.push([channel, ...args]);
      return Promise.resolve({ files: [{ name: 'lesson.md' }], failures: [] });
    },
    send: (channel: string, ...args: unknown[]) => sends.push([channel, ...args]),
    on: (channel: string, listener: Listener) => {
      if (!ipcListeners.has(channel)) ipcListeners.set(channel, new Set());
      ipcListeners.get(channel)?.add(listener);
    },
    removeListener: (channel: string, listener: Listener) =>
      ipcListeners.get(channel)?.delete(listener),
  };
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => (exposed[name] = api) },
    ipcRenderer,
    webUtils: {
      getPathForFile: (file: unknown) => {
        if (!(file instanceof FakeFile)) throw new TypeError('not a File');
        return file.path;
      },
    },
  };
  const required: string[] = [];
  const context = vm.createContext({
    require: (id: string) => {
      required.push(id);
      if (id !== 'electron') throw new Error(`a sandboxed preload cannot require ${id}`);
      return electron;
    },
    module: { exports: {} },
    exports: {},
    window: {
      addEventListener: (type: string, listener: Listener) => windowListeners.set(type, listener),
    },
    location: { host: 'loopscope' },
    Element: FakeElement,
    HTMLAnchorElement: FakeAnchor,
    URL,
    Array,
    setTimeout,
    console,
  });
  vm.runInContext(code, context);
  const push = (channel: string, ...args: unknown[]) => {
    for (const listener of ipcListeners.get(channel) ?? []) listener({}, ...args);
  };
  return { exposed, invokes, sends, required, ipcListeners, windowListeners, push, electron };
}

/** The shape of an object: its keys, nested, with `fn` for functions. */
function shapeOf(value: unknown): unknown {
  if (typeof value === 'function') return 'fn';
  if (typeof value !== 'object' || value === null) return typeof value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, shapeOf(v)]));
}

function containsValue(root: unknown, target: unknown, seen = new Set<unknown>()): boolean {
  if (root === target) return true;
  if (typeof root !== 'object' || root === null || seen.has(root)) return false;
  seen.add(root);
  return Object.values(root).some((v) => containsValue(v, target, seen));
}

describe('the app preload', () => {
  let code = '';
  beforeAll(async () => {
    code = await bundle('src-main/preload.ts');
  });

  it('requires nothing but electron', () => {
    const preload = loadPreload(code);
    expect(new Set(preload.required)).toEqual(new Set(['electron']));
    expect(new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))).toEqual(
      new Set(['electron']),
    );
  });

  it('exposes exactly LoopscopeApi as window.loopscope, and no Electron object', () => {
    const preload = loadPreload(code);
    expect(Object.keys(preload.exposed)).toEqual(['loopscope']);
    expect(shapeOf(preload.exposed.loopscope)).toEqual({
      platform: 'string',
      appInfo: 'fn',
      engine: { status: 'fn', onStatus: 'fn', run: 'fn', stop: 'fn', onEvents: 'fn' },
      lessons: {
        course: 'fn',
        openBundled: 'fn',
        openDialog: 'fn',
        openDropped: 'fn',
        recent: 'fn',
        openRecent: 'fn',
        onOpened: 'fn',
        onChanged: 'fn',
        saveCode: 'fn',
        saveFile: 'fn',
      },
      settings: { get: 'fn', set: 'fn' },
      drafts: { load: 'fn', save: 'fn' },
      progress: { get: 'fn', save: 'fn' },
      setDirty: 'fn',
      onMenuCommand: 'fn',
    });
    expect(containsValue(preload.exposed, preload.electron.ipcRenderer)).toBe(false);
    expect(containsValue(preload.exposed, preload.electron)).toBe(false);
  });

  it('calls each main-process handler on its own channel', async () => {
    const preload = loadPreload(code);
    const api = preload.exposed.loopscope as {
      engine: { run(r: unknown): Promise<unknown>; stop(id: string): Promise<void> };
      lessons: {
        openBundled(id: string, l: string): Promise<unknown>;
        saveCode(c: string, n: string): Promise<unknown>;
        saveFile(d: unknown, n: string, k: string): Promise<unknown>;
      };
      settings: { set(p: unknown): Promise<unknown> };
      drafts: { load(): Promise<unknown>; save(d: unknown): Promise<unknown> };
      progress: { get(): Promise<unknown>; save(p: unknown): Promise<unknown> };
      setDirty(d: unknown): void;
    };
    await api.engine.run({ code: 'print(1)', filename: 'main.py' });
    await api.engine.stop('id');
    await api.lessons.openBundled('tasks', 'ru');
    await api.lessons.saveCode('x', 'main.py');
    await api.lessons.saveFile('{}', 'run', 'replay');
    await api.settings.set({ speed: 2 });
    await api.drafts.load();
    await api.drafts.save(null);
    await api.progress.get();
    await api.progress.save({ en: {}, ru: {} });
    api.setDirty('yes');
    expect(preload.invokes).toEqual([
      [INVOKE.engineRun, { code: 'print(1)', filename: 'main.py' }],
      [INVOKE.engineStop, 'id'],
      [INVOKE.lessonsOpenBundled, 'tasks', 'ru'],
      [INVOKE.lessonsSaveCode, 'x', 'main.py'],
      [INVOKE.lessonsSaveFile, '{}', 'run', 'replay'],
      [INVOKE.settingsSet, { speed: 2 }],
      [INVOKE.draftsLoad],
      [INVOKE.draftsSave, null],
      [INVOKE.progressGet],
      [INVOKE.progressSave, { en: {}, ru: {} }],
    ]);
    // Anything but `true` is not dirty.
    expect(preload.sends).toEqual([[SEND.setDirty, false]]);
  });

  it('sends main only the paths of real dropped files', async () => {
    const preload = loadPreload(code);
    const api = preload.exposed.loopscope as {
      lessons: { openDropped(files: unknown[]): Promise<unknown> };
    };
    await api.lessons.openDropped([
      new FakeFile('/home/a.md'),
      { path: '/etc/passwd' },
      new FakeFile(''),
    ]);
    expect(preload.invokes).toEqual([[INVOKE.lessonsOpenDropped, ['/home/a.md']]]);
  });

  it('delivers events to subscribers until they unsubscribe', () => {
    const preload = loadPreload(code);
    const api = preload.exposed.loopscope as {
      engine: { onEvents(l: (id: string, e: unknown[]) => void): () => void };
      lessons: { onOpened(l: (r: unknown) => void): () => void };
    };
    const seen: unknown[] = [];
    const unsubscribe = api.engine.onEvents((id, events) => seen.push([id, events.length]));
    preload.push(PUSH.engineEvents, 'run-1', [{}, {}]);
    unsubscribe();
    preload.push(PUSH.engineEvents, 'run-1', [{}]);
    expect(seen).toEqual([['run-1', 2]]);

    const opened: unknown[] = [];
    api.lessons.onOpened((result) => opened.push(result));
    expect(preload.sends).toContainEqual([SEND.lessonsListening]);
    preload.push(PUSH.lessonsOpened, { files: [], failures: [{ name: 'x.md', reason: 'binary' }] });
    expect(opened).toHaveLength(1);
  });

  it('opens files dropped on the window only when the page did not take the drop itself', async () => {
    const preload = loadPreload(code);
    const api = preload.exposed.loopscope as {
      lessons: { onOpened(l: (r: unknown) => void): () => void };
    };
    const opened: unknown[] = [];
    api.lessons.onOpened((result) => opened.push(result));
    const drop = preload.windowListeners.get('drop') as Listener;
    const dropEvent = (handledByPage: boolean) => ({
      isTrusted: true,
      defaultPrevented: handledByPage,
      dataTransfer: { files: [new FakeFile('/home/teacher/lesson.md')] },
    });
    drop(dropEvent(true));
    drop(dropEvent(false));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(preload.invokes).toEqual([[INVOKE.lessonsOpenDropped, ['/home/teacher/lesson.md']]]);
    expect(opened).toHaveLength(1);
  });

  it('opens https links the user really clicked, and never lets a link navigate the app away', () => {
    const preload = loadPreload(code);
    const click = preload.windowListeners.get('click') as Listener;
    const event = (href: string, isTrusted: boolean) => {
      const e = {
        target: new FakeAnchor(href),
        isTrusted,
        prevented: false,
        preventDefault: () => (e.prevented = true),
      };
      return e;
    };
    const trusted = event('https://docs.python.org/3/library/asyncio.html', true);
    click(trusted);
    const scripted = event('https://evil.example/', false);
    click(scripted);
    const plain = event('http://example.com/', true);
    click(plain);
    const internal = event('app://loopscope/src-renderer/index.html#x', true);
    click(internal);
    expect(preload.sends).toEqual([
      [SEND.openLink, 'https://docs.python.org/3/library/asyncio.html'],
    ]);
    expect([trusted.prevented, scripted.prevented, plain.prevented, internal.prevented]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});

describe('the engine page preload', () => {
  it('requires nothing but electron and exposes only the narrow engine bridge', async () => {
    const preload = loadPreload(await bundle('src-main/engine-preload.ts'));
    expect(new Set(preload.required)).toEqual(new Set(['electron']));
    expect(Object.keys(preload.exposed)).toEqual(['loopscopeEngine']);
    expect(shapeOf(preload.exposed.loopscopeEngine)).toEqual({
      reportStatus: 'fn',
      reportEvents: 'fn',
      reportRunFailed: 'fn',
      onRun: 'fn',
      onStop: 'fn',
      loadSnapshot: 'fn',
      saveSnapshot: 'fn',
    });
    expect(containsValue(preload.exposed, preload.electron.ipcRenderer)).toBe(false);
    const bridge = preload.exposed.loopscopeEngine as {
      reportEvents(id: string, e: unknown[]): void;
      onRun(l: (id: string, r: unknown) => void): () => void;
    };
    bridge.reportEvents('run-1', [{ seq: 0 }]);
    expect(preload.sends).toEqual([[ENGINE.events, 'run-1', [{ seq: 0 }]]]);
    const runs: unknown[] = [];
    bridge.onRun((id, request) => runs.push([id, request]));
    preload.push(ENGINE.run, 'run-2', { code: 'x' });
    expect(runs).toEqual([['run-2', { code: 'x' }]]);
    expect(preload.ipcListeners.has(INVOKE.engineRun)).toBe(false);
  });
});
