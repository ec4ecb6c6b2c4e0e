# Pins down: cancelling a task that awaits another task cancels the awaited task too.
import asyncio


async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("inner cancelled, args:", e.args)
        raise
    finally:
        print("inner finally")


async def outer(inner_task):
    try:
        await inner_task
    except asyncio.CancelledError:
        print("outer cancelled")
        raise


async def main():
    it = asyncio.create_task(inner())
    ot = asyncio.create_task(outer(it))
    await asyncio.sleep(0.01)
    ot.cancel("from main")
    await asyncio.gather(ot, it, return_exceptions=True)
    print("outer cancelled():", ot.cancelled(), "inner cancelled():", it.cancelled())


asyncio.run(main())
