// Navigation by meaning (`npm run bench navigate`): the cost of each lookup (an output line's
// step, a code line's next and previous run, a task's next and previous step, the step due
// at a virtual time) on traces of 10,000 to 1,000,000 events, and how long a 39,000-event
// replay of a 30-virtual-second program takes to play by virtual time, frame by frame as the
// player does it, against step by step.

import { longTrace } from './large-inputs.mjs';

const ms = (value) => `${value.toFixed(1)} ms`;
const us = (value) => `${value.toFixed(2)} µs`;

/** Mean microseconds of `lookup` over `count` random queries. */
function timeLookups(count, query, lookup) {
  const queries = Array.from({ length: count }, query);
  let sink = 0;
  const started = performance.now();
  for (const q of queries) sink += lookup(q) ?? 0;
  const elapsed = performance.now() - started;
  if (sink === -1) console.log('');
  return (elapsed * 1000) / count;
}

async function measureLookups(size) {
  const { applyEvent, createRunState } = await import('../src-shared/loop-state.ts');
  const { MeaningIndex } = await import('../src-renderer/replay/meaning-index.ts');
  const { stepAtTime } = await import('../src-renderer/replay/virtual-time.ts');
  // 100 tasks taking turns, each turn a step that runs two lines and prints.
  const events = longTrace(size, 100, (handle) => [2 + (handle % 50), 3 + (handle % 50)]);
  // The fold alone, then the fold with the index: the difference is the index's cost.
  let started = performance.now();
  const alone = createRunState();
  for (const event of events) applyEvent(alone, event);
  const foldMs = performance.now() - started;
  const head = createRunState();
  const meaning = new MeaningIndex();
  started = performance.now();
  events.forEach((event, index) => {
    applyEvent(head, event);
    meaning.observe(event, index, head);
  });
  const indexMs = Math.max(0, performance.now() - started - foldMs);
  const outputs = events.filter((e) => e.kind === 'output').map((e) => e.seq);
  const random = (n) => Math.floor(Math.random() * n);
  const step = () => random(events.length + 1);
  const COUNT = 200_000;
  const end = events.at(-1).t;
  return {
    size: events.length,
    indexMs,
    output: timeLookups(
      COUNT,
      () => outputs[random(outputs.length)],
      (s) => meaning.outputStep(s),
    ),
    nextLine: timeLookups(
      COUNT,
      () => [2 + random(50), step()],
      ([line, s]) => meaning.nextLineRun(line, s),
    ),
    previousLine: timeLookups(
      COUNT,
      () => [2 + random(50), step()],
      ([line, s]) => meaning.previousLineRun(line, s),
    ),
    nextTask: timeLookups(
      COUNT,
      () => [1 + random(100), step()],
      ([task, s]) => meaning.nextTaskStep(task, s),
    ),
    previousTask: timeLookups(
      COUNT,
      () => [1 + random(100), step()],
      ([task, s]) => meaning.previousTaskStep(task, s),
    ),
    time: timeLookups(
      COUNT,
      () => Math.random() * end,
      (t) => stepAtTime(events, t),
    ),
  };
}

/** 10 workers sleeping 0.1 s 300 times each: 30 virtual seconds, tens of thousands of events. */
const THIRTY_SECONDS = `import asyncio


async def worker(n):
    for i in range(300):
        await asyncio.sleep(0.1)


async def main():
    await asyncio.gather(*(worker(n) for n in range(10)))


asyncio.run(main())
`;

/** Plays the replay as Player.tick does at 60 frames a second; returns the real seconds it takes. */
async function playByTime(replay, lens, scale) {
  const { advanceClock, advanceTowards, stepAtTime } =
    await import('../src-renderer/replay/virtual-time.ts');
  const steps = replay.lenses.steps(lens);
  const FRAME = 1000 / 60;
  const length = replay.length;
  let clock = 0;
  let step = 0;
  let frames = 0;
  let largest = 0;
  while (step < length) {
    frames++;
    clock = advanceClock(clock, FRAME, scale);
    const due = stepAtTime(replay.events, clock);
    const next = advanceTowards(steps, step, due, FRAME);
    largest = Math.max(largest, steps.countUpTo(next) - steps.countUpTo(step));
    step = due >= length && steps.countUpTo(next) >= steps.countUpTo(length) ? length : next;
  }
  return { seconds: (frames * FRAME) / 1000, largest };
}

async function measurePlay() {
  const { NodeEngine } = await import('../src-engine/node/engine.ts');
  const { Replay } = await import('../src-renderer/replay/replay.ts');
  const { stepDuration } = await import('../src-shared/export/frame-model.ts');
  const engine = new NodeEngine({ cacheDir: null });
  const { events } = await engine.run({ code: THIRTY_SECONDS, filename: 'main.py' });
  await engine.close();
  const replay = new Replay(events);
  const steps = replay.lenses.steps('loop');
  let stepByStep = 0;
  for (let i = 1; i <= steps.count; i++)
    stepByStep += stepDuration(replay.eventAt(steps.stopAt(i)));
  const virtual = replay.events.at(-1).t;
  const results = [];
  for (const scale of [0.5, 1, 2])
    results.push({ scale, ...(await playByTime(replay, 'loop', scale)) });
  return {
    events: replay.length,
    stops: steps.count,
    virtual,
    stepByStep: stepByStep / 1000,
    results,
  };
}

export async function benchNavigate() {
  for (const size of [10_000, 100_000, 1_000_000]) {
    const r = await measureLookups(size);
    console.log(
      `${r.size.toLocaleString('en')} events, index built in ${ms(r.indexMs)} beyond the fold: output line → step ${us(r.output)}, ` +
        `line's next run ${us(r.nextLine)}, previous ${us(r.previousLine)}, task's next step ${us(r.nextTask)}, ` +
        `previous ${us(r.previousTask)}, step at a virtual time ${us(r.time)} (aim: each under 5 µs, growing as log n)`,
    );
  }
  const play = await measurePlay();
  console.log(
    `playing ${play.events.toLocaleString('en')} events (${play.stops.toLocaleString('en')} steps of the loop lens), ` +
      `${play.virtual.toFixed(1)} virtual s: step by step at 1x ${(play.stepByStep / 60).toFixed(1)} min`,
  );
  for (const { scale, seconds, largest } of play.results) {
    console.log(
      `  by virtual time, 1 virtual s = ${scale} s: ${seconds.toFixed(1)} s ` +
        `(aim: about ${(play.virtual * scale).toFixed(1)} s), at most ${largest} steps in one frame`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { register } = await import('tsx/esm/api');
  register();
  await benchNavigate();
  process.exit(0);
}
