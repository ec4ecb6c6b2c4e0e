/**
 * A run's events reach the host while the program still runs: the command line's child
 * writes them to a pipe at once (child-port.ts, `MESSAGES_FD`), even when the trace before
 * them is far larger than a pipe holds and Python then keeps the child busy.
 */
import { expect, test } from 'vitest';
import type { TraceEvent } from '../../src-shared/trace.ts';
import { useEngine } from './engine-fixture.ts';

const engine = useEngine();

test('text printed after a large trace reaches the host before a long computation ends', async () => {
  // About 100,000 events (megabytes on the wire, in batches larger than a pipe holds), the
  // print, then a second or more of Python that records nothing (its loop's lines are
  // summarised). Sent over the IPC channel, the text waited for the end of the run.
  const code = [
    'import asyncio',
    'async def worker(i):',
    '    await asyncio.sleep(i % 10 / 100)',
    'async def main():',
    '    await asyncio.gather(*(worker(i) for i in range(4000)))',
    'asyncio.run(main())',
    'print("ready", flush=True)',
    'total = 0',
    'for i in range(6_000_000):',
    '    total += i',
    'print(total)',
  ].join('\n');
  let readyAt = 0;
  let endAt = 0;
  let before = 0;
  await engine().stream({ code, filename: '/tmp/stream.py' }, (batch: TraceEvent[]) => {
    for (const event of batch) {
      if (!readyAt) before++;
      if (event.kind === 'output' && event.text.includes('ready')) readyAt = performance.now();
      if (event.kind === 'run.end') endAt = performance.now();
    }
  }).finished;
  expect(before).toBeGreaterThan(90_000);
  expect(readyAt).toBeGreaterThan(0);
  // The summed loop takes seconds in Pyodide; the text came at its start, not with run.end.
  expect(endAt - readyAt).toBeGreaterThan(300);
}, 60_000);
