# Pins down: asyncio.Runner runs several coroutines on the same loop; the loop persists between run() calls.
import asyncio


async def first():
    loop = asyncio.get_running_loop()
    loop.marker = "set in first"
    print("first: task", asyncio.current_task().get_name())
    await asyncio.sleep(0.01)
    return 1


async def second():
    loop = asyncio.get_running_loop()
    print("second: marker =", getattr(loop, "marker", None))
    print("second: task", asyncio.current_task().get_name())
    await asyncio.sleep(0.01)
    return 2


with asyncio.Runner() as runner:
    print("run 1 ->", runner.run(first()))
    print("run 2 ->", runner.run(second()))
    loop = runner.get_loop()
    print("same loop:", loop.marker, "running:", loop.is_running())
print("after the with block, loop closed:", loop.is_closed())
coro = first()
try:
    runner.run(coro)
except RuntimeError as e:
    print("run after close:", e)
finally:
    coro.close()
