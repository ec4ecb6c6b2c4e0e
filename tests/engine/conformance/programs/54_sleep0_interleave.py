# Pins down: asyncio.sleep(0) yields exactly one loop iteration; sleep(0, result) returns result.
import asyncio


async def counter(name, n):
    for i in range(n):
        print(name, i)
        v = await asyncio.sleep(0, result=i)
        assert v == i
    return name


async def main():
    a = asyncio.create_task(counter("A", 3))
    b = asyncio.create_task(counter("B", 2))
    await asyncio.sleep(0)
    print("main after one yield")
    print(await a, await b)


asyncio.run(main())
