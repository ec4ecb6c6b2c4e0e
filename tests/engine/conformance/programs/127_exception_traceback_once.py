# Pins down: a task's stored traceback is given back once; later retrievals show only their frames.
import asyncio
import traceback


async def fails():
    raise ValueError("boom")


async def main():
    t = asyncio.create_task(fails())
    await asyncio.sleep(0)
    for attempt in range(2):
        try:
            t.result()
        except ValueError as e:
            print(attempt, [frame.name for frame in traceback.extract_tb(e.__traceback__)])
    try:
        await t
    except ValueError as e:
        print("await", [frame.name for frame in traceback.extract_tb(e.__traceback__)])
    print("exception():", repr(t.exception()))


asyncio.run(main())
