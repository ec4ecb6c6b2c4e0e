# Pins down: calling a coroutine function without awaiting it emits "coroutine ... was never awaited".
import asyncio


async def helper():
    print("helper body never runs")


async def main():
    helper()
    print("main called helper() without await")
    await asyncio.sleep(0)
    print("main done")


asyncio.run(main())
