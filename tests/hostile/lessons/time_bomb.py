# A lesson that sleeps for thirty years of virtual time.
# expect-outcome: budget
# expect-message: virtual-time budget
import asyncio


async def main():
    await asyncio.sleep(10**9)


asyncio.run(main())
