# Pins down: create_task with no running loop, coroutine NOT closed -> RuntimeWarning on stderr.
import asyncio


async def coro():
    return 1


try:
    asyncio.create_task(coro())
except RuntimeError as e:
    print("RuntimeError:", e)
print("end of program")
