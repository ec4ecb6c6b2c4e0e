# Pins down: a task's exception is stored; exception() returns it, await re-raises it.
import asyncio


async def fails():
    await asyncio.sleep(0.01)
    raise ValueError("stored failure")


async def main():
    t = asyncio.create_task(fails())
    try:
        t.exception()
    except asyncio.InvalidStateError as e:
        print("exception() before done -> InvalidStateError:", e)
    await asyncio.sleep(0.05)
    print("done:", t.done(), "cancelled:", t.cancelled())
    print("exception():", repr(t.exception()))
    try:
        t.result()
    except ValueError as e:
        print("result() raised:", repr(e))
    try:
        await t
    except ValueError as e:
        print("await raised:", repr(e))


asyncio.run(main())
