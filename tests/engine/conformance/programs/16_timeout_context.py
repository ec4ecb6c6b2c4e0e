# Pins down: async with asyncio.timeout(): expiry raises TimeoutError outside the block; expired() flag.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(0.1) as cm:
            print("inside, expired:", cm.expired())
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("inner sleep cancelled")
                raise
    except TimeoutError:
        print("TimeoutError outside the block, expired:", cm.expired())
    print("elapsed", round(loop.time() - start, 1))

    async with asyncio.timeout(0.5) as cm2:
        await asyncio.sleep(0.01)
    print("no timeout, expired:", cm2.expired())

    async with asyncio.timeout(None) as cm3:
        await asyncio.sleep(0.01)
    print("timeout(None) when:", cm3.when())


asyncio.run(main())
