# Pins down: at exit, an object the program's globals hold is finalized while those globals are
# all there (the module is freed by the garbage collector, PEP 442), so its __del__ can use
# modules, functions and constants the program defined.
import asyncio
import sys

LIMIT = 3


def describe(name):
    return f"{name} (limit {LIMIT})"


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("closing", describe(self.name), sys.version_info[0], asyncio.iscoroutine(describe))


async def main():
    await asyncio.sleep(0)


resource = Resource("the connection")
asyncio.run(main())
print("end of the program")
