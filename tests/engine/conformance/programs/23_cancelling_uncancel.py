# Pins down: Task.cancelling() counts pending cancel requests; uncancel() decrements it.
import asyncio


async def worker():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("worker: cancelling() =", me.cancelling())
        print("worker: uncancel() ->", me.uncancel())
        print("worker: uncancel() ->", me.uncancel())
        print("worker: cancelling() =", me.cancelling())
    await asyncio.sleep(0.01)
    print("worker: finished normally")
    return "ok"


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.01)
    print("before cancel:", t.cancelling())
    t.cancel()
    t.cancel()
    print("after two cancel():", t.cancelling())
    print("result:", await t, "cancelled():", t.cancelled())


asyncio.run(main())
