# Pins down: call_soon callbacks run FIFO, with args, and callbacks scheduled by callbacks run next iteration.
import asyncio


def cb(label, loop):
    print("callback", label)
    if label == "second":
        loop.call_soon(cb, "scheduled-by-second", loop)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, "first", loop)
    loop.call_soon(cb, "second", loop)
    loop.call_soon(cb, "third", loop)
    print("main: scheduled three")
    await asyncio.sleep(0)
    print("main: after sleep(0)")
    await asyncio.sleep(0)
    print("main: after second sleep(0)")


asyncio.run(main())
