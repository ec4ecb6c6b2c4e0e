# Pins down: a task that swallows CancelledError completes normally and is not cancelled().
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn: swallowing cancellation")
    await asyncio.sleep(0.01)
    print("stubborn: still alive")
    return "ignored the cancel"


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.01)
    t.cancel()
    result = await t
    print("result:", result)
    print("cancelled():", t.cancelled(), "cancelling():", t.cancelling())


asyncio.run(main())
