# A lesson that floods the trace: tasks that yield forever, as fast as they can.
# The event budget (or the time budget) stops it, and the trace up to that point is kept.
# expect-outcome: budget
# expect-message: (events|wall-time) budget
import asyncio


async def spin(name):
    while True:
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(*(spin(i) for i in range(100)))


asyncio.run(main())
