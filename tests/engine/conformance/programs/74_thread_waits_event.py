# Pins down: a thread waits on a threading.Event that a loop callback sets later.
import asyncio
import threading

ready = threading.Event()


def waiter():
    print("thread waits")
    got = ready.wait(timeout=5)
    print("thread woke:", got)
    return "done"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_later(0.3, ready.set)
    print(await asyncio.to_thread(waiter), round(loop.time() - start, 1))
    print("timed out:", not await asyncio.to_thread(threading.Event().wait, 0.2))


asyncio.run(main())
