# Pins down: atexit handlers run after the uncaught exception's traceback, and one that fails is reported.
import asyncio
import atexit


class Broken:
    def __call__(self):
        raise RuntimeError("atexit handler failed")

    def __repr__(self):
        return "<Broken handler>"


atexit.register(print, "last handler registered runs first")
atexit.register(Broken())
atexit.register(print, "first handler registered runs last")


async def main():
    raise ValueError("uncaught in main")


asyncio.run(main())
