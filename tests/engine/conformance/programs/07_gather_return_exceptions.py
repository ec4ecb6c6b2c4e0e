# Pins down: gather(return_exceptions=True) puts exceptions in the result list in order.
import asyncio


async def ok(v, delay):
    await asyncio.sleep(delay)
    return v


async def bad(msg, delay):
    await asyncio.sleep(delay)
    raise ValueError(msg)


async def main():
    results = await asyncio.gather(
        ok(1, 0.03), bad("boom", 0.01), ok(3, 0.02), bad("bang", 0.04), return_exceptions=True
    )
    for r in results:
        print(type(r).__name__, repr(r))


asyncio.run(main())
