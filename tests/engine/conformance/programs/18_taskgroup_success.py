# Pins down: TaskGroup waits for all children; results available after the block.
import asyncio


async def job(name, delay):
    print(f"{name} start")
    await asyncio.sleep(delay)
    print(f"{name} end")
    return name * 2


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("a", 0.15))
        t2 = tg.create_task(job("b", 0.05), name="tg-b")
        print("inside block, t1 done:", t1.done())
        t3 = tg.create_task(job("c", 0.1))
    print("after block:", t1.result(), t2.result(), t3.result(), t2.get_name())


asyncio.run(main())
