# Pins down: default task names (Task-1 is the main task, counter per process), name=, set_name/get_name.
import asyncio


async def work():
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()


async def main():
    loop = asyncio.get_running_loop()
    print("main task:", asyncio.current_task().get_name())
    a = asyncio.create_task(work())
    b = loop.create_task(work(), name="worker-b")
    c = asyncio.create_task(work())
    c.set_name("renamed-c")
    d = asyncio.ensure_future(work())
    print("names:", a.get_name(), b.get_name(), c.get_name(), d.get_name())
    print("results:", await asyncio.gather(a, b, c, d))
    e = asyncio.create_task(work())
    print("later default name:", e.get_name())
    # Named via asyncio.create_task last: in 3.11 this call still consumes a number of the
    # default-name counter, in 3.12+ it does not, so no default name is created after it.
    f = asyncio.create_task(work(), name=42)
    print("non-str name:", repr(f.get_name()))
    await asyncio.gather(e, f)


if __name__ == "__main__":
    asyncio.run(main())
