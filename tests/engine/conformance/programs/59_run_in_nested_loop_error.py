# Pins down: asyncio.run() inside a running loop raises RuntimeError; run_until_complete on a running loop too.
import asyncio


async def noop():
    return None


async def main():
    c = noop()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("asyncio.run:", e)
    finally:
        c.close()
    loop = asyncio.get_running_loop()
    c2 = noop()
    try:
        loop.run_until_complete(c2)
    except RuntimeError as e:
        print("run_until_complete:", e)
    finally:
        c2.close()


asyncio.run(main())
