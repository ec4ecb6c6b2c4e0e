# Pins down: a thread's time.monotonic and perf_counter advance with its own time.sleep.
import asyncio
import time


def measure():
    start = time.monotonic()
    time.sleep(0.3)
    return round(time.monotonic() - start, 1), round(time.perf_counter() - start, 1) >= 0.3


async def main():
    start = time.monotonic()
    print(await asyncio.to_thread(measure))
    print("loop waited", round(time.monotonic() - start, 1))


asyncio.run(main())
