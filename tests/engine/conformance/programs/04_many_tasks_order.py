# Pins down: many tasks start in creation order and interleave round-robin on sleep(0).
import asyncio


async def worker(i, steps):
    for s in range(steps):
        print(f"w{i} step {s}")
        await asyncio.sleep(0)
    print(f"w{i} done")
    return i * 10


async def main():
    tasks = [asyncio.create_task(worker(i, 3 - i % 3)) for i in range(6)]
    print("created", len(tasks))
    results = [await t for t in tasks]
    print("results", results)


asyncio.run(main())
