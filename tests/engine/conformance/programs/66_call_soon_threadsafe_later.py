# Pins down: call_soon_threadsafe from a thread that slept first runs at the thread's time.
import asyncio
import time


def worker(loop, start):
    time.sleep(0.3)
    loop.call_soon_threadsafe(lambda: print("callback at", round(loop.time() - start, 1)))
    time.sleep(0.4)
    loop.call_soon_threadsafe(lambda: print("second callback at", round(loop.time() - start, 1)))


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    thread = asyncio.create_task(asyncio.to_thread(worker, loop, start))
    for i in range(4):
        await asyncio.sleep(0.2)
        print("tick", i)
    await thread


asyncio.run(main())
