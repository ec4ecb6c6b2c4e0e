# Pins down: a done callback that calls exception() keeps the task from being reported.
import asyncio


def report(task):
    print("callback saw", repr(task.exception()))


async def fails():
    raise RuntimeError("seen")


async def main():
    t = asyncio.create_task(fails())
    t.add_done_callback(report)
    await asyncio.sleep(0.01)
    del t
    print("nothing logged")


asyncio.run(main())
