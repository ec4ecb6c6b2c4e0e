import asyncio
async def bg():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print("context:", repr(e.__context__))
        raise ValueError("bg cleanup failed")
async def waiter(fut):
    try:
        await fut
    except asyncio.CancelledError as e:
        print("waiter context:", repr(e.__context__))
async def main():
    asyncio.create_task(bg())
    fut = asyncio.get_running_loop().create_future()
    w = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    try:
        raise KeyError("handled")
    except KeyError:
        fut.cancel()
        await asyncio.sleep(0)
    await w
    await asyncio.sleep(0.1)
    raise RuntimeError("main failed")
asyncio.run(main())
