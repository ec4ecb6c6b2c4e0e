# Pins down: time.sleep in a callback delays every timer that falls due meanwhile; they then run in deadline order.
import asyncio
import time


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    for delay in (0.3, 0.1, 0.2):
        loop.call_later(delay, lambda d=delay: print("timer", d, "ran at", round(loop.time() - start, 1)))
    loop.call_soon(time.sleep, 0.5)
    await asyncio.sleep(0.6)


asyncio.run(main())
