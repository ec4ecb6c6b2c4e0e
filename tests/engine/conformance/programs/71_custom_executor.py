# Pins down: a ThreadPoolExecutor with two workers runs four 0.2 s jobs in two waves.
import asyncio
import concurrent.futures
import threading
import time


def job(n):
    time.sleep(0.2)
    return n, threading.current_thread().name


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, job, n) for n in range(4)))
    print([n for n, _ in results], sorted({name for _, name in results}))
    print("took", round(loop.time() - start, 1))


asyncio.run(main())
