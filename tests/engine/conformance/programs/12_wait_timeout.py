# Pins down: asyncio.wait(timeout=...) returns with pending tasks and does not cancel them.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return name


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    fast = asyncio.create_task(job("fast", 0.02), name="fast")
    slow = asyncio.create_task(job("slow", 0.2), name="slow")
    done, pending = await asyncio.wait([fast, slow], timeout=0.1)
    print("elapsed", round(loop.time() - start, 1))
    print("done:", [t.get_name() for t in done], "pending:", [t.get_name() for t in pending])
    print("slow cancelled?", slow.cancelled())
    print("slow result:", await slow)
    print("elapsed", round(loop.time() - start, 1))


asyncio.run(main())
