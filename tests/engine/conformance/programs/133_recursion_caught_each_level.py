# Pins down: a recursion that catches RecursionError at every level returns the depth native
# CPython reaches, again and again, at module level and in a task, under a lowered limit too.
import asyncio
import sys


def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


print(depth(), depth())


async def main():
    print("in a task", depth(), depth())


asyncio.run(main())
sys.setrecursionlimit(500)
print("limit 500", depth(), depth())
asyncio.run(main())
sys.setrecursionlimit(1000)
print("limit", sys.getrecursionlimit(), depth())
