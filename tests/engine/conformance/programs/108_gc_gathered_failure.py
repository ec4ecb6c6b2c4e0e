# Pins down: a child of gather(return_exceptions=False) whose exception nobody retrieves is logged.
import asyncio
import sys


async def first():
    await asyncio.sleep(0.1)
    raise ValueError("first failed")


async def second():
    await asyncio.sleep(0.2)
    raise TypeError("second failed too")


async def main():
    try:
        await asyncio.gather(first(), second())
    except ValueError as e:
        print("gather raised", e, file=sys.stderr)
    await asyncio.sleep(0.3)
    print("main done", file=sys.stderr)


asyncio.run(main())
