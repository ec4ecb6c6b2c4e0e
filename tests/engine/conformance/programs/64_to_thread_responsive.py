# Pins down: a blocking function in asyncio.to_thread runs while the loop keeps ticking, on the clock.
import asyncio
import time


def blocking(name, seconds):
    print(f"{name}: start")
    time.sleep(seconds)
    print(f"{name}: end")
    return name.upper()


async def ticker():
    for i in range(3):
        await asyncio.sleep(0.2)
        print("tick", i)


async def main():
    result, _ = await asyncio.gather(asyncio.to_thread(blocking, "worker", 0.5), ticker())
    print("result", result)


asyncio.run(main())
