# Pins down: bounded Queue producer/consumer interleaving; put blocks when full.
import asyncio


async def producer(q, n):
    for i in range(n):
        print(f"put {i} (qsize before={q.qsize()})")
        await q.put(i)
    await q.put(None)
    print("producer done")


async def consumer(q):
    while True:
        item = await q.get()
        if item is None:
            break
        print(f"got {item}")
        await asyncio.sleep(0.01)
    print("consumer done")


async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q, 5), consumer(q))
    print("empty:", q.empty())


asyncio.run(main())
