# Pins down: asyncio.create_task at module level (no running loop) raises RuntimeError; coroutine closed.
import asyncio


async def coro():
    return 1


c = coro()
try:
    asyncio.create_task(c)
except RuntimeError as e:
    print("RuntimeError:", e)
finally:
    c.close()
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("get_running_loop:", e)
print("current_task with no loop -> RuntimeError?", end=" ")
try:
    asyncio.current_task()
    print("no")
except RuntimeError as e:
    print("yes:", e)
print(asyncio.run(coro()))
