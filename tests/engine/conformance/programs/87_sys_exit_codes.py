# Pins down: sys.exit with an int above 255 wraps, and SystemExit from a task ends asyncio.run.
import asyncio
import sys


async def leaver():
    await asyncio.sleep(0.01)
    print("task calls sys.exit(258)")
    sys.exit(258)


async def main():
    try:
        await asyncio.create_task(leaver())
    finally:
        print("main's finally runs")


asyncio.run(main())
