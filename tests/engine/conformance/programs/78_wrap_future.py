# Pins down: asyncio.wrap_future turns an executor's future into an awaitable on the loop.
import asyncio
import concurrent.futures
import time


def compute():
    time.sleep(0.2)
    return 99


async def main():
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        cf = pool.submit(compute)
        wrapped = asyncio.wrap_future(cf)
        print(type(wrapped).__name__, wrapped.done())
        print("value", await wrapped, cf.done())


asyncio.run(main())
