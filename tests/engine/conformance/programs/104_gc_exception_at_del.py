# Pins down: "Task exception was never retrieved" appears the moment the task is dropped.
import asyncio
import sys


async def fails(n):
    raise ValueError(f"lost {n}")


async def main():
    t = asyncio.create_task(fails(1))
    await asyncio.sleep(0)
    print("before del", file=sys.stderr)
    del t
    print("after del", file=sys.stderr)
    t2 = asyncio.create_task(fails(2))
    await asyncio.sleep(0)
    t2.exception()
    del t2
    print("retrieved, so nothing was logged", file=sys.stderr)


asyncio.run(main())
