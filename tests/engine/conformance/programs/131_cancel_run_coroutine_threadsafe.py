# Pins down: a thread cancels the coroutine it handed to the loop after its wait times out.
import asyncio, concurrent.futures
async def forever():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("coroutine cancelled")
        raise
def worker(loop):
    fut = asyncio.run_coroutine_threadsafe(forever(), loop)
    try:
        fut.result(timeout=0.2)
    except concurrent.futures.TimeoutError:
        print("thread timed out, cancelling")
        fut.cancel()
    return fut.cancelled()
async def main():
    print(await asyncio.to_thread(worker, asyncio.get_running_loop()))
    await asyncio.sleep(0.1)
asyncio.run(main())
