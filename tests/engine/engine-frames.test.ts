/**
 * Each task's coroutine stack and its frames' local variables (`task.frames`), recorded by the
 * real engine when a task pauses.
 */
import { describe, expect, test } from 'vitest';
import { foldTrace } from '../../src-shared/loop-state.ts';
import type { TaskFrame } from '../../src-shared/trace.ts';
import { validateTrace } from '../../src-shared/trace-validate.ts';
import { eventsOf, useEngine } from './engine-fixture.ts';

const engine = useEngine();
const FILE = '/home/student/program.py';

const NESTED = `import asyncio

async def leaf(label, delay):
    note = label.upper()
    await asyncio.sleep(delay)
    return note

async def middle(label, delay):
    parts = [label, delay]
    got = await leaf(label, delay)
    return got

async def main():
    first = asyncio.create_task(middle("a", 1))
    second = asyncio.create_task(middle("b", 2))
    both = [first, second]
    print(await first, await second)

asyncio.run(main())
`;

/** A frame as `name:line` with its locals as `name=value`, for reading a stack at a glance. */
const show = (frames: readonly TaskFrame[]) =>
  frames.map((f) => `${f.name}:${f.line} ${f.locals.map((l) => `${l.name}=${l.value}`).join(' ')}`);

describe('task.frames', () => {
  test('two tasks awaiting nested coroutines: each stack, its lines and its locals at the pause', async () => {
    const result = await engine().run({ code: NESTED, filename: FILE });
    expect(result.stdout).toBe('A B\n');
    validateTrace(result.events);
    const created = new Map(eventsOf(result, 'task.create').map((e) => [e.name, e.task]));
    const main = created.get('Task-1');
    const first = created.get('Task-2');
    const second = created.get('Task-3');
    const stacks = eventsOf(result, 'task.frames');

    const firstStack = stacks.find((e) => e.task === first)?.frames ?? [];
    expect(show(firstStack)).toEqual([
      "middle:10 label='a' delay=1 parts=['a', 1]",
      "leaf:5 label='a' delay=1 note='A'",
    ]);
    const secondStack = stacks.find((e) => e.task === second)?.frames ?? [];
    expect(show(secondStack)).toEqual([
      "middle:10 label='b' delay=2 parts=['b', 2]",
      "leaf:5 label='b' delay=2 note='B'",
    ]);

    // main awaits its first task: the locals that are tasks link to them by id.
    const mainStack = stacks.find((e) => e.task === main)?.frames ?? [];
    expect(mainStack.map((f) => [f.name, f.line])).toEqual([['main', 17]]);
    const locals = new Map(mainStack[0]?.locals.map((l) => [l.name, l]));
    expect(locals.get('first')).toEqual({ name: 'first', value: '<Task Task-2>', ref: first });
    expect(locals.get('second')?.ref).toBe(second);
    expect(locals.get('both')?.items).toEqual([first, second]);

    // The event follows its task's pause, and the fold keeps each task's latest stack.
    const index = result.events.findIndex((e) => e.kind === 'task.frames' && e.task === first);
    expect(result.events[index - 1]).toMatchObject({ kind: 'task.suspend', task: first });
    const state = foldTrace(result.events.slice(0, index + 1));
    expect(state.tasks.get(first ?? -1)?.frames).toBe(firstStack);
    // A task that has ended has no stack.
    expect(foldTrace(result.events).tasks.get(first ?? -1)?.frames).toEqual([]);
  });

  test('a stack is recorded again only when it changed', async () => {
    const result = await engine().run({
      code: `import asyncio

async def main():
    for _ in range(3):
        await asyncio.sleep(0)
    n = 0
    for _ in range(3):
        n += 1
        await asyncio.sleep(0)

asyncio.run(main())
`,
      filename: FILE,
    });
    const stacks = eventsOf(result, 'task.frames').map((e) => show(e.frames)[0]);
    expect(stacks).toEqual([
      'main:5 _=0',
      'main:5 _=1',
      'main:5 _=2',
      'main:9 _=0 n=1',
      'main:9 _=1 n=2',
      'main:9 _=2 n=3',
    ]);
    expect(eventsOf(result, 'task.yield')).toHaveLength(6);
  });

  test("a program's objects are named by their type, and their own code never runs", async () => {
    const result = await engine().run({
      code: `import asyncio

class Sly:
    def __repr__(self):
        print("repr ran")
        return "sly"
    @property
    def __class__(self):
        print("class ran")
        return Sly

async def main():
    thing = Sly()
    big = list(range(100_000))
    await asyncio.sleep(0)

asyncio.run(main())
`,
      filename: FILE,
    });
    expect(result.stdout).toBe('');
    const locals = eventsOf(result, 'task.frames')[0]?.frames[0]?.locals ?? [];
    expect(locals.map((l) => [l.name, l.value])).toEqual([
      ['thing', '<Sly object>'],
      ['big', '[0, 1, 2, 3, 4, 5, 6, 7, …]'],
    ]);
  });
});
