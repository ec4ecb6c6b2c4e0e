# Pins down: wait_for cancels the inner task on timeout and raises TimeoutError.
import asyncio


async def slow():
    try:
        await asyncio.sleep(1)
        return "finished"
    except asyncio.CancelledError:
        print("slow: cancelled by wait_for")
        raise
    finally:
        print("slow: finally")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        await asyncio.wait_for(slow(), timeout=0.1)
    except TimeoutError as e:
        print("caught", type(e).__name__, "is asyncio.TimeoutError:", isinstance(e, asyncio.TimeoutError))
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
