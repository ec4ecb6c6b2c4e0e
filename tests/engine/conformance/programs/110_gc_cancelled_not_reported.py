# Pins down: a cancelled task that is dropped is not reported; a failed one is, once.
import asyncio
import sys


async def sleeper():
    await asyncio.sleep(10)


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("cancelled:", t.cancelled(), file=sys.stderr)
    del t
    print("no report for it", file=sys.stderr)


asyncio.run(main())
