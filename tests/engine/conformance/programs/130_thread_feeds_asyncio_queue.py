# Pins down: a producer thread feeds an asyncio.Queue through call_soon_threadsafe, on the clock.
import asyncio, threading, time
def producer(loop, q):
    for i in range(3):
        time.sleep(0.2)
        loop.call_soon_threadsafe(q.put_nowait, i)
    loop.call_soon_threadsafe(q.put_nowait, None)
async def main():
    loop = asyncio.get_running_loop()
    q = asyncio.Queue()
    threading.Thread(target=producer, args=(loop, q)).start()
    start = loop.time()
    while (item := await q.get()) is not None:
        print("got", item, round(loop.time() - start, 1))
asyncio.run(main())
