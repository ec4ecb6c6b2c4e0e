# Pins down: Handle.cancel() and TimerHandle.cancel() prevent the callback; cancelled() flags.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    h1 = loop.call_soon(print, "soon 1")
    h2 = loop.call_soon(print, "soon 2 (cancelled)")
    h3 = loop.call_soon(print, "soon 3")
    t1 = loop.call_later(0.05, print, "later 0.05 (cancelled)")
    t2 = loop.call_later(0.1, print, "later 0.1")
    h2.cancel()
    t1.cancel()
    print("cancelled flags:", h1.cancelled(), h2.cancelled(), t1.cancelled(), t2.cancelled())
    await asyncio.sleep(0.15)
    t2.cancel()
    print("cancel after run ->", t2.cancelled())
    print("end")


asyncio.run(main())
