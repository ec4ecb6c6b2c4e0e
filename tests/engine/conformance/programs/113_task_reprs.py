# Pins down: reprs of a task waiting on a future, of the future's callbacks, and of the class.
import asyncio
import re


def no_address(text):
    return re.sub(r" at 0x[0-9a-f]+", " at 0x…", text)


async def waits(fut):
    await fut


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    task = asyncio.create_task(waits(fut), name="waiter")
    await asyncio.sleep(0)
    print(no_address(repr(fut)))
    print(no_address(repr(task)).split(" coro=")[0], "...", no_address(repr(task)).split(">> ")[-1][-60:])
    print(asyncio.Task, asyncio.Future, type(task), type(fut))
    print(asyncio.Task.__module__, asyncio.Future.__qualname__)
    fut.set_result("ok")
    await task
    print(no_address(repr(task)))


asyncio.run(main())
