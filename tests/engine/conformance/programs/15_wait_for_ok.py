# Pins down: wait_for returns the result when the timeout is not hit; timeout=None waits forever.
import asyncio


async def quick(v, delay):
    await asyncio.sleep(delay)
    return v


async def main():
    print("result:", await asyncio.wait_for(quick("a", 0.01), timeout=0.5))
    print("result:", await asyncio.wait_for(quick("b", 0.02), timeout=None))
    t = asyncio.create_task(quick("c", 0.01))
    print("task result:", await asyncio.wait_for(t, timeout=1))
    print("task done:", t.done())


asyncio.run(main())
