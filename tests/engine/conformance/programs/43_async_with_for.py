# Pins down: async context manager and async iterator protocols, incl. the exception passed to __aexit__.
import asyncio


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        await asyncio.sleep(0.01)
        print(f"enter {self.name}")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.01)
        print(f"exit {self.name}: {exc_type.__name__ if exc_type else None}")
        return exc_type is KeyError  # suppress KeyError only


class Countdown:
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.n -= 1
        return self.n


async def main():
    async with Resource("r1") as r:
        async for v in Countdown(3):
            print(r.name, "got", v)
    async with Resource("r2"):
        raise KeyError("suppressed")
    try:
        async with Resource("r3"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", repr(e))


asyncio.run(main())
