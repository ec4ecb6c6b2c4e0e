# Pins down: a failed task whose exception is never retrieved is logged to stderr when collected.
import asyncio


async def fails():
    raise ValueError("nobody looks at me")


async def main():
    t = asyncio.create_task(fails())
    await asyncio.sleep(0.01)
    print("task done:", t.done())
    del t
    print("main finished")


asyncio.run(main())
print("after asyncio.run")
