/**
 * A program with every kind of await: a task awaiting a task, a gather, a TaskGroup, and a
 * task cancelled by another; then a line that runs three times. The navigation tests (unit
 * and end-to-end) replay it.
 */
export const AWAITS = `import asyncio


async def leaf(n):
    await asyncio.sleep(n)
    print("leaf", n)
    return n


async def waiter(t):
    return await t


async def main():
    a = asyncio.create_task(leaf(1))
    b = asyncio.create_task(leaf(2))
    w = asyncio.create_task(waiter(a))
    await asyncio.gather(b, w)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(leaf(1))
        tg.create_task(leaf(2))
    for i in range(3):
        print("loop", i)
    s = asyncio.create_task(leaf(5))
    await asyncio.sleep(0)
    s.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print("s cancelled")


asyncio.run(main())
`;
