# Pins down: an exception raised in a worker thread comes out of the awaited future.
import asyncio


def fails(x):
    raise ValueError(f"bad input {x}")


async def main():
    try:
        await asyncio.to_thread(fails, 7)
    except ValueError as error:
        print("caught", type(error).__name__, error)
    loop = asyncio.get_running_loop()
    future = loop.run_in_executor(None, fails, 8)
    await asyncio.sleep(0.1)
    print("done:", future.done(), "exception:", repr(future.exception()))


asyncio.run(main())
