# Pins down: a plain Future's unretrieved exception is reported when the future is dropped.
import asyncio
import sys


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_exception(ConnectionError("peer reset"))
    print("dropping the future", file=sys.stderr)
    del fut
    print("dropped", file=sys.stderr)


asyncio.run(main())
