# Pins down: as_completed yields results in completion order; timeout raises TimeoutError.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return name


async def main():
    coros = [job("c", 0.15), job("a", 0.05), job("b", 0.1)]
    for fut in asyncio.as_completed(coros):
        print("completed:", await fut)
    try:
        for fut in asyncio.as_completed([job("quick", 0.02), job("never", 0.5)], timeout=0.1):
            print("completed:", await fut)
    except TimeoutError:
        print("as_completed timed out")


asyncio.run(main())
