# Pins down: the CPU clocks a program may time itself with exist and count up, in the main
# thread and in a worker thread, next to the virtual clocks.
import asyncio
import time


def measure():
    start = (time.process_time(), time.thread_time(), time.thread_time_ns(), time.process_time_ns())
    sum(range(20000))
    end = (time.process_time(), time.thread_time(), time.thread_time_ns(), time.process_time_ns())
    return [type(value).__name__ for value in end], all(b >= a for a, b in zip(start, end))


async def main():
    print("main thread", measure())
    print("worker thread", await asyncio.to_thread(measure))
    start = time.monotonic()
    await asyncio.sleep(0.3)
    print("slept", round(time.monotonic() - start, 1))


asyncio.run(main())
