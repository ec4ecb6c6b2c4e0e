# Pins down: Queue.join() waits until task_done() was called for every item; extra task_done raises.
import asyncio


async def worker(name, q):
    while True:
        item = await q.get()
        await asyncio.sleep(item)
        print(f"{name} processed {item}")
        q.task_done()


async def main():
    q = asyncio.Queue()
    for d in (0.1, 0.02, 0.2, 0.15):
        q.put_nowait(d)
    workers = [asyncio.create_task(worker(f"w{i}", q)) for i in range(2)]
    await q.join()
    print("join returned, unfinished work done")
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty raised")


asyncio.run(main())
