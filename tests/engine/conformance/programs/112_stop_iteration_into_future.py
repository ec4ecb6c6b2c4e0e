# Pins down: a StopIteration set on a future becomes a RuntimeError caused by it.
import asyncio


async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_exception(StopIteration("done"))
    exc = fut.exception()
    print(type(exc).__name__, exc)
    print("cause:", repr(exc.__cause__), "context:", repr(exc.__context__))


asyncio.run(main())
