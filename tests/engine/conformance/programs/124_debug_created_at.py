# Pins down: with loop debugging on, "created at" tracebacks point at the program's lines.
import asyncio
import logging
import sys

logging.basicConfig(stream=sys.stderr, level=logging.ERROR, format="%(message)s")


async def fails():
    raise ValueError("with debug")


async def main():
    asyncio.get_running_loop().set_debug(True)
    t = asyncio.create_task(fails())
    await asyncio.sleep(0)
    source = t._source_traceback
    print([(frame.name, frame.line) for frame in source if frame.filename == __file__])
    del t


asyncio.run(main())
