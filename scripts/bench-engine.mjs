// The engine's speed: cold start, run-to-trace for the bundled lessons, events recorded per
// second and a 10,000-task program against native python3.13 (start-up excluded on both
// sides), a loopback echo server against native python3, and the
// command line end to end, beside the command line as it was before each run got a confined
// process of its own.
import { execFileSync, execSync, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { homedir, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEngine } from './build-engine.mjs';

const root = new URL('..', import.meta.url);
const rootDir = fileURLToPath(root);
/** The last commit whose command line ran the engine in a worker thread, unconfined. */
const BEFORE_SANDBOX = '7e59f5c';
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

const SMALL = `
import asyncio

async def main():
    await asyncio.sleep(1)
    print("done")

asyncio.run(main())
`;

// The loopback network: 100 clients, 20 echoed lines each, through one server.
const SWITCHES = `
import asyncio

async def spin(n):
    for _ in range(n):
        await asyncio.sleep(0)
    return n

async def main():
    print(sum(await asyncio.gather(*(spin(20_000) for _ in range(5)))))

asyncio.run(main())
`;

const PRINTS = `
for i in range(200_000):
    print(i, i * i)
`;

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
  console.log(`load average: ${loadavg()[0].toFixed(1)} on this machine`);

  // Cold start: a first start ever (no saved snapshot), then a start from the saved one: the
  // start every run's child makes.
  const cacheDir = mkdtempSync(join(tmpdir(), 'loopscope-bench-'));
  const first = new NodeEngine({ cacheDir });
  await first.ready();
  await first.close();
  await pause(500);
  const starts = [];
  for (let i = 0; i < 5; i++) {
    const engine = new NodeEngine({ cacheDir });
    await engine.ready();
    starts.push(engine.startMs);
    await engine.close();
  }
  console.log(
    `cold start, first ever (prepares the interpreter, makes the snapshot): ${ms(first.startMs)}`,
  );
  console.log(
    `a run's child process, started from the saved snapshot (median of 5): ${ms(median(starts))}   aim < 1500 ms`,
  );

  // Run to complete trace: every runnable scenario of the bundled lessons, each in the child
  // prepared while the user read the one before (as between clicks), and back to back (as in
  // `loopscope check`, where a run waits for what is left of its child's start).
  const engine = new NodeEngine({ cacheDir });
  await engine.ready();
  const lessonsDir = new URL('assets/lessons/', root);
  const times = [];
  const backToBack = [];
  for (const file of readdirSync(lessonsDir)
    .filter((f) => f.endsWith('.en.md'))
    .sort()) {
    const lesson = parseLesson(readFileSync(new URL(file, lessonsDir), 'utf8'), file);
    for (const scenario of lesson.scenarios.filter((s) => s.runnable)) {
      const request = { code: scenario.code, filename: `/lessons/${file}.py` };
      await pause(1000);
      let started = performance.now();
      await engine.run(request);
      times.push(performance.now() - started);
      started = performance.now();
      await engine.run(request);
      backToBack.push(performance.now() - started);
    }
  }
  if (times.length > 0) {
    console.log(
      `run to complete trace, bundled lessons (${times.length} scenarios, child prepared): median ${ms(median(times))}, max ${ms(Math.max(...times))}   aim < 150 ms`,
    );
    console.log(
      `run to complete trace, bundled lessons, back to back (as check runs them): median ${ms(median(backToBack))}`,
    );
  }

  // Events per second and the 10,000-task program against native Python (3.13, with asyncio's
  // C accelerator), start-up excluded on both sides: the engine's from the request (its child's
  // interpreter already restored) to `run.end` as the host receives it, native's from before
  // the program's first statement to after its last (asyncio already imported). The engine runs
  // it as `loopscope run` does, with no next child preparing beside the run.
  await pause(1000);
  const alone = new NodeEngine({ cacheDir, prepareNext: false });
  const file = join(mkdtempSync(join(tmpdir(), 'loopscope-bench-')), 'many_tasks.py');
  writeFileSync(file, MANY_TASKS);
  // The engine and native Python take turns, so that both are measured at the same moments of
  // a machine whose speed moves (this one's by a fifth within an hour).
  const runs = [];
  const natives = [];
  for (let i = 0; i < 5; i++) {
    await alone.ready();
    await pause(500);
    natives.push(timeNative(file));
    runs.push(await timeRun(alone, { code: MANY_TASKS, filename: file }));
  }
  const { ms: engineMs, result } = runs.sort((a, b) => a.ms - b.ms)[2];
  const native = natives.sort((a, b) => a.ms - b.ms)[2];
  console.log(
    `events recorded per second (10,000 tasks, ${result.events.length} events, median of 5): ${Math.round(result.events.length / (engineMs / 1000)).toLocaleString('en')}   aim ≥ 200,000; native ${NATIVE_PYTHON} runs the program at ${Math.round(result.events.length / (native.ms / 1000)).toLocaleString('en')} of these events a second`,
  );
  console.log(
    `10,000-task program, start-up excluded (medians of 5, engine and native in turn): engine ${ms(engineMs)}, native ${NATIVE_PYTHON} ${ms(native.ms)} (incl. its ~0.1 s of real sleeps), ratio ${(engineMs / native.ms).toFixed(1)}x   aim ≤ 3x; same output: ${result.stdout === native.stdout}`,
  );
  // The app and `loopscope check` prepare the next run's child while a run runs.
  const beside = [];
  for (let i = 0; i < 3; i++) {
    await engine.ready();
    await pause(500);
    beside.push((await timeRun(engine, { code: MANY_TASKS, filename: file })).ms);
  }
  console.log(
    `10,000-task program with the next run's child preparing beside it (the app, check; median of 3): ${ms(median(beside))}`,
  );

  // The loopback network against real loopback sockets.
  await pause(400);
  const echoFile = join(mkdtempSync(join(tmpdir(), 'loopscope-bench-')), 'echo.py');
  writeFileSync(echoFile, ECHO);
  await alone.ready();
  await pause(400);
  const echoStarted = performance.now();
  const echo = await alone.run({ code: ECHO, filename: echoFile });
  const echoMs = performance.now() - echoStarted;
  const nativeEchoStarted = performance.now();
  const nativeEcho = execFileSync('python3', [echoFile], { encoding: 'utf8' });
  const nativeEchoMs = performance.now() - nativeEchoStarted;
  console.log(
    `loopback echo, 100 clients × 20 lines (${echo.events.length} events): engine ${ms(echoMs)}, native python3 ${ms(nativeEchoMs)} (start-up included), ratio ${(echoMs / nativeEchoMs).toFixed(1)}x; same output: ${echo.stdout === nativeEcho}`,
  );

  // Programs native Python runs in under a second, which must run to their end: one that prints
  // much (each line reaches the terminal and the trace on its own), one that switches tasks a
  // hundred thousand times (about a million events: its trace fills, and it runs on unrecorded).
  for (const [what, code] of [
    ['200,000 printed lines', PRINTS],
    ['100,000 task switches (sleep(0) in 5 tasks)', SWITCHES],
  ]) {
    await pause(400);
    const file = join(mkdtempSync(join(tmpdir(), 'loopscope-bench-')), 'program.py');
    writeFileSync(file, code);
    await alone.ready();
    await pause(400);
    const run = await timeRun(alone, { code, filename: file });
    const native = timeNative(file);
    const end = run.result.events.at(-1);
    const full =
      end?.fullAt === undefined
        ? ''
        : `, trace full after ${end.fullAt.toLocaleString('en')} events`;
    console.log(
      `${what}: engine ${ms(run.ms)}${full}, native ${NATIVE_PYTHON} ${ms(native.ms)}, ratio ${(run.ms / native.ms).toFixed(1)}x   aim: under the 10 s wall-time budget (a program native runs in under a second runs to its end); ran to its end: ${run.result.stdout === native.stdout}`,
    );
  }
  await alone.close();
  await engine.close();

  await benchCommandLine(cacheDir);
  await benchMemoryBudget(cacheDir);
}

