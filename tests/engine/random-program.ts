/**
 * Writes random asyncio programs whose output is deterministic on a real clock: every moment
 * something happens (a print, a cancel, a timeout, a timer) is a distinct multiple of 50 ms,
 * and times are printed as that slot's number, so scheduling jitter on a busy machine can
 * neither reorder events nor change a printed time.
 *
 * The programs keep to behaviour that native python3 here (3.11) and the engine's 3.14 share:
 * `wait_for` on a future that is already done, for one, returns without yielding since 3.12,
 * so `wait_for` is only ever given a task that is still running.
 */

function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateProgram(seed: number): string {
  const random = createRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  // Distinct moments, in 50 ms steps, handed out without repetition.
  const moments = Array.from({ length: 36 }, (_, i) => (i + 1) * 5);
  for (let i = moments.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [moments[i], moments[j]] = [moments[j] as number, moments[i] as number];
  }
  const take = (count: number) => moments.splice(0, count).sort((a, b) => a - b);
  const seconds = (hundredths: number) => (hundredths / 100).toFixed(2);

  const lines = [
    'import asyncio',
    '',
    'async def main():',
    '    loop = asyncio.get_running_loop()',
    '    start = loop.time()',
    '    now = lambda: round((loop.time() - start) / 0.05)',
    '',
  ];
  const lastStop = new Map<string, number>();
  const taskCount = 2 + Math.floor(random() * 4);
  const names: string[] = [];
  for (let i = 0; i < taskCount; i++) {
    const name = `t${i}`;
    names.push(name);
    const stops = take(1 + Math.floor(random() * 3));
    const fails = random() < 0.25;
    lines.push(
      `    async def ${name}():`,
      '        try:',
      `            print("${name} starts at", now())`,
    );
    lastStop.set(name, stops.at(-1) as number);
    let previous = 0;
    for (const stop of stops) {
      lines.push(`            await asyncio.sleep(${seconds(stop - previous)})`);
      lines.push(`            print("${name} at", now())`);
      previous = stop;
    }
    if (fails) lines.push(`            raise ValueError("${name} failed")`);
    lines.push(
      `            return "${name} result"`,
      '        except asyncio.CancelledError:',
      `            print("${name} cancelled at", now())`,
      '            raise',
      '',
    );
  }
  for (const name of names) {
    lines.push(`    task_${name} = asyncio.create_task(${name}(), name="${name}")`);
  }
  const timers = Math.floor(random() * 3);
  for (let i = 0; i < timers; i++) {
    const [when] = take(1);
    lines.push(
      `    loop.call_later(${seconds(when as number)}, lambda: print("timer ${i} at", now()))`,
    );
  }
  if (random() < 0.5) lines.push('    await asyncio.sleep(0)', '    print("main yielded once")');
  const guarded = random() < 0.4 ? pick(names) : null;
  let busyUntil = 0;
  if (guarded) {
    const [limit] = take(1);
    busyUntil = Math.min(limit as number, lastStop.get(guarded) ?? 0);
    lines.push(
      '    try:',
      `        print(await asyncio.wait_for(asyncio.shield(task_${guarded}), ${seconds(limit as number)}))`,
      '    except TimeoutError:',
      `        print("waiting for ${guarded} timed out at", now())`,
    );
  }
  const victim = random() < 0.5 ? pick(names) : null;
  const laterMoments = moments.filter((m) => m > busyUntil);
  if (victim && laterMoments.length > 0) {
    const when = laterMoments[0] as number;
    moments.splice(moments.indexOf(when), 1);
    lines.push(
      `    await asyncio.sleep(${seconds(when)} - (loop.time() - start))`,
      `    print("cancel ${victim}:", task_${victim}.cancel())`,
    );
  }
  lines.push(
    `    results = await asyncio.gather(${names.map((n) => `task_${n}`).join(', ')}, return_exceptions=True)`,
    '    for result in results:',
    '        print(type(result).__name__, result)',
    '    print("done at", now())',
    '',
    'asyncio.run(main())',
    '',
  );
  return lines.join('\n');
}
