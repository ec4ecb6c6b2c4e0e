# Pins down: KeyboardInterrupt raised in a task ends the program with a traceback and status 130.
import asyncio


async def interrupted():
    await asyncio.sleep(0.1)
    print("raising KeyboardInterrupt", flush=True)
    raise KeyboardInterrupt


async def main():
    await asyncio.create_task(interrupted())


asyncio.run(main())
print("never printed")
