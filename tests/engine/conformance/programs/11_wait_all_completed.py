# Pins down: asyncio.wait(ALL_COMPLETED) and FIRST_EXCEPTION with a failing task.
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"{name} failed")
    return name


async def main():
    tasks = [asyncio.create_task(job(f"t{i}", 0.01 * (i + 1))) for i in range(3)]
    done, pending = await asyncio.wait(tasks)
    print("all completed:", sorted(t.result() for t in done), len(pending))

    a = asyncio.create_task(job("a", 0.05, fail=True), name="a")
    b = asyncio.create_task(job("b", 0.2), name="b")
    done, pending = await asyncio.wait([a, b], return_when=asyncio.FIRST_EXCEPTION)
    print("first exception done:", [t.get_name() for t in done], "pending:", [t.get_name() for t in pending])
    print("exception:", repr(a.exception()))
    await b
    print("b result:", b.result())


asyncio.run(main())
