// The engine's speed: cold start, run-to-trace for the bundled lessons, events recorded per
// second, a 10,000-task program and a loopback echo server against native python3.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEngine } from './build-engine.mjs';

const root = new URL('..', import.meta.url);
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const ms = (value) => `${value.toFixed(0)} ms`;

const MANY_TASKS = `
import asyncio

async def worker(i):
    await asyncio.sleep(i % 10 / 100)
    return i

async def main():
    tasks = [asyncio.create_task(worker(i)) for i in range(10_000)]
    results = await asyncio.gather(*tasks)
    print(sum(results))

asyncio.run(main())
`;

// The loopback network: 100 clients, 20 echoed lines each, through one server.
const ECHO = `
import asyncio

async def handle(reader, writer):
    async for line in reader:
        writer.write(line)
        await writer.drain()
    writer.close()

async def client(port, n):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    total = 0
    for i in range(20):
        writer.write(f"{n} {i}\\n".encode())
        total += len(await reader.readline())
    writer.close()
    await writer.wait_closed()
    return total

async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        print(sum(await asyncio.gather(*(client(port, n) for n in range(100)))))

asyncio.run(main())
`;

export async function benchEngine() {
  await buildEngine();
  const { NodeEngine } = await import(new URL('src-engine/node/engine.ts', root).href);
  const { parseLesson } = await import(new URL('src-shared/lesson/parse.ts', root).href);

  // Cold start: a first start ever (no saved snapshot), then a start from the saved one.
  const cacheDir = mkdtempSync(join(tmpdir(), 'loopscope-bench-'));
  const first = new NodeEngine({ cacheDir });
  await first.ready();
  await first.close();
  await pause(500);
  const starts = [];
  for (let i = 0; i < 3; i++) {
    const engine = new NodeEngine({ cacheDir });
    await engine.ready();
    starts.push(engine.startMs);
    await engine.close();
  }
  console.log(
    `cold start, first ever (prepares the interpreter, makes the snapshot): ${ms(first.startMs)}`,
  );
  console.log(
    `cold start from the saved snapshot (median of 3):                    ${ms(median(starts))}   aim < 1500 ms`,
  );

  // Run to complete trace, warm engine: every runnable scenario of the bundled lessons.
  const engine = new NodeEngine({ cacheDir });
  await engine.ready();
  const lessonsDir = new URL('assets/lessons/', root);
  const times = [];
  let scenarios = 0;
  for (const file of readdirSync(lessonsDir)
    .filter((f) => f.endsWith('.en.md'))
    .sort()) {
    const lesson = parseLesson(readFileSync(new URL(file, lessonsDir), 'utf8'), file);
    for (const scenario of lesson.scenarios.filter((s) => s.runnable)) {
      await pause(400); // let the engine restore its next clean interpreter, as between clicks
      const started = performance.now();
      await engine.run({ code: scenario.code, filename: `/lessons/${file}.py` });
      times.push(performance.now() - started);
      scenarios += 1;
    }
  }
  if (times.length > 0) {
    console.log(
      `run to complete trace, bundled lessons (${scenarios} scenarios, warm): median ${ms(median(times))}, max ${ms(Math.max(...times))}   aim < 150 ms`,
    );
  }

  // Events per second and the 10,000-task program against native python3.
  await pause(400);
  const file = join(mkdtempSync(join(tmpdir(), 'loopscope-bench-')), 'many_tasks.py');
  writeFileSync(file, MANY_TASKS);
  const started = performance.now();
  const result = await engine.run({ code: MANY_TASKS, filename: file });
  const engineMs = performance.now() - started;
  const nativeStarted = performance.now();
  const native = execFileSync('python3', [file], { encoding: 'utf8' });
  const nativeMs = performance.now() - nativeStarted;
  console.log(
    `events recorded per second (10,000 tasks, ${result.events.length} events): ${Math.round(result.events.length / (engineMs / 1000)).toLocaleString('en')}   aim ≥ 200,000`,
  );
  console.log(
    `10,000-task program: engine ${ms(engineMs)}, native python3 ${ms(nativeMs)} (incl. its ~0.1 s of real sleeps), ratio ${(engineMs / nativeMs).toFixed(1)}x; same output: ${result.stdout === native}`,
  );

  // The loopback network against real loopback sockets.
  await pause(400);
  const echoFile = join(mkdtempSync(join(tmpdir(), 'loopscope-bench-')), 'echo.py');
  writeFileSync(echoFile, ECHO);
  const echoStarted = performance.now();
  const echo = await engine.run({ code: ECHO, filename: echoFile });
  const echoMs = performance.now() - echoStarted;
  const nativeEchoStarted = performance.now();
  const nativeEcho = execFileSync('python3', [echoFile], { encoding: 'utf8' });
  const nativeEchoMs = performance.now() - nativeEchoStarted;
  console.log(
    `loopback echo, 100 clients × 20 lines (${echo.events.length} events): engine ${ms(echoMs)}, native python3 ${ms(nativeEchoMs)} (start-up included), ratio ${(echoMs / nativeEchoMs).toFixed(1)}x; same output: ${echo.stdout === nativeEcho}`,
  );
  await engine.close();
}
