// The huge inputs the app must take without freezing (issues 8 and 9), made on demand for the
// benchmark (`npm run bench renderer`) and the end-to-end tests: a lesson at the size limit, a
// program printing its whole output budget, one with 100,000 tasks, and a long saved trace.
import { readFileSync } from 'node:fs';

/** A lesson just under the 5 MB limit: the first bundled lesson's sections, over and over. */
export function hugeLesson(bytes = 5 * 1024 * 1024 - 4096) {
  const text = readFileSync(
    new URL('../assets/lessons/01-create-task.en.md', import.meta.url),
    'utf8',
  );
  const cut = text.indexOf('\n## ');
  const head = `# A very long lesson\n\n${text.slice(0, cut).split('\n').slice(1).join('\n')}`;
  const body = text.slice(cut);
  const parts = [head];
  let size = Buffer.byteLength(head);
  const bodySize = Buffer.byteLength(body);
  while (size + bodySize <= bytes) {
    parts.push(body);
    size += bodySize;
  }
  return parts.join('');
}

/** A program printing 16 MB: the whole default output budget, 1,024 characters a line. */
export const HUGE_OUTPUT = `import asyncio


async def main():
    line = "x" * 1023
    for i in range(16 * 1024):
        print(line)


asyncio.run(main())
`;

/** A program with 100,000 tasks, each finishing at once. */
export const HUNDRED_THOUSAND_TASKS = `import asyncio


async def job(n):
    return n


async def main():
    results = await asyncio.gather(*(job(n) for n in range(100_000)))
    print(len(results))


asyncio.run(main())
`;

const TRACE_SOURCE = `import asyncio


async def worker(n):
    print(n)


asyncio.run(main())
`;

/**
 * A valid trace of `size` events that the fold accepts: `tasks` tasks taking turns, each turn
 * a handle that runs the lines `lines(handle)` gives (one line by default) and prints; the
 * clock moves a millisecond per round.
 */
export function longTrace(size, tasks = 100, lines = () => [5]) {
  const events = [];
  let t = 0;
  const push = (event) => events.push({ seq: events.length, t, ...event });
  push({ kind: 'run.start', version: 1, python: '3.14.2', file: 'main.py', source: TRACE_SOURCE });
  push({ kind: 'loop.create', loop: 1 });
  for (let task = 1; task <= tasks; task++) {
    const from = { line: 8, task: null };
    push({ kind: 'task.create', task, name: `w${task}`, coro: 'worker', defLine: 4, from });
  }
  let handle = 1;
  while (events.length < size - 1) {
    for (let task = 1; task <= tasks && events.length < size - 1; task++, handle++) {
      const from = { line: null, task: null };
      push({
        kind: 'handle.push',
        handle,
        loop: 1,
        callback: '__step',
        role: 'step',
        task,
        future: null,
        from,
      });
      push({ kind: 'handle.run', handle });
      push({ kind: 'task.run', task, throw: null });
      const [first = 5, ...rest] = lines(handle);
      push({ kind: 'line', line: first, task });
      push({ kind: 'output', stream: 'stdout', text: `${handle}\n` });
      for (const line of rest) push({ kind: 'line', line, task });
      push({ kind: 'task.yield', task, line: rest.at(-1) ?? first });
      push({ kind: 'handle.done', handle });
    }
    t += 0.001;
  }
  push({ kind: 'run.end', outcome: 'completed', exitCode: 0 });
  return events;
}

/** The trace as the command line's `--trace` writes it: JSON Lines. */
export function traceAsJsonLines(events) {
  return events.map((event) => JSON.stringify(event)).join('\n') + '\n';
}

/** The trace as a replay file (`.loopscope.json`) holds it, one event a line. */
export function traceAsReplayFile(events) {
  const start = events[0];
  const header = JSON.stringify({
    format: 'loopscope-replay',
    version: 1,
    app: { name: 'Loopscope', version: 'bench' },
    language: 'en',
    lesson: null,
    code: start.source,
  }).slice(0, -1);
  return `${header},"events":[\n${events.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
}
