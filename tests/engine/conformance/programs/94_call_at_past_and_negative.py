# Pins down: call_later with a negative delay and call_at in the past run on the next pass, in order.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    now = loop.time()
    loop.call_later(-5, print, "negative delay")
    loop.call_at(now - 10, print, "deadline in the past")
    loop.call_soon(print, "call_soon")
    handle = loop.call_later(0.1, print, "on time")
    print("when is in the future:", handle.when() > now)
    await asyncio.sleep(0.2)


asyncio.run(main())
