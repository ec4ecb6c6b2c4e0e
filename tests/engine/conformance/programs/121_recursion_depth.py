# Pins down: the recursion limit reached at module level, in a coroutine and in a task.
import asyncio
import sys

depth = 0


def dive():
    global depth
    depth += 1
    dive()


def measure(where):
    global depth
    depth = 0
    try:
        dive()
    except RecursionError as e:
        print(where, depth, e)


async def child():
    measure("in a child task")


async def main():
    measure("in main")
    await asyncio.create_task(child())


measure("module level")
print(sys.getrecursionlimit())
asyncio.run(main())
