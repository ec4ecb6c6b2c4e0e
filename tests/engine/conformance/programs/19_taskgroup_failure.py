# Pins down: one TaskGroup child fails -> siblings cancelled, ExceptionGroup caught with except*.
import asyncio


async def good(delay):
    await asyncio.sleep(delay)
    return "finished"


async def bad(delay):
    await asyncio.sleep(delay)
    print("bad raising ValueError")
    raise ValueError("v1")


async def stubborn():
    try:
        await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        print("stubborn cancelled, raising TypeError instead")
        raise TypeError("t1")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            fast = tg.create_task(good(0.05))
            tg.create_task(bad(0.1))
            slow = tg.create_task(good(0.5))
            tg.create_task(stubborn())
    except* ValueError as eg:
        print("except* ValueError:", type(eg).__name__, [repr(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("except* TypeError:", [repr(e) for e in eg.exceptions])
    # The order in which TaskGroup cancels siblings follows set iteration (object addresses),
    # so only one sibling prints while being cancelled.
    print("fast:", fast.result(), "slow cancelled:", slow.cancelled())
    print("main continues")


asyncio.run(main())
