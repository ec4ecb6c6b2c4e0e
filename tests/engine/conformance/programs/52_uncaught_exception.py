# Pins down: an exception escaping asyncio.run prints a traceback to stderr and exits with status 1.
import asyncio


async def inner():
    await asyncio.sleep(0.01)
    raise LookupError("escaped from the loop")


async def main():
    print("main starting")
    await inner()
    print("never printed")


asyncio.run(main())
print("never printed either")
