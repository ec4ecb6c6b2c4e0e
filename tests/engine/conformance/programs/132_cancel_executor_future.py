# Pins down: cancelling a run_in_executor future before a busy one-worker pool reaches it.
import asyncio, time, concurrent.futures
def job(n):
    time.sleep(0.2)
    print("job", n, "ran")
    return n
async def main():
    loop = asyncio.get_running_loop()
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        futs = [loop.run_in_executor(pool, job, n) for n in range(3)]
        futs[2].cancel()
        done = await asyncio.gather(*futs, return_exceptions=True)
        print([type(d).__name__ for d in done])
asyncio.run(main())
