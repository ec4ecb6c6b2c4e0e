# Pins down: 8 timers with EXACTLY equal deadlines pop in heapq order (TimerHandle compares only `when`), NOT FIFO.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    when = loop.time() + 0.02
    for i in range(8):
        loop.call_at(when, print, "timer", i)
    await asyncio.sleep(0.05)
    print("done")


asyncio.run(main())
