# Pins down: async generator iteration with awaits between items, asend, aclose running finally.
import asyncio


async def ticker(n):
    try:
        for i in range(n):
            await asyncio.sleep(0.01)
            yield i
    finally:
        print("ticker finally")


async def echo():
    received = None
    while True:
        received = yield f"echo:{received}"


async def main():
    async for v in ticker(3):
        print("tick", v)
    gen = echo()
    print(await gen.asend(None))
    print(await gen.asend("hello"))
    await gen.aclose()
    print("echo closed")
    print("comprehension:", [v async for v in ticker(2)])
    g = ticker(5)
    print("first:", await anext(g))
    await g.aclose()
    print("after explicit aclose")


asyncio.run(main())
