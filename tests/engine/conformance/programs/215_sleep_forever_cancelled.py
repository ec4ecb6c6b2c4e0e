# Pins down: an infinite delay (a task that sleeps for ever until cancelled, call_later(inf),
# wait_for around it): natively the loop waits a day at most per poll; the trace writes no
# number for such a deadline.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    forever = asyncio.create_task(asyncio.sleep(float("inf")), name="forever")
    handle = loop.call_later(float("inf"), print, "never")
    print("when:", handle.when())
    await asyncio.sleep(0.1)
    forever.cancel()
    try:
        await forever
    except asyncio.CancelledError:
        print("cancelled after", round(loop.time() - start, 1))
    handle.cancel()
    try:
        await asyncio.wait_for(asyncio.sleep(float("inf")), 0.5)
    except TimeoutError:
        print("timed out after", round(loop.time() - start, 1))
    print(await asyncio.sleep(float("-inf"), result="-inf is no wait"))


asyncio.run(main())
