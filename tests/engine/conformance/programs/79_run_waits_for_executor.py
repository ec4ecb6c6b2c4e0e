# Pins down: asyncio.run cancels a task awaiting to_thread, but waits for the thread itself to end.
import asyncio
import time


def slow():
    time.sleep(0.5)
    print("thread finished its work")


async def main():
    asyncio.create_task(asyncio.to_thread(slow))
    await asyncio.sleep(0.1)
    print("main returns")


asyncio.run(main())
print("after asyncio.run")
