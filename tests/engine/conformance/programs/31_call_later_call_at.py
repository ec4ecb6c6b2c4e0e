# Pins down: call_later/call_at run in deadline order, not scheduling order; TimerHandle.when() relative to start.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    done = loop.create_future()
    h1 = loop.call_later(0.15, print, "call_later 0.15")
    h2 = loop.call_at(start + 0.05, print, "call_at start+0.05")
    h3 = loop.call_later(0.1, print, "call_later 0.1")
    loop.call_later(0.2, done.set_result, None)
    for h in (h1, h2, h3):
        print(type(h).__name__, "when - start =", round(h.when() - start, 2))
    await done
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
