# Pins down: leaving a `with ThreadPoolExecutor()` block inside a coroutine while its job runs
# blocks the loop until the job is done (shutdown(wait=True) joins the worker).
import asyncio
import concurrent.futures
import time


def slow(name):
    time.sleep(0.2)
    print(name, "finished")
    return name


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        future = loop.run_in_executor(pool, slow, "first")
        await asyncio.sleep(0.05)
    print("pool shut down", round(loop.time() - start, 1), future.done())
    print(await future)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        try:
            await asyncio.wait_for(loop.run_in_executor(pool, slow, "second"), 0.1)
        except TimeoutError:
            print("timed out", round(loop.time() - start, 1))
    print("second pool shut down", round(loop.time() - start, 1))


asyncio.run(main())
