# Pins down: reading a pending task's result: the traceback ends at the program's own line.
import asyncio


async def main():
    task = asyncio.create_task(asyncio.sleep(1))
    task.result()


asyncio.run(main())
