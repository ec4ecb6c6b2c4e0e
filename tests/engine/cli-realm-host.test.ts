/**
 * The host functions the engine's realm may call (`createRealmHost`), given what a program in
 * the realm could give them: they read only Pyodide's three files, never throw, return only
 * primitives, and pass on only well-formed messages, a snapshot only before any run.
 */
import { closeSync, mkdtempSync, openSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, test } from 'vitest';
import type { WorkerMessage } from '../../src-engine/core/protocol.ts';
import { PYODIDE_FILES } from '../../src-engine/node/realm-contract.ts';
import { createRealmHost } from '../../src-engine/node/realm-host.ts';

const pyodideDir = dirname(fileURLToPath(import.meta.resolve('pyodide')));
const work = mkdtempSync(join(tmpdir(), 'loopscope-realm-host-'));
const secret = join(work, 'secret.txt');
writeFileSync(secret, 'secret');
const stopFile = join(work, 'stop');
writeFileSync(stopFile, '');
const stopFd = openSync(stopFile, 'r');
afterAll(() => closeSync(stopFd));

function createHost() {
  const sent: WorkerMessage[] = [];
  const fired: number[] = [];
  const control = createRealmHost(
    { realmScript: '', pyodideDir, stopFd },
    (message) => void sent.push(message),
    (id) => void fired.push(id),
  );
  return { ...control, sent, fired };
}

/** Values a program could pass where the host expects a path, text or bytes. */
const hostile: unknown[] = [
  undefined,
  null,
  42,
  {},
  [],
  new Float64Array(4),
  new Proxy(new Uint8Array(4), {}),
  {
    toString() {
      throw new Error('no');
    },
  },
  Object.create(Uint8Array.prototype),
  detached(),
];

/** A byte array whose memory was handed away, as `ArrayBuffer.prototype.transfer` does. */
function detached(): Uint8Array {
  const bytes = new Uint8Array(8);
  structuredClone(bytes.buffer, { transfer: [bytes.buffer] });
  return bytes;
}

describe('the realm host', () => {
  test("reads Pyodide's three files and nothing else", () => {
    const { host } = createHost();
    for (const name of PYODIDE_FILES) {
      const path = join(pyodideDir, name);
      const size = host.fileSize(path);
      expect(size).toBe(statSync(path).size);
      const into = new Uint8Array(size);
      expect(host.readFile(path, into)).toBe(true);
      expect(into.some((byte) => byte !== 0)).toBe(true);
    }
    const refused = [
      secret,
      '/etc/hostname',
      join(pyodideDir, 'package.json'),
      join(pyodideDir, '..', 'pyodide', '..', '..', 'package.json'),
      `${pyodideDir}/../pyodide/../../package.json`,
      pyodideDir,
      'pyodide.asm.wasm',
    ];
    for (const path of refused) {
      expect(host.fileSize(path)).toBe(-1);
      expect(host.readFile(path, new Uint8Array(6))).toBe(false);
    }
  });

  test('reads a file only into a byte array of its exact size', () => {
    const { host } = createHost();
    const path = join(pyodideDir, 'pyodide-lock.json');
    const size = host.fileSize(path);
    expect(host.readFile(path, new Uint8Array(size - 1))).toBe(false);
    expect(host.readFile(path, new Uint8Array(size + 1))).toBe(false);
  });

  test('never throws and returns only primitives, whatever it is given', () => {
    const { host } = createHost();
    for (const value of hostile) {
      const results: unknown[] = [
        host.fileSize(value as string),
        host.readFile(value as string, value as Uint8Array),
        host.decode(value as string, true, false, value as Uint8Array),
        host.decode('utf-8', true, false, value as Uint8Array),
        host.randomFill(value as Uint8Array),
        host.setTimer(value as number, value as number),
        host.clearTimer(value as number),
        host.post(value as string, value as number, value as string, value as Uint8Array),
        host.post('snapshot', 0, '', value as Uint8Array),
      ];
      for (const result of results) {
        expect(result === null || typeof result !== 'object').toBe(true);
        expect(typeof result).not.toBe('function');
      }
    }
  });

  test('decodes text, and answers null for invalid text or an unknown encoding', () => {
    const { host } = createHost();
    const bytes = new TextEncoder().encode('привет, asyncio');
    expect(host.decode('utf-8', true, false, bytes)).toBe('привет, asyncio');
    expect(host.decode('utf-16le', false, false, new Uint8Array([0x41, 0]))).toBe('A');
    expect(host.decode('utf-8', true, false, new Uint8Array([0xff]))).toBeNull();
    expect(host.decode('no-such-encoding', false, false, bytes)).toBeNull();
  });

  test('fills at most 65,536 random bytes at once', () => {
    const { host } = createHost();
    const bytes = new Uint8Array(64);
    expect(host.randomFill(bytes)).toBe(true);
    expect(bytes.some((byte) => byte !== 0)).toBe(true);
    expect(host.randomFill(new Uint8Array(65_537))).toBe(false);
  });

  test('passes on well-formed messages only, and a snapshot only before the first run', () => {
    const { host, startRun, sent } = createHost();
    const batch = new Uint8Array([0x4e]);
    host.post('events', 1, '', null);
    host.post('events', 1, '', batch);
    host.post('ready', 12, '3.14.2', null);
    host.post('no-such-type', 1, '', null);
    host.post('done', Number.NaN as number, 1 as unknown as string, null);
    host.post('snapshot', 0, '', new Uint8Array([1, 2, 3]));
    startRun(1, 2048);
    host.post('snapshot', 0, '', new Uint8Array([4, 5, 6]));
    expect(sent.map((message) => message.type)).toEqual(['events', 'ready', 'snapshot']);
    // The batch is the child's own copy: the realm can no longer change it.
    const events = sent[0];
    expect(events?.type === 'events' && events.batch).not.toBe(batch);
    expect(events?.type === 'events' && [...events.batch]).toEqual([0x4e]);
    const snapshot = sent[2];
    expect(snapshot?.type === 'snapshot' && [...snapshot.snapshot]).toEqual([1, 2, 3]);
  });

  test('reads the stop flag the parent writes', () => {
    const { host } = createHost();
    expect(host.stopRequested()).toBe(0);
    writeFileSync(stopFile, new Uint8Array([1]));
    expect(host.stopRequested()).toBe(1);
    writeFileSync(stopFile, '');
  });

  test('asks for a stop (3) once the process holds more than the run’s memory budget, and tells the parent once', () => {
    const { host, startRun, sent } = createHost();
    const heldMb = process.memoryUsage.rss() / (1024 * 1024);
    startRun(7, Math.ceil(heldMb * 4));
    expect(host.stopRequested()).toBe(0);
    expect(sent).toEqual([]);
    startRun(8, Math.floor(heldMb / 2));
    expect(host.stopRequested()).toBe(3);
    expect(host.stopRequested()).toBe(3);
    expect(sent).toEqual([{ type: 'over-memory', id: 8 }]);
    // The parent's own stop still says why it was asked.
    writeFileSync(stopFile, new Uint8Array([1]));
    expect(host.stopRequested()).toBe(1);
    writeFileSync(stopFile, '');
  });

  test('calls back for a timer when it is due, and not for one cleared', async () => {
    const { host, fired } = createHost();
    host.setTimer(1, 10);
    host.setTimer(2, 10);
    host.clearTimer(2);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(fired).toEqual([1]);
  });
});

