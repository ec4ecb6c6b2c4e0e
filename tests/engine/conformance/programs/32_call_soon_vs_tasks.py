# Pins down: call_soon callbacks and task steps share one FIFO ready queue.
import asyncio


async def task(name):
    print(f"{name} step 1")
    await asyncio.sleep(0)
    print(f"{name} step 2")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "cb A")
    asyncio.create_task(task("T1"))
    loop.call_soon(print, "cb B")
    asyncio.create_task(task("T2"))
    loop.call_soon(print, "cb C")
    print("main yields")
    await asyncio.sleep(0)
    print("main resumed")
    loop.call_soon(print, "cb D")
    await asyncio.sleep(0)
    print("main end")


asyncio.run(main())
