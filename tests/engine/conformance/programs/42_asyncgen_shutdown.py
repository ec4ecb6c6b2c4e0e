# Pins down: an async generator left unexhausted is finalized by asyncio.run (shutdown_asyncgens); its finally runs.
import asyncio

keep = []


async def numbers():
    try:
        i = 0
        while True:
            yield i
            i += 1
    finally:
        print("numbers: finally runs")
        await asyncio.sleep(0)
        print("numbers: finally finished after an await")


async def main():
    gen = numbers()
    keep.append(gen)  # keep it alive so only shutdown_asyncgens finalizes it
    print(await anext(gen))
    print(await anext(gen))
    print("main returning with generator suspended")


asyncio.run(main())
print("after asyncio.run")
