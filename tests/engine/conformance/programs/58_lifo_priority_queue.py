# Pins down: LifoQueue and PriorityQueue ordering; get() wakes waiting getters FIFO.
import asyncio


async def getter(name, q):
    item = await q.get()
    print(f"{name} got {item}")


async def main():
    lq = asyncio.LifoQueue()
    pq = asyncio.PriorityQueue()
    for v in (3, 1, 2):
        lq.put_nowait(v)
        pq.put_nowait((v, f"p{v}"))
    print("lifo:", [lq.get_nowait() for _ in range(3)])
    print("priority:", [pq.get_nowait() for _ in range(3)])
    q = asyncio.Queue()
    getters = [asyncio.create_task(getter(f"g{i}", q)) for i in range(3)]
    await asyncio.sleep(0)
    for v in "abc":
        q.put_nowait(v)
    await asyncio.gather(*getters)
    full = asyncio.Queue(maxsize=1)
    full.put_nowait(1)
    print("full():", full.full())
    try:
        full.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull raised")


asyncio.run(main())
