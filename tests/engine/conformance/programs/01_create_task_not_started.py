# Pins down: create_task does not run the task until the creator yields to the loop.
import asyncio


async def child(name):
    print(f"{name}: started")
    await asyncio.sleep(0)
    print(f"{name}: resumed")
    return name.upper()


async def main():
    t = asyncio.create_task(child("a"))
    print("main: created task, done =", t.done())
    print("main: still running before any await")
    await asyncio.sleep(0)
    print("main: after first sleep(0), done =", t.done())
    result = await t
    print("main: result =", result, "done =", t.done())


if __name__ == "__main__":
    asyncio.run(main())
