# Pins down: Semaphore limits concurrency; BoundedSemaphore raises on over-release.
import asyncio

active = 0


async def job(name, sem, delay):
    global active
    async with sem:
        active += 1
        print(f"{name} enters (active={active}, locked={sem.locked()})")
        await asyncio.sleep(delay)
        active -= 1
        print(f"{name} leaves")


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(job("a", sem, 0.09), job("b", sem, 0.03), job("c", sem, 0.15), job("d", sem, 0.03))
    print("locked():", sem.locked())
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
