# Pins down: timers with EXACTLY equal deadlines run in heapq order, NOT FIFO (here: third, first, second).
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    when = loop.time() + 0.02
    for name in ["first", "second", "third"]:
        loop.call_at(when, print, "timer", name)
    loop.call_at(when - 0.01, print, "earlier timer")
    await asyncio.sleep(0.05)
    print("done")


asyncio.run(main())
