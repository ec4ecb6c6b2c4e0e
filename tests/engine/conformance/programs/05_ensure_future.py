# Pins down: ensure_future with a coroutine, a Future, an awaitable object and a non-awaitable.
import asyncio


async def coro():
    await asyncio.sleep(0)
    return "from-coro"


class Awaitable:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return "from-awaitable"


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.ensure_future(coro())
    print("coroutine ->", type(t).__name__, isinstance(t, asyncio.Task))
    fut = loop.create_future()
    same = asyncio.ensure_future(fut)
    print("future -> same object:", same is fut)
    a = asyncio.ensure_future(Awaitable())
    print("awaitable ->", type(a).__name__)
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("TypeError:", e)
    fut.set_result("from-future")
    print(await t, await fut, await a)


asyncio.run(main())
