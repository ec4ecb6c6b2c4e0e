/**
 * What the engine's child writes on the wire, read as it comes out of the child (before any
 * host decodes it): every batch is ASCII, whatever the program prints, because Pyodide hands
 * any other string to JavaScript a character at a time (loopscope_trace.encode_batch).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { spawnConfinedChild } from '../../src-engine/node/child-port.ts';
import { engineFiles, NODE_ENGINE_DIR } from '../../src-engine/node/engine.ts';
import { DEFAULT_BUDGETS } from '../../src-shared/trace.ts';
import { decodeBatch } from '../../src-shared/trace-wire.ts';

const pyodideDir = dirname(fileURLToPath(import.meta.resolve('pyodide')));

/** Runs `code` in a fresh confined child; resolves with the raw JSON of every batch it sent. */
function rawBatches(code: string): Promise<string[]> {
  const stopFile = join(mkdtempSync(join(tmpdir(), 'loopscope-wire-')), 'stop');
  const port = spawnConfinedChild({ ...engineFiles(NODE_ENGINE_DIR), pyodideDir }, stopFile);
  const batches: string[] = [];
  return new Promise<string[]>((resolve, reject) => {
    port.onError(reject);
    port.onMessage((message) => {
      const { type, json } = message as { type: string; json?: string };
      if (type === 'ready') {
        const request = { code, filename: '/tmp/wire.py', budgets: DEFAULT_BUDGETS };
        port.post({ type: 'run', id: 1, request, control: null });
      } else if (type === 'events' && typeof json === 'string') {
        batches.push(json);
      } else if (type === 'done') {
        resolve(batches);
      } else if (type === 'failed') {
        reject(new Error(JSON.stringify(message)));
      }
    });
    port.post({ type: 'init', snapshot: null, indexURL: null, wasm: null });
  }).finally(() => port.terminate());
}

test('every batch is ASCII, and carries the text the program printed', async () => {
  const [russian, snake] = ['Привет, мир', '🐍 π'];
  const code = [
    'import asyncio, sys',
    'async def main():',
    `    print(${JSON.stringify(russian)})`,
    '    print("ellipsis … and a lone " + "\\udcff" + "surrogate")',
    `    print(${JSON.stringify(snake)}, file=sys.stderr)`,
    '    await asyncio.sleep(0)',
    'asyncio.run(main())',
  ].join('\n');
  const batches = await rawBatches(code);
  expect(batches.length).toBeGreaterThan(0);
  for (const json of batches) expect(json).toMatch(/^[\x20-\x7e]*$/);
  const text = batches
    .flatMap((json) => decodeBatch(json))
    .filter((event) => event.kind === 'output')
    .map((event) => event.text)
    .join('');
  expect(text).toContain(`${russian}\n`);
  expect(text).toContain('ellipsis … and a lone \udcffsurrogate\n');
  expect(text).toContain(`${snake}\n`);
}, 60_000);
