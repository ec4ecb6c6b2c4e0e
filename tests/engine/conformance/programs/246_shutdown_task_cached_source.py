# A task freed as the program's module is freed, at the process's end: its traceback shows the
# program's lines, which linecache read when an earlier traceback was printed.
import asyncio
import traceback


def helper(v):
    return int(v)


async def bad():
    return helper("x")


t = None


async def main():
    global t
    try:
        helper("y")
    except ValueError:
        traceback.print_exc()
    t = asyncio.create_task(bad())
    await asyncio.sleep(0)


asyncio.run(main())
print("end")
