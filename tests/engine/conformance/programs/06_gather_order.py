# Pins down: gather returns results in argument order, not completion order.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return name


async def main():
    results = await asyncio.gather(job("slow", 0.15), job("fast", 0.05), job("mid", 0.1))
    print("results:", results)
    empty = await asyncio.gather()
    print("empty gather:", empty)


asyncio.run(main())
