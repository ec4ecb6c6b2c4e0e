# Pins down: a producer thread feeds a queue.Queue that the loop drains through to_thread.
import asyncio
import queue
import threading
import time

items = queue.Queue()


def producer():
    for i in range(3):
        time.sleep(0.1)
        items.put(i)
    items.put(None)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    threading.Thread(target=producer).start()
    while (item := await asyncio.to_thread(items.get)) is not None:
        print("got", item, "at", round(loop.time() - start, 1))
    print("queue drained")


asyncio.run(main())