// A program that fills memory as fast as it can, and catches what it gets.
const MEMORY_HOG = `
kept = []
while True:
    try:
        kept.append(b"x" * 50_000_000)
    except BaseException:
        pass
`;

/**
 * The memory budget: \`loopscope run --max-memory 512\` of a program that fills memory, and the
 * most its engine process held, read from /proc every 20 ms (Linux; elsewhere not measured).
 */
async function benchMemoryBudget(cacheDir) {
  const budgetMb = 512;
  const file = join(mkdtempSync(join(tmpdir(), 'loopscope-bench-')), 'hog.py');
  writeFileSync(file, MEMORY_HOG);
  const started = performance.now();
  const cli = spawn(
    process.execPath,
    [
      join(rootDir, 'bin/loopscope.mjs'),
      'run',
      file,
      '--max-memory',
      String(budgetMb),
      '--timeout',
      '60000',
    ],
    {
      env: { ...process.env, LOOPSCOPE_CACHE_DIR: cacheDir, LANG: 'en_US.UTF-8' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  cli.stderr.on('data', (chunk) => (stderr += chunk));
  let peakKb = 0;
  const residentKb = (pid) => {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  const watch = setInterval(() => {
    try {
      const children = readFileSync(`/proc/${cli.pid}/task/${cli.pid}/children`, 'utf8');
      for (const pid of children.split(/\s+/).filter(Boolean)) {
        peakKb = Math.max(peakKb, residentKb(pid));
      }
    } catch {
      // Not Linux, or the command has ended.
    }
  }, 20);
  const status = await new Promise((done) => cli.on('close', done));
  clearInterval(watch);
  const elapsed = performance.now() - started;
  const stopped = status === 124 && stderr.includes(`more than ${budgetMb} MB of memory`);
  const peak = peakKb > 0 ? `${Math.round(peakKb / 1024)} MB` : 'not measured here';
  console.log(
    `memory budget: a program filling memory, loopscope run --max-memory ${budgetMb}: stopped at the budget: ${stopped}, in ${ms(elapsed)}; most its engine process held: ${peak}   aim: the budget plus the engine's own (~200 MB)`,
  );
}

/**
 * The native Python the engine is compared with: 3.13, with asyncio's C accelerator, as
 * `$LOOPSCOPE_NATIVE_PYTHON`, `python3.13` on the PATH, or one that pyenv installed.
 */
const NATIVE_PYTHON = findNativePython();

function findNativePython() {
  const versions = join(process.env.PYENV_ROOT || join(homedir(), '.pyenv'), 'versions');
  const installed = existsSync(versions)
    ? readdirSync(versions)
        .filter((version) => version.startsWith('3.13'))
        .map((version) => join(versions, version, 'bin', 'python3.13'))
    : [];
  const candidates = [process.env.LOOPSCOPE_NATIVE_PYTHON, 'python3.13', ...installed];
  const found = candidates.find(
    (python) =>
      python &&
      spawnSync(python, ['-c', 'import sys; assert sys.version_info[:2] == (3, 13)']).status === 0,
  );
  if (!found) throw new Error('No python3.13 found: set LOOPSCOPE_NATIVE_PYTHON to one.');
  return found;
}

/**
 * Runs `file` in native Python, timed inside the process from before its first statement to
 * after its last (the interpreter's start-up and `import asyncio` excluded, as the engine's
 * snapshot has both done).
 */
function timeNative(file) {
  const timer = [
    'import asyncio, sys, time',
    'path = sys.argv[1]',
    "code = compile(open(path).read(), path, 'exec')",
    'started = time.perf_counter()',
    "try:\n    exec(code, {'__name__': '__main__', '__file__': path})",
    'finally:\n    sys.stdout.flush()\n    sys.stderr.write(f"{(time.perf_counter() - started) * 1000}\\n")',
  ].join('\n');
  // Python as a program is usually run: buffered output into a pipe, whatever this shell set.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => name !== 'PYTHONUNBUFFERED'),
  );
  const run = spawnSync(NATIVE_PYTHON, ['-c', timer, file], {
    encoding: 'utf8',
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`${NATIVE_PYTHON} failed: ${run.stderr || run.error}`);
  return { ms: Number(run.stderr.trim().split('\n').at(-1)), stdout: run.stdout };
}

/** A run through the engine, timed from the request to `run.end` as the host receives it. */
async function timeRun(engine, request) {
  const events = [];
  const started = performance.now();
  let ended = started;
  await engine.stream(request, (batch) => {
    for (const event of batch) events.push(event);
    if (events.at(-1)?.kind === 'run.end') ended = performance.now();
  }).finished;
  const { collectOutput } = await import(new URL('src-shared/trace-output.ts', root).href);
  return { ms: ended - started, result: { ...collectOutput(events), events } };
}

/**
 * `loopscope run` of a small program, end to end (a new process, as a user types it), and
 * `loopscope check` of the bundled course: now, and as built from the commit before the
 * sandbox, when the engine ran in a worker thread of the command's own process.
 */
async function benchCommandLine(cacheDir) {
  const program = join(mkdtempSync(join(tmpdir(), 'loopscope-bench-')), 'small.py');
  writeFileSync(program, SMALL);
  const env = { ...process.env, LOOPSCOPE_CACHE_DIR: cacheDir };
  const time = (bin, args) => {
    const started = performance.now();
    const run = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
    if (run.status !== 0 && run.status !== 1) throw new Error(`${bin} failed: ${run.stderr}`);
    return performance.now() - started;
  };
  const afterBin = join(rootDir, 'bin/loopscope.mjs');
  const beforeBin = buildBefore();
  const bins = beforeBin ? [afterBin, beforeBin] : [afterBin];
  // Each builds itself if it must and keeps its snapshot; then they take turns, so that a
  // shared machine's load weighs on both alike.
  for (const bin of bins) time(bin, ['run', program]);
  const runs = bins.map(() => []);
  for (let i = 0; i < 5; i++) bins.forEach((bin, j) => runs[j].push(time(bin, ['run', program])));
  const course = fileURLToPath(new URL('assets/lessons/', root));
  const checks = bins.map((bin) => time(bin, ['check', course]));
  const after = { run: median(runs[0]), check: checks[0] };
  const before = beforeBin ? { run: median(runs[1]), check: checks[1] } : null;
  const was = (value) => (value === undefined ? 'not measured: no git history here' : ms(value));
  console.log(
    `loopscope run small.py, end to end (median of 5): ${ms(after.run)}; before the sandbox ${was(before?.run)}   aim: within 30% of before`,
  );
  console.log(
    `loopscope check assets/lessons/ (76 scenarios): ${ms(after.check)}; before the sandbox ${was(before?.check)}`,
  );
}

/** Builds the command line of `BEFORE_SANDBOX` into a temporary folder; null without git. */
function buildBefore() {
  const dir = mkdtempSync(join(tmpdir(), 'loopscope-before-'));
  const parts = 'src-engine src-shared scripts/build-engine.mjs bin package.json types';
  try {
    execSync(`git archive ${BEFORE_SANDBOX} ${parts} | tar -x -C "${dir}"`, {
      cwd: rootDir,
      stdio: 'ignore',
    });
  } catch {
    return null;
  }
  symlinkSync(join(rootDir, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(process.execPath, [join(dir, 'scripts/build-engine.mjs')], { cwd: dir });
  return join(dir, 'bin/loopscope.mjs');
}
