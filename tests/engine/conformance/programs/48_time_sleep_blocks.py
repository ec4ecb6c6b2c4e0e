# Pins down: time.sleep inside a coroutine blocks the whole loop; a due timer fires late.
import asyncio
import time


async def ticker(start, loop):
    await asyncio.sleep(0.05)
    print("ticker (due at 0.05) woke at", round(loop.time() - start, 1))


async def blocker(start, loop):
    print("blocker: time.sleep(0.3) at", round(loop.time() - start, 1))
    time.sleep(0.3)
    print("blocker: done blocking at", round(loop.time() - start, 1))
    await asyncio.sleep(0)
    print("blocker: resumed at", round(loop.time() - start, 1))


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    t1 = asyncio.create_task(ticker(start, loop))
    await asyncio.sleep(0.01)
    t2 = asyncio.create_task(blocker(start, loop))
    await asyncio.gather(t1, t2)
    print("total", round(loop.time() - start, 1))


asyncio.run(main())
