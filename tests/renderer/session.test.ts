/**
 * The session: opening a file replaces what was shown (the old run stops, its replay goes),
 * a lesson is parsed once, and a program that asked for input runs again with it.
 */
import { describe, expect, test, vi } from 'vitest';
import type { LessonFile, LoopscopeApi, OpenResult } from '../../src-shared/api.ts';
import * as parse from '../../src-shared/lesson/parse.ts';
import type { RunRequest, TraceEvent } from '../../src-shared/trace.ts';
import { Session } from '../../src-renderer/state/session.svelte.ts';
import { loadFixture } from './load-fixture.ts';

const lessonFile = (name: string, text: string): LessonFile => ({
  token: name,
  name,
  bundled: false,
  text,
});

const RUNNABLE = lessonFile(
  'lesson.md',
  '# A lesson\n\n## One\n\n```python\nimport asyncio\nasyncio.run(asyncio.sleep(0))\n```\n',
);
const PLAIN_PROGRAM = lessonFile('plain.py', "```python\nprint('no loop here')\n```\n");

/** A host whose engine answers each run with a recorded trace, sent when the test says. */
function createHost() {
  const requests: RunRequest[] = [];
  const stopped: string[] = [];
  let onEvents: (runId: string, events: TraceEvent[]) => void = () => {};
  let opened: OpenResult = { files: [], failures: [] };
  const api = {
    setDirty: () => {},
    engine: {
      status: () => Promise.resolve({ state: 'ready', progress: 1 }),
      onStatus: () => () => {},
      onEvents: (listener: typeof onEvents) => {
        onEvents = listener;
        return () => {};
      },
      run: (request: RunRequest) => {
        requests.push(request);
        return Promise.resolve(`run-${requests.length}`);
      },
      stop: (runId: string) => {
        stopped.push(runId);
        return Promise.resolve();
      },
    },
    lessons: {
      course: () => Promise.resolve({ lessons: [] }),
      recent: () => Promise.resolve([]),
      onOpened: () => () => {},
      onChanged: () => () => {},
      openDropped: () => Promise.resolve(opened),
    },
  } as unknown as LoopscopeApi;
  return {
    api,
    requests,
    stopped,
    send: (runId: string, events: TraceEvent[]) => onEvents(runId, events),
    willOpen: (file: LessonFile) => (opened = { files: [file], failures: [] }),
  };
}

/** A started session on a fake host, and the host. */
async function startSession() {
  const host = createHost();
  const session = new Session(
    host.api,
    () => 1,
    () => 'en',
  );
  await session.start();
  return { host, session };
}

describe('the session', () => {
  test('opening a program without asyncio.run stops the old run and drops its replay', async () => {
    const { host, session } = await startSession();
    host.willOpen(RUNNABLE);
    await session.openDropped([new File([''], 'lesson.md')]);
    expect(host.requests).toHaveLength(1);
    // The run streams: half of its trace has arrived and is playing.
    const events = loadFixture('create_task_not_started');
    host.send('run-1', events.slice(0, 40));
    session.player.flush();
    expect(session.player.length).toBe(40);

    host.willOpen(PLAIN_PROGRAM);
    await session.openDropped([new File([''], 'plain.py')]);
    expect(session.code).toBe("print('no loop here')\n");
    expect(host.stopped).toEqual(['run-1']);
    expect(session.player.length).toBe(0);
    expect(session.player.playing).toBe(false);
    // What the old run still sends is not shown.
    host.send('run-1', events.slice(40));
    session.player.flush();
    expect(session.player.length).toBe(0);
    expect(session.running).toBe(false);
  });

  test('parses an opened lesson once', async () => {
    const { host, session } = await startSession();
    const parsed = vi.spyOn(parse, 'parseLesson');
    host.willOpen(RUNNABLE);
    await session.openDropped([new File([''], 'lesson.md')]);
    expect(session.scenario?.title).toBe('One');
    expect(parsed).toHaveBeenCalledTimes(1);
    parsed.mockRestore();
  });

  test('runs a program again with the input it asked for, and keeps it for the next runs', async () => {
    const { host, session } = await startSession();
    host.willOpen(RUNNABLE);
    await session.openDropped([new File([''], 'lesson.md')]);
    expect(host.requests[0]?.stdin).toBeUndefined();
    await session.runWithInput('Ann\n');
    await session.run();
    expect(host.requests.map((r) => r.stdin)).toEqual([undefined, 'Ann\n', 'Ann\n']);
    session.clearInput();
    await session.run();
    expect(host.requests.at(-1)?.stdin).toBeUndefined();
  });
});
