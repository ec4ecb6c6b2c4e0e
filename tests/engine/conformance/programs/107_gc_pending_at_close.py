# Pins down: a task never started is destroyed pending when its loop closes without running it.
import asyncio


async def never_runs():
    print("never")


loop = asyncio.new_event_loop()
loop.create_task(never_runs(), name="orphan")
print("closing the loop")
loop.close()
print("closed")
