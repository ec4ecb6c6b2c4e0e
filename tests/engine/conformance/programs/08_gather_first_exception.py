# Pins down: gather(return_exceptions=False) raises the first exception; other children keep running.
import asyncio


async def ok(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return name


async def bad(delay):
    await asyncio.sleep(delay)
    print("bad raising")
    raise KeyError("missing")


async def main():
    a = asyncio.create_task(ok("a", 0.05))
    b = asyncio.create_task(ok("b", 0.3))
    try:
        await asyncio.gather(a, bad(0.1), b)
    except KeyError as e:
        print("caught KeyError", e)
    print("a done:", a.done(), "b done:", b.done(), "b cancelled:", b.cancelled())
    print("b result:", await b)


asyncio.run(main())
