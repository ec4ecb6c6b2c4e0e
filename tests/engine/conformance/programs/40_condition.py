# Pins down: Condition.wait/notify(n)/notify_all wake waiters in FIFO order; wait_for predicate.
import asyncio


async def consumer(name, cond, box):
    async with cond:
        print(f"{name} waiting")
        await cond.wait()
        print(f"{name} notified, box={box}")


async def main():
    cond = asyncio.Condition()
    box = []
    tasks = [asyncio.create_task(consumer(n, cond, box)) for n in ("c1", "c2", "c3")]
    await asyncio.sleep(0.01)
    async with cond:
        box.append(1)
        cond.notify(1)
        print("notified 1")
    await asyncio.sleep(0.01)
    async with cond:
        box.append(2)
        cond.notify_all()
        print("notified all")
    await asyncio.gather(*tasks)

    async def setter():
        await asyncio.sleep(0.01)
        async with cond:
            box.append(3)
            cond.notify_all()

    asyncio.create_task(setter())
    async with cond:
        ok = await cond.wait_for(lambda: len(box) >= 3)
        print("wait_for returned", ok, box)


asyncio.run(main())
