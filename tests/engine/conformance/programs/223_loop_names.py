# Pins down: the names a program sees of the event loop, its policy and its selector, in the
# loop's repr and in asyncio's debug log.
import asyncio
import logging
import sys

logging.basicConfig(level=logging.DEBUG, stream=sys.stdout, format="%(levelname)s:%(name)s:%(message)s")


async def main():
    loop = asyncio.get_running_loop()
    print(loop)
    print(type(loop))
    print(asyncio.EventLoop is asyncio.SelectorEventLoop, asyncio.SelectorEventLoop.__name__)
    print(type(loop._selector).__name__)


asyncio.run(main())
