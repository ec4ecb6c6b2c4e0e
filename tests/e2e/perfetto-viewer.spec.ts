/**
 * A real viewer loads the Perfetto / Chrome trace-event export: the trace engine of Chromium's
 * DevTools Performance panel (the code behind its "Load profile" button, bundled with the
 * browser at devtools://devtools/bundled/), which the test imports into a DevTools page and
 * feeds the file the command line wrote. chrome://tracing cannot stand in for it: Chromium 156
 * no longer ships its trace viewer (docs/export.md).
 *
 * The traces are real: two conformance programs run by `loopscope run --trace`, then exported
 * by `loopscope export --format perfetto`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import type { ChromeTraceEvent } from '../../src-shared/export/perfetto.ts';
import { TASK_TID_BASE } from '../../src-shared/export/perfetto.ts';
import type { TraceEvent } from '../../src-shared/trace.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PROGRAMS = ['06_gather_order.py', '10_wait_first_completed.py'];

/** What DevTools made of a trace: its warnings, and each thread's name and slices. */
interface ViewerReading {
  warnings: Record<string, number>;
  processes: { pid: number; name: string | null; threads: [number, string, number][] }[];
  /** Slices the viewer placed in its call trees, which it builds from their nesting. */
  placed: number;
}

let folder: string;
test.beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'loopscope-perfetto-'));
});
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs a program with the command line and exports its trace; returns both. */
function recordAndExport(program: string): { events: TraceEvent[]; exported: ChromeTraceEvent[] } {
  const trace = join(folder, `${program}.jsonl`);
  const json = join(folder, `${program}.json`);
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [join(ROOT, 'bin/loopscope.mjs'), ...args], { cwd: ROOT });
  cli('run', join(ROOT, 'tests/engine/conformance/programs', program), '--trace', trace);
  cli('export', trace, '--format', 'perfetto', '-o', json);
  const events = readFileSync(trace, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as TraceEvent);
  const exported = (JSON.parse(readFileSync(json, 'utf8')) as { traceEvents: ChromeTraceEvent[] })
    .traceEvents;
  return { events, exported };
}

for (const program of PROGRAMS) {
  test(`DevTools' trace engine loads the export of ${program}: a track per task, every slice`, async ({
    page,
  }) => {
    const { events, exported } = recordAndExport(program);
    await page.goto('devtools://devtools/bundled/devtools_app.html');
    const reading = await page.evaluate(async (traceEvents): Promise<ViewerReading> => {
      interface Thread {
        name: string;
        entries: unknown[];
      }
      interface Parsed {
        Renderer: {
          processes: Map<number, { threads: Map<number, Thread> }>;
          entryToNode: Map<unknown, unknown>;
        };
        Meta: { processNames: Map<number, { args: { name: string } }> };
        Warnings: { perWarning: Map<string, unknown[]> };
      }
      interface TraceModule {
        TraceModel: {
          Model: {
            createWithAllHandlers(): {
              parse(events: unknown[], options: object): Promise<void>;
              parsedTrace(index: number): { data: Parsed } | null;
            };
          };
        };
      }
      // A path the DevTools page resolves against its own bundled files.
      const path = './models/trace/trace.js';
      const module = (await import(path)) as TraceModule;
      const model = module.TraceModel.Model.createWithAllHandlers();
      await model.parse(traceEvents, { metadata: {}, isFreshRecording: false });
      const parsed = model.parsedTrace(0);
      if (!parsed) throw new Error('DevTools parsed no trace');
      const { Renderer, Meta, Warnings } = parsed.data;
      return {
        warnings: Object.fromEntries(
          [...Warnings.perWarning].map(([kind, found]) => [kind, found.length]),
        ),
        processes: [...Renderer.processes].map(([pid, process]) => ({
          pid,
          name: Meta.processNames.get(pid)?.args.name ?? null,
          threads: [...process.threads].map(([tid, thread]): [number, string, number] => [
            tid,
            thread.name,
            thread.entries.length,
          ]),
        })),
        placed: Renderer.entryToNode.size,
      };
    }, exported);

    expect(reading.warnings).toEqual({});
    expect(reading.processes.map(({ pid, name }) => ({ pid, name }))).toEqual([
      { pid: 1, name: `Loopscope · ${program}` },
    ]);
    const threads = reading.processes[0]?.threads ?? [];
    // One track per task the program created, each named for it, holding every slice of its
    // states (scheduled, running, waiting, ready) that the file gives it.
    const tasks = events.flatMap((event) => (event.kind === 'task.create' ? [event] : []));
    const taskThreads = threads.filter(([tid]) => tid > TASK_TID_BASE);
    expect(taskThreads.map(([, name]) => name)).toEqual(
      tasks.map((task) => expect.stringMatching(new RegExp(`^${task.name} · `))),
    );
    const slicesOf = (tid: number) => exported.filter((e) => e.tid === tid && e.ph === 'X').length;
    for (const [tid, name, slices] of threads) {
      expect(slices, name).toBe(slicesOf(tid));
      expect(slices, name).toBeGreaterThan(0);
    }
    // Every slice nests where the file puts it: the viewer placed all of them in its trees.
    expect(reading.placed).toBe(exported.filter((e) => e.ph === 'X').length);
  });
}
