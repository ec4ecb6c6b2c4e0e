/**
 * The engine's child process refuses to run a program unless it is confined as the command
 * line asks (Node's permission model with read access to its own files only, and no code
 * compiled from strings), and the flags the parent asks for grant nothing more.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize } from 'node:v8';
import { describe, expect, test } from 'vitest';
import { canConfine, confinementArgs } from '../../src-engine/node/confinement.ts';
import { engineFiles, NODE_ENGINE_DIR } from '../../src-engine/node/engine.ts';
import { PYODIDE_FILES } from '../../src-engine/node/realm-contract.ts';
import { MESSAGES_FD, readFrames } from '../../src-engine/node/child-port.ts';

const { childScript, realmScript } = engineFiles(NODE_ENGINE_DIR);
const pyodideDir = dirname(fileURLToPath(import.meta.resolve('pyodide')));
const readable = [childScript, realmScript, ...PYODIDE_FILES.map((f) => join(pyodideDir, f))];

/** Starts the child with `flags`; resolves with its first message and its exit status. */
function startChild(flags: string[]): Promise<{ message: unknown; code: number | null }> {
  const child = spawn(process.execPath, [...flags, childScript, realmScript, pyodideDir], {
    stdio: ['ignore', 'ignore', 'ignore', 'ipc', 'ignore', 'ignore', 'pipe'],
    serialization: 'advanced',
    env: {},
  });
  let message: unknown = null;
  const messages = (child.stdio as readonly unknown[])[MESSAGES_FD] as NodeJS.ReadableStream;
  readFrames(
    messages,
    1024 * 1024,
    (frame) => {
      if (message !== null) return;
      const value: unknown = deserialize(frame);
      message = value;
      // A confined child waits for its first message: it has passed its own check.
      if (typeof value !== 'object' || Reflect.get(value ?? {}, 'type') !== 'failed') child.kill();
    },
    () => child.kill(),
  );
  const timer = setTimeout(() => child.kill(), 20_000);
  return new Promise((resolve) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ message, code });
    }),
  );
}

describe("the engine child's confinement", () => {
  test('this Node can confine it', () => {
    expect(canConfine()).toBe(true);
  });

  test('the parent asks for read access to exact files and for nothing else', () => {
    const args = confinementArgs(readable);
    expect(args[0]).toMatch(/^--(experimental-)?permission$/);
    expect(args.filter((arg) => arg.startsWith('--allow-'))).toEqual(
      readable.map((path) => `--allow-fs-read=${path}`),
    );
    expect(args).toContain('--disallow-code-generation-from-strings');
    expect(args).toContain('--no-addons');
  });

  test.each([
    ['without the permission model', [], /permission model is off/],
    [
      'with code compiled from strings',
      confinementArgs(readable).filter((f) => f !== '--disallow-code-generation-from-strings'),
      /compiled from strings/,
    ],
    ['allowed to write', [...confinementArgs(readable), '--allow-fs-write=*'], /fs\.write/],
    [
      'allowed to start processes',
      [...confinementArgs(readable), '--allow-child-process'],
      /"child"/,
    ],
    ['allowed to start workers', [...confinementArgs(readable), '--allow-worker'], /"worker"/],
    ['allowed to read everything', [...confinementArgs(readable), '--allow-fs-read=*'], /readable/],
  ])('refuses to run %s, saying why, with status 78', async (_name, flags, reason) => {
    const { message, code } = await startChild(flags);
    expect(message).toMatchObject({ type: 'failed' });
    const text = String(Reflect.get(message ?? {}, 'message'));
    expect(text).toMatch(/not confined/);
    expect(text).toMatch(reason);
    expect(code).toBe(78);
  });
});
