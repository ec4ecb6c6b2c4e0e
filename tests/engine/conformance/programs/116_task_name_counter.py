# Pins down: default task names count only unnamed tasks; set_name takes any object as str.
import asyncio


async def noop():
    pass


async def main():
    a = asyncio.create_task(noop())
    b = asyncio.create_task(noop(), name="named")
    c = asyncio.create_task(noop())
    d = asyncio.create_task(noop(), name=42)
    print(a.get_name(), b.get_name(), c.get_name(), repr(d.get_name()))
    c.set_name(3.5)
    print(repr(c.get_name()))
    await asyncio.gather(a, b, c, d)


asyncio.run(main())
