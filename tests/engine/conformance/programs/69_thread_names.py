# Pins down: the default executor's threads are named asyncio_0, asyncio_1, ... and are reused.
import asyncio
import threading
import time


def who(seconds):
    time.sleep(seconds)
    return threading.current_thread().name


async def main():
    print("sequential", await asyncio.to_thread(who, 0), await asyncio.to_thread(who, 0))
    names = await asyncio.gather(*(asyncio.to_thread(who, 0.1) for _ in range(3)))
    print("concurrent", sorted(names))
    print("main thread", threading.current_thread().name)


asyncio.run(main())
