# Pins down: sys.exit(3) inside a coroutine propagates out of asyncio.run; finally blocks run; exit status 3.
import asyncio
import sys


async def other():
    try:
        await asyncio.sleep(10)
    finally:
        print("other task finally")


async def main():
    asyncio.create_task(other())
    await asyncio.sleep(0.01)
    try:
        print("main calling sys.exit(3)")
        sys.exit(3)
    finally:
        print("main finally")


try:
    asyncio.run(main())
except SystemExit as e:
    print("SystemExit code:", e.code)
    raise
