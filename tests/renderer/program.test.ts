import { describe, expect, it } from 'vitest';
import { bindingSite, parseProgram, usesName } from '../../src-renderer/replay/program.ts';

/** The binding of the k-th task created on the line that contains `marker`. */
function bindingOf(source: string, marker: string, k = 0) {
  const line = source.split('\n').findIndex((l) => l.includes(marker)) + 1;
  expect(line, `no line with ${marker}`).toBeGreaterThan(0);
  return bindingSite(parseProgram(source), line, k);
}

describe('what the code calls a task', () => {
  it('is the variable a create_task call is assigned to', () => {
    const source = `async def main():
    task1 = asyncio.create_task(my_coroutine(1, 2))
    self.worker = loop.create_task(work())
    t: asyncio.Task = asyncio.ensure_future(work())
    inner = tg.create_task(job('a'))
`;
    expect(bindingOf(source, 'task1')).toEqual({ kind: 'name', name: 'task1' });
    expect(bindingOf(source, 'self.worker')).toEqual({ kind: 'name', name: 'self.worker' });
    expect(bindingOf(source, 't: asyncio')).toEqual({ kind: 'name', name: 't' });
    expect(bindingOf(source, 'inner')).toEqual({ kind: 'name', name: 'inner' });
  });

  it('is an element of the list or tuple the call builds', () => {
    const source = `tasks = [asyncio.create_task(fetch(p, s)) for p, s in delays.items()]
more = [
    asyncio.create_task(fetch(7, 1)),
    asyncio.create_task(fetch(8, 1)),
]
a, b = asyncio.create_task(f(1)), asyncio.create_task(f(2))
`;
    expect(bindingOf(source, 'tasks =', 0)).toEqual({ kind: 'name', name: 'tasks[0]' });
    expect(bindingOf(source, 'tasks =', 2)).toEqual({ kind: 'name', name: 'tasks[2]' });
    expect(bindingOf(source, 'fetch(7')).toEqual({ kind: 'name', name: 'more[0]' });
    expect(bindingOf(source, 'fetch(8')).toEqual({ kind: 'name', name: 'more[1]' });
    expect(bindingOf(source, 'a, b', 0)).toEqual({ kind: 'name', name: 'a' });
    expect(bindingOf(source, 'a, b', 1)).toEqual({ kind: 'name', name: 'b' });
  });

  it('is counted by appends only when the list changes in no other way', () => {
    const plain = `tasks = []
for i in range(3):
    tasks.append(asyncio.create_task(f(i)))
`;
    expect(bindingOf(plain, 'append')).toEqual({ kind: 'append', list: 'tasks', initLine: 1 });
    const popped = `${plain}tasks.pop()\n`;
    expect(bindingOf(popped, 'append')).toBeNull();
    const started = `tasks = [x]\nfor i in range(3):\n    tasks.append(asyncio.create_task(f(i)))\n`;
    expect(bindingOf(started, 'append')).toBeNull();
  });

  it('is nothing when the code does not name the task, or names it in a way not read here', () => {
    const source = `asyncio.create_task(f())
await asyncio.gather(f(), g())
x = wrap(asyncio.create_task(f()))
_ = asyncio.create_task(f())
x = [asyncio.create_task(f(i))
     for i in range(3)]
print('t = asyncio.create_task(f())')
`;
    expect(bindingOf(source, 'asyncio.create_task(f())\n'.trim())).toBeNull();
    expect(bindingOf(source, 'gather')).toBeNull();
    expect(bindingOf(source, 'wrap')).toBeNull();
    expect(bindingOf(source, '_ =')).toBeNull();
    expect(bindingOf(source, 'x = [', 1)).toBeNull();
    expect(bindingOf(source, 'print(')).toBeNull();
  });

  it('knows the names the program defines and uses, outside its strings and comments', () => {
    const program = parseProgram(`import asyncio
async def report(): ...
class Worker: ...
# gather would be nice
print("gather")
`);
    expect([...program.definitions].sort()).toEqual(['Worker', 'report']);
    expect(usesName(program, 'gather')).toBe(false);
    expect(usesName(parseProgram('await asyncio.gather(a(), b())'), 'gather')).toBe(true);
  });
});
