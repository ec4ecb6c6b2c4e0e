# Pins down: asyncio.timeout reschedule() extends/shortens the deadline; timeout_at.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with asyncio.timeout(0.1) as cm:
        cm.reschedule(loop.time() + 0.4)
        await asyncio.sleep(0.2)
        print("survived past the original deadline at", round(loop.time() - start, 1))
    print("expired:", cm.expired())

    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.1)
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out after reschedule at", round(loop.time() - start, 1))

    try:
        async with asyncio.timeout_at(loop.time() + 0.1):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout_at fired at", round(loop.time() - start, 1))


asyncio.run(main())
