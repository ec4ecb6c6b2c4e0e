# Pins down: reprs of handles in the ready queue, a task's step and wake-up among them.
import asyncio
import re


def no_address(text):
    return re.sub(r"0x[0-9a-f]+", "0x…", text)


async def child():
    await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(child(), name="child")
    handle = loop.call_soon(print, "hello")
    print(no_address(repr(handle)))
    print([no_address(repr(h)) for h in loop._ready])
    timer = loop.call_later(10, print, "later")
    print(no_address(repr(timer)).split(" when=")[0])
    timer.cancel()
    print(no_address(repr(timer)).split(" when=")[0])
    await asyncio.sleep(0)


asyncio.run(main())
