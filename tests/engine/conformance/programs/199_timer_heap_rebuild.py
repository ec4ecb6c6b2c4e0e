# More than 100 timers, most of them cancelled: at its next iteration the loop drops the
# cancelled ones and heapifies the rest (BaseEventLoop._run_once), so the order in which the
# survivors fire is the heap's, rebuilt.
import asyncio

fired = []


async def main():
    loop = asyncio.get_running_loop()
    handles = [loop.call_later(0.01 * (i % 7), fired.append, i) for i in range(150)]
    for i, handle in enumerate(handles):
        if i % 3:
            handle.cancel()
    await asyncio.sleep(0.1)
    print(len(fired), "fired")
    print(fired)
    print(len(loop._scheduled), "left in the heap")


asyncio.run(main())
