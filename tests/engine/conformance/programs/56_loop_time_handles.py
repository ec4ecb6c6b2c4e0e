# Pins down: loop.time() advances by the slept amount; TimerHandle.when() relative to start.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    h = loop.call_later(0.25, print, "timer at 0.25 fired")
    print("handle when - start:", round(h.when() - start, 2))
    for d in (0.1, 0.2):
        t0 = loop.time()
        await asyncio.sleep(d)
        print(f"slept {d}: delta", round(loop.time() - t0, 1))
    print("elapsed", round(loop.time() - start, 1))
    h2 = loop.call_at(start + 1.0, print, "never")
    print("call_at when - start:", round(h2.when() - start, 1))
    h2.cancel()


asyncio.run(main())
