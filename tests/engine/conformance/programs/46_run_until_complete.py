# Pins down: loop.run_until_complete with a coroutine and a future; result returned; pending tasks left over.
import asyncio


async def compute(x):
    await asyncio.sleep(0.01)
    return x * x


async def background():
    print("background started")
    await asyncio.sleep(0.1)
    print("background finished")


loop = asyncio.new_event_loop()
print("result 1:", loop.run_until_complete(compute(3)))
bg = loop.create_task(background())
print("result 2:", loop.run_until_complete(compute(4)))
print("background done?", bg.done())
fut = loop.create_future()
loop.call_later(0.02, fut.set_result, "future value")
print("result 3:", loop.run_until_complete(fut))
print("result 4:", loop.run_until_complete(bg))
try:
    loop.run_until_complete(asyncio.sleep(0.01, "x"))
    print("sleep with result ok")
finally:
    loop.close()
print("closed")
