/**
 * What the engine's child writes on the wire, read as it comes out of the child (before any
 * host decodes it): batches of bytes in marshal's format (loopscope_trace.encode_batch), which
 * carry whatever the program prints exactly, a lone surrogate included.
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

/** Runs `code` in a fresh confined child; resolves with the bytes of every batch it sent. */
function rawBatches(code: string): Promise<Uint8Array[]> {
  const stopFile = join(mkdtempSync(join(tmpdir(), 'loopscope-wire-')), 'stop');
  const port = spawnConfinedChild({ ...engineFiles(NODE_ENGINE_DIR), pyodideDir }, stopFile);
  const batches: Uint8Array[] = [];
  return new Promise<Uint8Array[]>((resolve, reject) => {
    port.onError(reject);
    port.onMessage((message) => {
      const { type, batch } = message as { type: string; batch?: unknown };
      if (type === 'ready') {
        const request = { code, filename: '/tmp/wire.py', budgets: DEFAULT_BUDGETS };
        port.post({ type: 'run', id: 1, request, control: null });
      } else if (type === 'events' && batch instanceof Uint8Array) {
        batches.push(batch);
      } else if (type === 'done') {
        resolve(batches);
      } else if (type === 'failed') {
        reject(new Error(JSON.stringify(message)));
      }
    });
    port.post({ type: 'init', snapshot: null, indexURL: null, wasm: null });
  }).finally(() => port.terminate());
}

test('every batch is bytes, and carries the text the program printed', async () => {
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
  const text = batches
    .flatMap((batch) => decodeBatch(batch))
    .filter((event) => event.kind === 'output')
    .map((event) => event.text)
    .join('');
  expect(text).toContain(`${russian}\n`);
  expect(text).toContain('ellipsis … and a lone \udcffsurrogate\n');
  expect(text).toContain(`${snake}\n`);
}, 60_000);
