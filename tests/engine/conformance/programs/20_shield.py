# Pins down: shield protects the inner task from cancellation of the outer await.
import asyncio


async def important():
    await asyncio.sleep(0.1)
    print("important work finished")
    return "saved"


async def waiter(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print("waiter cancelled, inner cancelled?", inner.cancelled())
        raise


async def main():
    inner = asyncio.create_task(important())
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.01)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("main: waiter is cancelled:", w.cancelled())
    print("main: inner result:", await inner)
    print("shield of a done future:", await asyncio.shield(inner))


if __name__ == "__main__":
    asyncio.run(main())
