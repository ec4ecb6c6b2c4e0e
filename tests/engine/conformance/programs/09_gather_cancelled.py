# Pins down: cancelling a gather() future cancels its children; awaiting it raises CancelledError.
import asyncio


async def child(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def main():
    c1 = asyncio.create_task(child("c1"))
    c2 = asyncio.create_task(child("c2"))
    g = asyncio.gather(c1, c2)
    await asyncio.sleep(0.01)
    print("cancel returned:", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather raised CancelledError")
    print("g.cancelled():", g.cancelled())
    print("children cancelled:", c1.cancelled(), c2.cancelled())


asyncio.run(main())
