# Pins down: a thread that polls a flag (`while not stop.is_set(): sleep`) sees it set by a
# coroutine at the coroutine's time, as a real thread would.
import asyncio
import threading
import time


def poll(stop):
    polls = 0
    while not stop.is_set():
        polls += 1
        time.sleep(0.1)
    return polls


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    stop = threading.Event()
    poller = asyncio.create_task(asyncio.to_thread(poll, stop))
    await asyncio.sleep(0.55)
    stop.set()
    print("polls", await poller, "at", round(loop.time() - start, 1))


asyncio.run(main())
