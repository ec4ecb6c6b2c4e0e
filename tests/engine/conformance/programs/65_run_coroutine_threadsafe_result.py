# Pins down: a thread hands a coroutine to the loop and waits for its result with a timeout.
import asyncio
import threading


async def double(x):
    await asyncio.sleep(0.1)
    print("double runs in", threading.current_thread().name)
    return x * 2


def worker(loop):
    future = asyncio.run_coroutine_threadsafe(double(21), loop)
    print("worker waits in", threading.current_thread().name)
    return future.result(timeout=2)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print("result", await asyncio.to_thread(worker, loop))
    print("took", round(loop.time() - start, 1))


asyncio.run(main())