/** A context made as `createEngineRealm` makes the realm, with `lockRealm` run in it. */
function lockedRealm() {
  const context = vm.createContext(Object.create(null), {
    codeGeneration: { strings: false, wasm: true },
  });
  const { outputFiles } = buildSync({
    stdin: {
      contents: "import { lockRealm } from './realm-globals.ts'; lockRealm();",
      resolveDir: fileURLToPath(new URL('../../src-engine/node/', import.meta.url)),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    write: false,
  });
  new vm.Script(outputFiles[0]?.text ?? '').runInContext(context);
  return (code: string): unknown => new vm.Script(code).runInContext(context);
}

describe('the realm, locked', () => {
  test('gives no stack hook to Node: neither on its Error nor through its global binding', () => {
    const inRealm = lockedRealm();
    inRealm(`
      globalThis.called = false;
      const hook = () => { globalThis.called = true; return 'hooked'; };
      try { Error.prepareStackTrace = hook; } catch {}
      try { Object.defineProperty(globalThis, 'Error', { value: { prepareStackTrace: hook } }); } catch {}
      try { globalThis.Error = { prepareStackTrace: hook }; } catch {}
      globalThis.stack = new Error('x').stack;
    `);
    expect(inRealm('called')).toBe(false);
    expect(inRealm('stack')).not.toBe('hooked');
    expect(inRealm('typeof Error.prototype.constructor')).toBe('function');
  });

  test('has no streaming compile, which Node answers in its own context', () => {
    const inRealm = lockedRealm();
    expect(inRealm('typeof WebAssembly.compileStreaming')).toBe('undefined');
    expect(inRealm('typeof WebAssembly.instantiateStreaming')).toBe('undefined');
    expect(() =>
      inRealm(`Object.defineProperty(WebAssembly, 'compileStreaming', { value: () => 1 })`),
    ).toThrow();
    // What Pyodide uses is still there.
    expect(inRealm('typeof WebAssembly.instantiate')).toBe('function');
  });

  test('takes no new name on the prototypes every lookup ends in, and still runs ordinary code', () => {
    const inRealm = lockedRealm();
    expect(() =>
      inRealm(`Object.defineProperty(Object.prototype, 'navigator', { get() { return this; } })`),
    ).toThrow(/not extensible/);
    expect(() =>
      inRealm(`Object.defineProperty(Function.prototype, 'process', { value: 1 })`),
    ).toThrow(/not extensible/);
    expect(inRealm('globalThis.navigator')).toBeUndefined();
    // An object's own properties, a class's, and a replaced method of its own are unaffected.
    expect(
      inRealm(`
        class A { toString() { return 'a'; } }
        const o = { x: 1 };
        o.toString = () => 'o';
        [String(new A()), String(o), o.x].join()
      `),
    ).toBe('a,o,1');
  });
});
