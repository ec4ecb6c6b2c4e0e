# Pins down: a task with a long CPU loop between awaits runs to its end, and others wait for it.
import asyncio


async def crunch():
    total = 0
    for i in range(1_000_000):
        total += i % 7
    print("crunch", total)


async def other():
    await asyncio.sleep(0)
    print("other ran after the crunch")


async def main():
    await asyncio.gather(crunch(), other())


asyncio.run(main())
