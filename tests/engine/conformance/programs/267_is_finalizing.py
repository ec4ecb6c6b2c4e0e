# Pins down: sys.is_finalizing() is False while the program and its atexit handlers run, and
# True for the finalizers that run at exit after them.
import asyncio
import atexit
import sys


class Reports:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print(self.name, "freed, finalizing:", sys.is_finalizing())


async def main():
    print("in a task, finalizing:", sys.is_finalizing())


asyncio.run(main())
atexit.register(lambda: print("atexit, finalizing:", sys.is_finalizing()))
kept = Reports("a global")
cycle = Reports("a cycle")
cycle.me = cycle
del cycle
